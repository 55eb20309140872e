#pragma once
// What the user has selected: a set of counties (by code) and at most one plan feature (zone, corridor,
// place or central city id). Shared by the map, the membership table, the class list and the info panel;
// each change names its origin so a view does not react to its own change.

#include <QObject>
#include <QSet>
#include <QString>

namespace app::gui {

class Selection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    const QSet<QString>& counties() const { return m_counties; }
    const QString& feature() const { return m_feature; }

    void setCounties(const QSet<QString>& codes, QObject* origin = nullptr);
    void setFeature(const QString& id, QObject* origin = nullptr);
    void clear(QObject* origin = nullptr);

signals:
    void changed(QObject* origin);

private:
    QSet<QString> m_counties;
    QString m_feature;
};

}  // namespace app::gui
