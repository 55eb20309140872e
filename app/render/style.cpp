#include "render/style.h"

#include <cmath>
#include <stdexcept>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSizeF>

#include "render/map_views.h"

namespace app::render {

namespace {

/// A style file error: where (a JSON path such as rules[3].fill) and what.
struct StyleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const QString& where, const QString& what)
{
    throw StyleError((where + ": " + what).toStdString());
}

QColor colourAt(const QJsonValue& v, const QString& where)
{
    const QColor c(v.toString());
    if (!v.isString() || !c.isValid())
        fail(where, QStringLiteral("not a colour (#rrggbb or #aarrggbb): %1").arg(v.isString() ? v.toString() : QStringLiteral("not text")));
    return c;
}

double numberAt(const QJsonValue& v, const QString& where)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        fail(where, QStringLiteral("not a number"));
    return v.toDouble();
}

bool boolAt(const QJsonValue& v, const QString& where)
{
    if (!v.isBool())
        fail(where, QStringLiteral("not true or false"));
    return v.toBool();
}

QString textAt(const QJsonValue& v, const QString& where)
{
    if (!v.isString())
        fail(where, QStringLiteral("not text"));
    return v.toString();
}

/// A map-wide section: every key must be known, every known key present.
class Section {
public:
    Section(const QJsonObject& o, QString where) : m_o(o), m_where(std::move(where)) {}
    QJsonValue take(const char* key)
    {
        m_used.insert(key);
        if (!m_o.contains(key))
            fail(m_where, QStringLiteral("missing \"%1\"").arg(key));
        return m_o.value(key);
    }
    QString at(const char* key) const { return m_where + "." + key; }
    bool has(const QString& key) const { return m_o.contains(key); }
    QColor colour(const char* key) { return colourAt(take(key), at(key)); }
    double number(const char* key) { return numberAt(take(key), at(key)); }
    QString text(const char* key) { return textAt(take(key), at(key)); }
    Section object(const char* key)
    {
        const QJsonValue v = take(key);
        if (!v.isObject())
            fail(at(key), QStringLiteral("not an object"));
        return Section(v.toObject(), at(key));
    }
    TextStyle textStyle(const char* key)
    {
        Section s = object(key);
        TextStyle out{s.text("font"), s.number("size"), s.colour("colour"), s.colour("halo"), s.number("halo_width")};
        s.finish();
        return out;
    }
    StrokeStyle stroke(const char* key)
    {
        Section s = object(key);
        StrokeStyle out{s.colour("stroke"), s.number("width")};
        s.finish();
        return out;
    }
    void finish() const
    {
        for (auto it = m_o.begin(); it != m_o.end(); ++it)
            if (!m_used.contains(it.key()) && it.key() != "comment")
                fail(m_where, QStringLiteral("unknown key \"%1\"").arg(it.key()));
    }

private:
    QJsonObject m_o;
    QString m_where;
    QSet<QString> m_used;
};

using Setter = std::function<void(Symbol&)>;

template <class T, class V>
Setter set(T Symbol::*field, V value)
{
    return [field, value](Symbol& s) { s.*field = value; };
}

QColor colourOrNoneAt(const QJsonValue& v, const QString& where) { return v.toString() == "none" ? QColor() : colourAt(v, where); }

QString oneOf(const QJsonValue& v, const QString& where, const QStringList& allowed)
{
    const QString s = textAt(v, where);
    if (!allowed.contains(s))
        fail(where, QStringLiteral("not one of %1: %2").arg(allowed.join(", "), s));
    return s;
}

QVector<QColor> paletteAt(const QJsonValue& v, const QString& where)
{
    if (!v.isArray() || v.toArray().isEmpty())
        fail(where, QStringLiteral("not a list of colours"));
    QVector<QColor> palette;
    for (qsizetype i = 0; i < v.toArray().size(); ++i)
        palette << colourAt(v.toArray().at(i), QStringLiteral("%1[%2]").arg(where).arg(i));
    return palette;
}

QPointF pointAt(const QJsonValue& v, const QString& where)
{
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        fail(where, QStringLiteral("not [x, y] (fractions of the feature's bounds)"));
    return {numberAt(a.at(0), where + "[0]"), numberAt(a.at(1), where + "[1]")};
}

