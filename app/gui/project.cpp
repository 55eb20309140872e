#include "gui/project.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace app::gui {

namespace {
/// The messages' context for the translation (lupdate reads it).
struct ProjectText {
    Q_DECLARE_TR_FUNCTIONS(app::gui::Project)
};

QJsonArray numbers(std::initializer_list<double> values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}
/// A JSON number that is a whole number a FID can be (JSON numbers are doubles: exact to 2^53).
bool wholeNumber(const QJsonValue& v, std::int64_t& out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return false;
    out = static_cast<std::int64_t>(d);
    return true;
}
}  // namespace

QJsonArray fidRuns(const std::vector<std::int64_t>& fids)
{
    QJsonArray out;
    for (std::size_t i = 0; i < fids.size();) {
        std::size_t j = i;
        while (j + 1 < fids.size() && fids[j + 1] == fids[j] + 1)
            ++j;
        if (j - i >= 2)
            out.append(QJsonArray{static_cast<double>(fids[i]), static_cast<double>(fids[j])});
        else
            for (std::size_t k = i; k <= j; ++k)
                out.append(static_cast<double>(fids[k]));
        i = j + 1;
    }
    return out;
}

bool fidsFromRuns(const QJsonArray& runs, std::vector<std::int64_t>& fids)
{
    fids.clear();
    for (const QJsonValue& v : runs) {
        std::int64_t a = 0, b = 0;
        if (v.isArray()) {
            const QJsonArray pair = v.toArray();
            if (pair.size() != 2 || !wholeNumber(pair[0], a) || !wholeNumber(pair[1], b) || a > b)
                return false;
        } else if (!wholeNumber(v, a)) {
            return false;
        } else {
            b = a;
        }
        if (b - a > 100'000'000 || fids.size() > 100'000'000)
            return false;  // not a selection a layer holds: a hand-edited or damaged file
        for (std::int64_t f = a; f <= b; ++f)
            fids.push_back(f);
    }
    std::sort(fids.begin(), fids.end());
    fids.erase(std::unique(fids.begin(), fids.end()), fids.end());
    return true;
}

