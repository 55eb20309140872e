#include "gui/document_panel.h"

#include <fstream>
#include <sstream>

#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

#include "layers/plan.h"
#include "layers/plan_text.h"
#include "render/language.h"

namespace app::gui {

namespace {
std::string readText(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The QString position of a byte offset into UTF-8 text (QTextDocument counts UTF-16 units).
int position(const std::string& text, std::size_t byte)
{
    return static_cast<int>(QString::fromUtf8(text.data(), static_cast<qsizetype>(std::min(byte, text.size()))).size());
}

QTextEdit::ExtraSelection highlight(QTextBrowser* browser, int begin, int end, const QColor& colour)
{
    QTextEdit::ExtraSelection s;
    s.cursor = QTextCursor(browser->document());
    s.cursor.setPosition(begin);
    s.cursor.setPosition(end, QTextCursor::KeepAnchor);
    s.format.setBackground(colour);
    return s;
}
}  // namespace

PlanTexts PlanTexts::read(const QString& documentsDir, const std::vector<layers::PlanDocument>& documents)
{
    PlanTexts texts;
    for (const layers::PlanDocument& d : documents)
        texts.documents[d.id] = readText(documentsDir + "/" + QString::fromStdString(d.id) + ".txt");
    texts.references = readText(documentsDir + "/references.md");
    return texts;
}

QUrl clauseLink(const layers::Provenance& p, const QString& quote)
{
    QUrl url;
    url.setScheme("gzplan");
    url.setPath("clause");
    QUrlQuery query;
    query.addQueryItem("source", QString::fromStdString(p.source));
    query.addQueryItem("clause", QString::fromStdString(p.clause));
    if (!quote.isEmpty())
        query.addQueryItem("quote", quote);
    url.setQuery(query);
    return url;
}

DocumentPanel::DocumentPanel(QWidget* parent) : QWidget(parent)
{
    m_choice = new QComboBox(this);
    m_where = new QLabel(this);
    m_where->setWordWrap(true);
    m_text = new QTextBrowser(this);
    m_text->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_choice);
    layout->addWidget(m_where);
    layout->addWidget(m_text, 1);
    connect(m_choice, &QComboBox::activated, this, [this](int index) { showDocument(m_choice->itemData(index).toString()); });
}

void DocumentPanel::setTexts(PlanTexts texts, const std::vector<layers::PlanDocument>& documents)
{
    m_texts = std::move(texts);
    m_choice->clear();
    m_titles.clear();
    for (const layers::PlanDocument& d : documents) {
        m_choice->addItem(QString(), QString::fromStdString(d.id));
        m_titles << qMakePair(QString::fromStdString(d.title), QString::fromStdString(d.titleEn));
    }
    m_choice->addItem(QString(), QStringLiteral("REFERENCE"));
    retranslate();
    if (m_choice->count() > 0)
        showDocument(m_choice->itemData(0).toString());
}

void DocumentPanel::retranslate()
{
    for (int i = 0; i < m_titles.size(); ++i)
        m_choice->setItemText(i, QStringLiteral("%1 %2").arg(m_choice->itemData(i).toString(), render::inLanguage(m_titles[i].first, m_titles[i].second)));
    const int references = m_choice->findData(QStringLiteral("REFERENCE"));
    if (references >= 0)
        m_choice->setItemText(references, tr("REFERENCE 参考资料 (share/documents/references.md)"));
}

void DocumentPanel::showDocument(const QString& source)
{
    if (source == m_source)
        return;
    m_source = source;
    m_choice->setCurrentIndex(m_choice->findData(source));
    if (source == "REFERENCE")
        m_text->setMarkdown(QString::fromStdString(m_texts.references));
    else
        m_text->setPlainText(QString::fromStdString(m_texts.document(source.toStdString())));
    m_text->setExtraSelections({});
    m_where->clear();
    m_clauseText.clear();
    m_quoteText.clear();
}

bool DocumentPanel::open(const QUrl& link)
{
    const QUrlQuery query(link);
    return showClause(query.queryItemValue("source", QUrl::FullyDecoded), query.queryItemValue("clause", QUrl::FullyDecoded),
                      query.queryItemValue("quote", QUrl::FullyDecoded));
}

bool DocumentPanel::showClause(const QString& source, const QString& clause, const QString& quote)
{
    if (m_choice->findData(source) < 0) {
        m_where->setText(tr("没有文件“%1”").arg(source));
        return false;
    }
    showDocument(source);
    QList<QTextEdit::ExtraSelection> marks;
    int scrollTo = -1;
    if (source == "REFERENCE") {
        // references.md has no clause numbering: the quote (the region's name) is found in its text.
        m_where->setText(tr("参考资料, 关于 %1 %2").arg(clause, quote));
        QTextCursor found = quote.isEmpty() ? QTextCursor() : m_text->document()->find(quote);
        if (!found.isNull()) {
            marks << highlight(m_text, found.selectionStart(), found.selectionEnd(), QColor(255, 200, 80));
            scrollTo = found.selectionStart();
            m_quoteText = found.selectedText();
        }
    } else {
        const std::string& text = m_texts.document(source.toStdString());
        const auto span = layers::clauseSpan(text, clause.toStdString());
        if (!span) {
            m_where->setText(tr("%1 中没有条款 %2").arg(source, clause));
            m_text->setExtraSelections({});
            return false;
        }
        const int begin = position(text, span->begin), end = position(text, span->end);
        marks << highlight(m_text, begin, end, QColor(255, 244, 200));
        m_clauseText = m_text->document()->toPlainText().mid(begin, end - begin);
        scrollTo = begin;
        m_where->setText(QStringLiteral("%1 %2").arg(source, clause));
        if (!quote.isEmpty()) {
            const auto at = text.find(quote.toStdString(), span->begin);
            if (at != std::string::npos && at < span->end) {
                const int q = position(text, at);
                marks << highlight(m_text, q, q + static_cast<int>(quote.size()), QColor(255, 200, 80));
                m_quoteText = quote;
            }
        }
    }
    m_text->setExtraSelections(marks);
    if (scrollTo >= 0) {
        // The clause's first line at the top of the panel.
        QTextCursor cursor(m_text->document());
        cursor.setPosition(scrollTo);
        m_text->setTextCursor(cursor);
        const QRect r = m_text->cursorRect(cursor);
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->value() + r.top());
    }
    return true;
}

}  // namespace app::gui
