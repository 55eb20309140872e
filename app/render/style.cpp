#include "render/style.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace app::render {

namespace {
void colour(const QJsonObject& o, const char* key, QColor& out)
{
    if (o.contains(key))
        out = QColor(o.value(key).toString());
}
void number(const QJsonObject& o, const char* key, double& out)
{
    if (o.contains(key))
        out = o.value(key).toDouble(out);
}
void stroke(const QJsonObject& o, StrokeStyle& out)
{
    colour(o, "stroke", out.colour);
    number(o, "width", out.width);
}
}  // namespace

bool Style::load(const QString& path, Style& style, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + ": " + file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: offset %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    colour(root, "background", style.background);
    const QJsonObject neighbour = root.value("neighbour").toObject();
    colour(neighbour, "fill", style.neighbourFill);
    stroke(neighbour, style.neighbourStroke);
    colour(neighbour, "label", style.neighbourLabel);
    stroke(root.value("county").toObject(), style.county);
    stroke(root.value("prefecture").toObject(), style.prefecture);
    stroke(root.value("province").toObject(), style.province);
    if (root.contains("prefecture_fills")) {
        style.prefectureFills.clear();
        for (const QJsonValue& v : root.value("prefecture_fills").toArray())
            style.prefectureFills.push_back(QColor(v.toString()));
    }
    const QJsonObject label = root.value("label").toObject();
    if (label.contains("font"))
        style.labelFont = label.value("font").toString();
    number(label, "size", style.labelSize);
    colour(label, "colour", style.labelColour);
    colour(label, "halo", style.labelHalo);
    number(label, "halo_width", style.labelHaloWidth);
    const QJsonObject title = root.value("title").toObject();
    if (title.contains("font"))
        style.titleFont = title.value("font").toString();
    number(title, "size", style.titleSize);
    colour(title, "colour", style.titleColour);
    const QJsonObject seat = root.value("seat").toObject();
    colour(seat, "fill", style.seatFill);
    number(seat, "radius", style.seatRadius);
    auto colourMap = [&](const char* key, QMap<QString, QColor>& out) {
        const QJsonObject o = root.value(key).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out[it.key()] = QColor(it.value().toString());
    };
    colourMap("classes", style.classFills);
    colourMap("belts", style.beltColours);
    colourMap("zones", style.zoneFills);
    colourMap("modes", style.modeColours);
    colour(root, "neutral_fill", style.neutralFill);
    colour(root, "no_class_fill", style.noClassFill);
    colour(root, "highlight", style.highlight);
    if (style.prefectureFills.isEmpty())
        style.prefectureFills.push_back(QColor("#f4e3c1"));
    return true;
}

}  // namespace app::render
