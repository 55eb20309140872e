#include "gui/selection.h"

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