QString writeProject(const Project& p, const QString& file)
{
    const QDir folder = QFileInfo(file).absoluteDir();
    QJsonArray layers;
    for (const ProjectLayer& l : p.layers) {
        // Relative to the project's folder, with forward slashes: the folder can move, with its data, to another
        // machine or system.
        layers.append(QJsonObject{{"path", l.path.startsWith(QLatin1String("PG:")) ? l.path  // a PostGIS table: its server and table, no password
                                                                   : QDir::fromNativeSeparators(folder.relativeFilePath(QFileInfo(l.path).absoluteFilePath()))},
                                  {"layer", l.layer},
                                  {"styleField", l.styleField},
                                  {"opacity", l.opacity},
                                  {"visible", l.visible},
                                  {"abovePlan", l.abovePlan},
                                  {"selected", fidRuns(l.selected)}});
    }
    QStringList counties = p.counties;
    counties.sort();
    const QJsonObject root{
        {"version", Project::kVersion},
        {"generator", "gzplan"},
        {"language", p.language},
        {"view", p.view},
        {"map", QJsonObject{{"crs", p.crs},
                            {"centre", numbers({p.centre.x, p.centre.y})},
                            {"unitsPerPixel", p.unitsPerPixel},
                            {"extent", numbers({p.extent.minX, p.extent.minY, p.extent.maxX, p.extent.maxY})},
                            {"scale", std::round(p.scale)}}},
        {"layers", layers},
        {"selection", QJsonObject{{"counties", QJsonArray::fromStringList(counties)}, {"feature", p.feature}}},
    };
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return ProjectText::tr("无法写入项目文件 %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return ProjectText::tr("无法写入项目文件 %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
    return {};
}

bool readProject(const QString& file, Project& project, QString* error)
{
    const QString name = QDir::toNativeSeparators(file);
    auto fail = [&](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    QFile in(file);
    if (!QFileInfo(file).isFile())
        return fail(ProjectText::tr("项目文件 %1 不存在").arg(name));
    if (!in.open(QIODevice::ReadOnly))
        return fail(ProjectText::tr("无法读取项目文件 %1: %2").arg(name, in.errorString()));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError)
        return fail(ProjectText::tr("项目文件 %1 不是有效的 JSON (第 %2 个字节: %3)").arg(name).arg(parse.offset).arg(parse.errorString()));
    if (!doc.isObject() || !doc.object().contains("version"))
        return fail(ProjectText::tr("%1 不是 gzplan 项目文件 (缺少 \"version\")").arg(name));
    const QJsonObject root = doc.object();
    const double version = root.value("version").toDouble();
    if (!root.value("version").isDouble() || version != std::floor(version) || version < Project::kOldestVersion || version > Project::kVersion)
        return fail(ProjectText::tr("项目文件 %1 的版本 %2 无法读取 (此版本的 gzplan 读取版本 %3 到 %4)")
                        .arg(name, root.value("version").toVariant().toString())
                        .arg(Project::kOldestVersion)
                        .arg(Project::kVersion));
    // Every field is checked for its type: a hand-edited file says where it is wrong.
    auto wrong = [&](const QString& field, const char* expected) {
        return fail(ProjectText::tr("项目文件 %1: “%2” 应为%3").arg(name, field, ProjectText::tr(expected)));
    };
    Project p;
    const QJsonValue language = root.value("language");
    if (!language.isUndefined()) {
        if (language.toString() != "zh" && language.toString() != "en")
            return wrong("language", QT_TRANSLATE_NOOP("app::gui::Project", " zh 或 en"));
        p.language = language.toString();
    }
    if (!root.value("view").isUndefined() && !root.value("view").isString())
        return wrong("view", QT_TRANSLATE_NOOP("app::gui::Project", "视图名 (文本)"));
    p.view = root.value("view").toString();
    const QJsonValue map = root.value("map");
    if (!map.isUndefined()) {
        if (!map.isObject())
            return wrong("map", QT_TRANSLATE_NOOP("app::gui::Project", "对象"));
        const QJsonObject m = map.toObject();
        if (!m.value("crs").isUndefined() && !m.value("crs").isString())
            return wrong("map.crs", QT_TRANSLATE_NOOP("app::gui::Project", "坐标参考系 (文本)"));
        p.crs = m.value("crs").toString();
        const QJsonArray centre = m.value("centre").toArray();
        if (!m.value("centre").isUndefined() && (centre.size() != 2 || !centre[0].isDouble() || !centre[1].isDouble()))
            return wrong("map.centre", QT_TRANSLATE_NOOP("app::gui::Project", "两个数 [x, y]"));
        if (centre.size() == 2)
            p.centre = {centre[0].toDouble(), centre[1].toDouble()};
        if (!m.value("unitsPerPixel").isUndefined() && !(m.value("unitsPerPixel").toDouble() > 0))
            return wrong("map.unitsPerPixel", QT_TRANSLATE_NOOP("app::gui::Project", "正数"));
        p.unitsPerPixel = m.value("unitsPerPixel").toDouble();
        const QJsonArray extent = m.value("extent").toArray();
        if (extent.size() == 4)
            p.extent = {extent[0].toDouble(), extent[1].toDouble(), extent[2].toDouble(), extent[3].toDouble()};
        p.scale = m.value("scale").toDouble();
    }
    const QJsonValue layers = root.value("layers");
    if (!layers.isUndefined() && !layers.isArray())
        return wrong("layers", QT_TRANSLATE_NOOP("app::gui::Project", "数组"));
    const QDir folder = QFileInfo(file).absoluteDir();
    for (const QJsonValue& v : layers.toArray()) {
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.value("path").isString() || o.value("path").toString().isEmpty())
            return wrong("layers[].path", QT_TRANSLATE_NOOP("app::gui::Project", "文件路径 (文本)"));
        ProjectLayer l;
        const QString path = o.value("path").toString();
        l.path = path.startsWith(QLatin1String("PG:")) ? path : QDir::cleanPath(folder.absoluteFilePath(path));
        l.layer = o.value("layer").toString();
        l.styleField = o.value("styleField").toString();
        const QJsonValue opacity = o.value("opacity");
        if (!opacity.isUndefined() && !(opacity.isDouble() && opacity.toDouble() >= 0 && opacity.toDouble() <= 1))
            return wrong("layers[].opacity", QT_TRANSLATE_NOOP("app::gui::Project", "0 到 1 之间的数"));
        l.opacity = opacity.toDouble(1.0);
        l.visible = o.value("visible").toBool(true);
        l.abovePlan = o.value("abovePlan").toBool(false);
        // Version 2: the layer's selected features (version 1 has none).
        const QJsonValue selected = o.value("selected");
        if (version >= 2 && !selected.isUndefined() && (!selected.isArray() || !fidsFromRuns(selected.toArray(), l.selected)))
            return wrong("layers[].selected", QT_TRANSLATE_NOOP("app::gui::Project", "要素编号的数组 (整数, 或 [起, 止] 的区间)"));
        p.layers.push_back(l);
    }
    const QJsonObject selection = root.value("selection").toObject();
    for (const QJsonValue& c : selection.value("counties").toArray())
        p.counties << c.toString();
    p.feature = selection.value("feature").toString();
    project = std::move(p);
    return true;
}

}  // namespace app::gui
