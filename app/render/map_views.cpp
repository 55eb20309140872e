#include "render/map_views.h"

#include <QCoreApplication>


namespace app::render {

namespace {
struct ViewName {
    View view;
    const char* id;
    const char* title;
};
constexpr ViewName kViews[] = {
    {View::Overview, "overview", QT_TRANSLATE_NOOP("app::render::MapViews", "行政区划")},
    {View::CountyClasses, "county_classes", QT_TRANSLATE_NOOP("app::render::MapViews", "县城分类")},
    {View::OneClusterThreeBelts, "one_cluster_three_belts", QT_TRANSLATE_NOOP("app::render::MapViews", "一群三带")},
    {View::OneCoreThreeCentres, "one_core_three_centres", QT_TRANSLATE_NOOP("app::render::MapViews", "一核三心多组团")},
    {View::Transport, "transport", QT_TRANSLATE_NOOP("app::render::MapViews", "交通廊道与枢纽")},
    {View::Progress, "progress", QT_TRANSLATE_NOOP("app::render::MapViews", "目标进展")},
};

struct LayerName {
    const char* id;
    const char* title;
};
constexpr LayerName kLayers[] = {
    {"neighbours", QT_TRANSLATE_NOOP("app::render::MapViews", "周边省区")},
    {"counties", QT_TRANSLATE_NOOP("app::render::MapViews", "县级行政区")},
    {"rivers", QT_TRANSLATE_NOOP("app::render::MapViews", "河流")},
    {"zones", QT_TRANSLATE_NOOP("app::render::MapViews", "规划分区")},
    {"prefecture_borders", QT_TRANSLATE_NOOP("app::render::MapViews", "市州界")},
    {"province", QT_TRANSLATE_NOOP("app::render::MapViews", "省界")},
    {"belts", QT_TRANSLATE_NOOP("app::render::MapViews", "发展带")},
    {"relations", QT_TRANSLATE_NOOP("app::render::MapViews", "区域关系")},
    {"corridors", QT_TRANSLATE_NOOP("app::render::MapViews", "交通项目")},
    {"neighbour_seats", QT_TRANSLATE_NOOP("app::render::MapViews", "省外端点驻地")},
    {"central_cities", QT_TRANSLATE_NOOP("app::render::MapViews", "区域中心城市")},
    {"progress", QT_TRANSLATE_NOOP("app::render::MapViews", "目标进展")},
    {"places", QT_TRANSLATE_NOOP("app::render::MapViews", "节点与枢纽")},
    {"labels", QT_TRANSLATE_NOOP("app::render::MapViews", "注记")},
};
}  // namespace

QString viewId(View view)
{
    for (const auto& v : kViews)
        if (v.view == view)
            return v.id;
    return {};
}

std::optional<View> viewFromId(const QString& id)
{
    for (const auto& v : kViews)
        if (id == v.id)
            return v.view;
    return std::nullopt;
}

std::optional<View> viewNamed(const QString& text)
{
    for (const auto& v : kViews)
        if (text.compare(QLatin1String(v.id), Qt::CaseInsensitive) == 0 || text == QString::fromUtf8(v.title) || text == viewTitle(v.view))
            return v.view;
    return std::nullopt;
}

QString viewChoices()
{
    QStringList out;
    for (const auto& v : kViews)
        out << QStringLiteral("%1 (%2)").arg(QLatin1String(v.id), QString::fromUtf8(v.title));
    return out.join(", ");
}

QStringList viewIds()
{
    QStringList ids;
    for (const auto& v : kViews)
        ids << v.id;
    return ids;
}

QString viewTitle(View view)
{
    for (const auto& v : kViews)
        if (v.view == view)
            return QCoreApplication::translate("app::render::MapViews", v.title);
    return {};
}

QStringList layerIds()
{
    QStringList ids;
    for (const auto& l : kLayers)
        ids << l.id;
    return ids;
}

QString layerTitle(const QString& layerId)
{
    for (const auto& l : kLayers)
        if (layerId == l.id)
            return QCoreApplication::translate("app::render::MapViews", l.title);
    return layerId;
}

}  // namespace app::render
