#pragma once
// Search: a line edit over every kind of plan object (counties, prefectures, county-seat classes, zones, central
// cities, corridors, places, plan statements), answered by the one name resolver, PlanQuery::resolve: names, short and old names,
// codes, ids, English names, the documents' aliases, a part of a name, and typos (suggestions). One answer:
// chosen(). Several (遵义: the prefecture and the central city): a list to choose from and a message. None: a
// message with the closest names, which the list offers too, and the box framed red. Never nothing.

#include <vector>

#include <QLineEdit>

#include "gui/identify.h"
#include "layers/plan_query.h"

class QCompleter;
class QStringListModel;

namespace app::gui {

/// Every kind the search box looks for, in the order candidates are listed.
extern const std::vector<layers::PlanKind> kSearchKinds;

/// The hit an object is on the map (county, prefecture, zone, corridor, place, central city; a plan statement: the
/// place it concerns); kind None for a class, which the class list selects, and a province-wide statement.
Hit hitOf(const layers::PlanObject& object, const layers::PlanData& plan);

class SearchBox : public QLineEdit {
    Q_OBJECT
public:
    explicit SearchBox(const layers::PlanQuery& query, QWidget* parent = nullptr);

    /// What text names among every kind; a line of the completion or choice list names its object.
    layers::NameLookup lookup(const QString& text) const;
    /// The one object text names, as a map hit (kind None when it names none, several, or a class).
    Hit find(const QString& text) const;
    /// Searches as pressing Return does: chosen(), or the candidates or suggestions offered with a message.
    void search(const QString& text);
    /// The completion list and the placeholder in the current language.
    void retranslate();

    QCompleter* completer() const { return m_completer; }
    /// The list offered after a search without one answer (the candidates, else the suggestions).
    QCompleter* choices() const { return m_choices; }
    const std::vector<layers::PlanObject>& offered() const { return m_offered; }
    /// The last search's message (ambiguous or not found); empty after a search with one answer.
    const QString& message() const { return m_message; }
    /// An object as the lists show it: its name, kind and names or id.
    QString display(const layers::PlanObject& object) const;

signals:
    void chosen(const layers::PlanObject& object);
    /// A search had no one answer (notFound: nothing matched); an empty text: the message is withdrawn.
    void messageChanged(const QString& text, bool notFound);

private:
    void setMessage(const QString& text, bool notFound);
    void offer(const std::vector<layers::PlanObject>& objects);
    /// The object's line in the completion list (display, made unique).
    QString lineOf(const layers::PlanObject& object) const;
    void choose(const QString& text);

    const layers::PlanQuery& m_query;
    std::vector<layers::PlanObject> m_objects;  ///< everything searched, in completion-list order
    QStringList m_displays;                     ///< m_objects as the lists show them
    std::vector<layers::PlanObject> m_offered;
    QString m_message;
    QCompleter* m_completer;
    QStringListModel* m_model;
    QCompleter* m_choices;
    QStringListModel* m_choiceModel;
};

}  // namespace app::gui