/// The symbol property key of a rule, parsed once into a setter.
Setter property(const QString& key, const QJsonValue& v, const QString& where)
{
    if (key == "visible") return set(&Symbol::visible, boolAt(v, where));
    if (key == "fill") {
        if (v.toString() == "auto")
            return set(&Symbol::autoFill, true);
        const QColor c = colourOrNoneAt(v, where);
        return [c](Symbol& s) {
            s.fill = c;
            s.autoFill = false;
        };
    }
    if (key == "fill_pattern") {
        const QString p = oneOf(v, where, {"solid", "none", "hatched"});
        return set(&Symbol::pattern, p == "solid" ? FillPattern::Solid : p == "none" ? FillPattern::None : FillPattern::Hatched);
    }
    if (key == "palette") return set(&Symbol::palette, paletteAt(v, where));
    if (key == "palette_by") return set(&Symbol::paletteBy, textAt(v, where));
    if (key == "dash") {
        const QString d = oneOf(v, where, {"solid", "dash", "dot", "dashdot"});
        return set(&Symbol::dash, d == "solid" ? Qt::SolidLine : d == "dash" ? Qt::DashLine : d == "dot" ? Qt::DotLine : Qt::DashDotLine);
    }
    if (key == "shape") return set(&Symbol::shape, oneOf(v, where, {"circle", "triangle", "square", "diamond"}));
    if (key == "size_field") return set(&Symbol::sizeField, textAt(v, where));
    if (key == "label_anchor") return set(&Symbol::labelAnchor, pointAt(v, where));
    if (key == "label_priority") return set(&Symbol::labelPriority, static_cast<int>(numberAt(v, where)));
    static const std::pair<const char*, QColor Symbol::*> colours[]{{"stroke", &Symbol::stroke}, {"halo", &Symbol::halo}, {"band", &Symbol::band},
                                                                    {"label_colour", &Symbol::labelColour}, {"label_halo", &Symbol::labelHalo}};
    for (const auto& [name, field] : colours)
        if (key == name)
            return set(field, colourOrNoneAt(v, where));
    static const std::pair<const char*, double Symbol::*> numbers[]{
        {"width", &Symbol::width}, {"halo_width", &Symbol::haloWidth}, {"band_width", &Symbol::bandWidth}, {"width_metres", &Symbol::widthMetres},
        {"min_width", &Symbol::minWidth}, {"max_width", &Symbol::maxWidth}, {"size", &Symbol::size}, {"size_scale", &Symbol::sizeScale},
        {"label_halo_width", &Symbol::labelHaloWidth}, {"label_scale", &Symbol::labelScale}, {"outline_min_pixels", &Symbol::outlineMinPixels}};
    for (const auto& [name, field] : numbers)
        if (key == name)
            return set(field, numberAt(v, where));
    static const std::pair<const char*, bool Symbol::*> flags[]{{"label", &Symbol::label}, {"label_bold", &Symbol::labelBold}, {"extent", &Symbol::extent},
                                                                {"split_by_class", &Symbol::splitByClass}, {"inset", &Symbol::inset}};
    for (const auto& [name, field] : flags)
        if (key == name)
            return set(field, boolAt(v, where));
    fail(where, QStringLiteral("unknown symbol property \"%1\"").arg(key));
}

StyleRule ruleAt(const QJsonValue& v, const QString& where)
{
    if (!v.isObject())
        fail(where, QStringLiteral("not an object"));
    const QJsonObject o = v.toObject();
    StyleRule rule;
    QStringList layers = layerIds();
    layers << QStringLiteral("user") << QStringLiteral("highlight");
    rule.layer = textAt(o.value("layer"), where + ".layer");
    if (!layers.contains(rule.layer))
        fail(where + ".layer", QStringLiteral("unknown layer \"%1\" (known: %2)").arg(rule.layer, layers.join(", ")));
    if (o.contains("view")) {
        rule.view = textAt(o.value("view"), where + ".view");
        if (!viewFromId(rule.view))
            fail(where + ".view", QStringLiteral("unknown view \"%1\" (known: %2)").arg(rule.view, viewIds().join(", ")));
    }
    if (o.contains("where")) {
        if (!o.value("where").isObject())
            fail(where + ".where", QStringLiteral("not an object of attribute: value or [values]"));
        const QJsonObject w = o.value("where").toObject();
        for (auto it = w.begin(); it != w.end(); ++it) {
            const QString at = where + ".where." + it.key();
            StyleRule::Condition c{it.key(), {}, false};
            QJsonValue values = it.value();
            if (values.isObject()) {
                if (values.toObject().keys() != QStringList{"not"})
                    fail(at, QStringLiteral("not a value, [values] or {\"not\": [values]}"));
                c.negated = true;
                values = values.toObject().value("not");
            }
            if (values.isArray())
                for (const QJsonValue& x : values.toArray())
                    c.values << textAt(x, at);
            else
                c.values << textAt(values, at);
            rule.where.push_back(std::move(c));
        }
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != "layer" && it.key() != "view" && it.key() != "where" && it.key() != "comment")
            rule.apply.push_back(property(it.key(), it.value(), where + "." + it.key()));
    return rule;
}

