#include "gui/selection.h"

#include <algorithm>

namespace app::gui {

void Selection::setCounties(const QSet<QString>& codes, QObject* origin)
{
    if (codes == m_counties && m_feature.isEmpty())
        return;
    m_counties = codes;
    m_feature.clear();
    emit changed(origin);
}

void Selection::setFeature(const QString& id, QObject* origin)
{
    if (id == m_feature && m_counties.isEmpty())
        return;
    m_feature = id;
    m_counties.clear();
    emit changed(origin);
}

void Selection::clear(QObject* origin)
{
    if (m_counties.isEmpty() && m_feature.isEmpty())
        return;
    m_counties.clear();
    m_feature.clear();
    emit changed(origin);
}

}  // namespace app::gui

namespace app::gui {

std::shared_ptr<const Selection::FeatureIds> Selection::userFeatures(const QString& layer) const
{
    static const auto none = std::make_shared<const FeatureIds>();
    return m_userFeatures.value(layer, none);
}

QStringList Selection::userLayersWithFeatures() const { return m_userFeatures.keys(); }

void Selection::setUserFeatures(const QString& layer, FeatureIds fids, QObject* origin)
{
    std::sort(fids.begin(), fids.end());
    fids.erase(std::unique(fids.begin(), fids.end()), fids.end());
    if (fids.empty()) {
        clearUserFeatures(layer, origin);
        return;
    }
    if (const auto old = m_userFeatures.value(layer); old && *old == fids)
        return;
    m_userFeatures.insert(layer, std::make_shared<const FeatureIds>(std::move(fids)));
    emit userFeaturesChanged(layer, origin);
}

void Selection::clearUserFeatures(const QString& layer, QObject* origin)
{
    if (layer.isEmpty()) {
        if (m_userFeatures.isEmpty())
            return;
        m_userFeatures.clear();
    } else if (!m_userFeatures.remove(layer)) {
        return;
    }
    emit userFeaturesChanged(layer, origin);
}

}  // namespace app::gui
