#pragma once
// Search: a line edit with completion over counties (full, short and old names, codes), zones, places,
// corridors and central cities. Choosing a result emits found() with what to zoom to and identify.

#include <QLineEdit>
#include <QVector>

#include "gui/identify.h"
#include "render/map_data.h"

class QCompleter;
class QStringListModel;

namespace app::gui {

class SearchBox : public QLineEdit {
    Q_OBJECT
public:
    SearchBox(const render::MapData& data, QWidget* parent = nullptr);

    /// The best match for free text: an exact name or code first, then the first entry containing it.
    Hit find(const QString& text) const;
    QCompleter* completer() const { return m_completer; }

signals:
    void found(const app::gui::Hit& hit);

private:
    struct Entry {
        QString display;  ///< shown in the completion list
        QStringList keys; ///< exact names and codes
        Hit hit;
    };
    void choose(const QString& text);

    QVector<Entry> m_entries;
    QCompleter* m_completer;
    QStringListModel* m_model;
};

}  // namespace app::gui
