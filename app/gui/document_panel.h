#pragma once
// The plan documents in the window: GZ2023, GY2025 and the project's references (share/documents), one at a time,
// opened at a clause with the clause and its quote highlighted. Every source cited in the information panel is a
// link that opens here (gzplan:clause?…, see clauseLink), so a planner reads the words behind a class, a zone or a
// target without leaving the map.

#include <map>
#include <string>

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace layers {
struct PlanDocument;
struct Provenance;
}

namespace app::gui {

/// The documents' texts: plan document id (GZ2023, GY2025) -> UTF-8 text, and references.md for REFERENCE rows.
struct PlanTexts {
    std::map<std::string, std::string> documents;
    std::string references;

    /// The text of document id; empty when it was not read (never adds an entry).
    const std::string& document(const std::string& id) const
    {
        static const std::string none;
        const auto it = documents.find(id);
        return it == documents.end() ? none : it->second;
    }

    /// Reads share/documents/<id>.txt for each plan document and references.md; a missing file stays empty.
    static PlanTexts read(const QString& documentsDir, const std::vector<layers::PlanDocument>& documents);
};

/// The link of a cited source: opens the document panel at p's clause with `quote` (may be empty) highlighted.
QUrl clauseLink(const layers::Provenance& p, const QString& quote = {});

class DocumentPanel : public QWidget {
    Q_OBJECT
public:
    explicit DocumentPanel(QWidget* parent = nullptr);

    void setTexts(PlanTexts texts, const std::vector<layers::PlanDocument>& documents);
    const PlanTexts& texts() const { return m_texts; }

    /// Opens a link made by clauseLink. Returns false (and shows why in the panel) for a clause not found.
    bool open(const QUrl& link);
    /// Shows source (GZ2023, GY2025, REFERENCE) at clause, highlighting the clause and, inside it, quote.
    bool showClause(const QString& source, const QString& clause, const QString& quote);

    QTextBrowser* browser() const { return m_text; }
    /// The document shown (GZ2023, GY2025, REFERENCE) and the highlighted clause text and quote text.
    QString shownSource() const { return m_source; }
    QString highlightedClause() const { return m_clauseText; }
    QString highlightedQuote() const { return m_quoteText; }
    void retranslate();

private:
    void showDocument(const QString& source);

    PlanTexts m_texts;
    QList<QPair<QString, QString>> m_titles;  ///< each plan document's title in Chinese and English
    QComboBox* m_choice;
    QLabel* m_where;
    QTextBrowser* m_text;
    QString m_source, m_clauseText, m_quoteText;
};

}  // namespace app::gui