void read(const QJsonObject& root, Style& style)
{
    Section file(root, QStringLiteral("style"));
    Section map = file.object("map");
    style.background = map.colour("background");
    style.label = map.textStyle("label");
    style.title = map.textStyle("title");
    Section seat = map.object("seat");
    style.seatFill = seat.colour("fill");
    style.seatRadius = seat.number("radius");
    seat.finish();
    style.ink = map.colour("ink");
    style.paper = map.colour("paper");
    style.noteColour = map.colour("note");
    style.legendOutline = map.stroke("legend_outline");
    const QJsonArray frame = map.take("page_frame").toArray();
    if (frame.size() != 4)
        fail(map.at("page_frame"), QStringLiteral("not [left, top, width, height] as fractions of the page"));
    style.pageFrame = QRectF(numberAt(frame[0], map.at("page_frame")), numberAt(frame[1], map.at("page_frame")),
                             numberAt(frame[2], map.at("page_frame")), numberAt(frame[3], map.at("page_frame")));
    style.extentPad = map.number("extent_pad");
    map.finish();
    Section views = file.object("views");
    style.views.clear();
    for (const QString& id : viewIds()) {
        Section view = views.object(id.toUtf8().constData());
        QMap<QString, double> shown;
        for (const QString& layer : layerIds()) {
            const QString at = view.at(layer.toUtf8().constData());
            if (view.has(layer)) {
                const double opacity = numberAt(view.take(layer.toUtf8().constData()), at);
                if (opacity < 0 || opacity > 1)
                    fail(at, QStringLiteral("an opacity from 0 to 1"));
                shown[layer] = opacity;
            }
        }
        view.finish();
        style.views[id] = shown;
    }
    views.finish();
    const QJsonValue rules = file.take("rules");
    if (!rules.isArray())
        fail(file.at("rules"), QStringLiteral("not a list of rules"));
    style.rules.clear();
    for (qsizetype i = 0; i < rules.toArray().size(); ++i)
        style.rules.push_back(ruleAt(rules.toArray().at(i), QStringLiteral("rules[%1]").arg(i)));
    file.finish();
}

}  // namespace

double Symbol::radius(double value) const
{
    return sizeField.isEmpty() ? size : sizeScale * std::sqrt(std::max(value, 0.0));
}

bool StyleRule::matches(const QString& l, const QString& v, const Attributes& attributes) const
{
    if (l != layer || (!view.isEmpty() && v != view))
        return false;
    for (const Condition& c : where) {
        QString value;
        for (const auto& [k, x] : attributes)
            if (k == c.key) {
                value = x;
                break;
            }
        if (c.values.contains(value) == c.negated)
            return false;
    }
    return true;
}

Symbol Style::symbol(const QString& layer, const QString& view, const Attributes& attributes) const
{
    Symbol s;
    for (const StyleRule& rule : rules)
        if (rule.matches(layer, view, attributes))
            for (const auto& apply : rule.apply)
                apply(s);
    return s;
}

QRectF Style::frameOn(QSizeF page) const
{
    return {page.width() * pageFrame.x(), page.height() * pageFrame.y(), page.width() * pageFrame.width(), page.height() * pageFrame.height()};
}

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
    Style read;
    try {
        app::render::read(doc.object(), read);
    } catch (const StyleError& e) {
        if (error)
            *error = path + ": " + QString::fromStdString(e.what());
        return false;
    }
    read.path = path;
    style = std::move(read);
    return true;
}

}  // namespace app::render
