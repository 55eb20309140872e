#pragma once
// What the user has selected: a set of counties (by code) and at most one plan feature (zone, corridor,
// place or central city id), and apart from them features of user layers (a set of FIDs per user layer: rows of
// its attribute table, a selection by expression). Shared by the map, the membership table, the class list, the
// attribute tables and the info panel; each change names its origin so a view does not react to its own change.

#include <cstdint>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace app::gui {

class Selection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// FIDs (in the layer's file), ascending and unique.
    using FeatureIds = std::vector<std::int64_t>;

    const QSet<QString>& counties() const { return m_counties; }
    const QString& feature() const { return m_feature; }

    void setCounties(const QSet<QString>& codes, QObject* origin = nullptr);
    void setFeature(const QString& id, QObject* origin = nullptr);
    /// Clears the counties and the plan feature (user layers' features stay: clearUserFeatures).
    void clear(QObject* origin = nullptr);

    /// The selected features of a user layer (by render::UserLayer::id), never null (empty when none).
    std::shared_ptr<const FeatureIds> userFeatures(const QString& layer) const;
    /// Every user layer with selected features.
    QStringList userLayersWithFeatures() const;
    /// Replaces a user layer's selected features (sorted and made unique here).
    void setUserFeatures(const QString& layer, FeatureIds fids, QObject* origin = nullptr);
    /// Clears one user layer's features (empty layer: every layer's).
    void clearUserFeatures(const QString& layer = {}, QObject* origin = nullptr);

signals:
    void changed(QObject* origin);
    /// A user layer's selected features changed (layer empty: possibly every layer's).
    void userFeaturesChanged(const QString& layer, QObject* origin);

private:
    QSet<QString> m_counties;
    QString m_feature;
    QHash<QString, std::shared_ptr<const FeatureIds>> m_userFeatures;
};

}  // namespace app::gui
