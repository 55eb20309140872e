#pragma once
// The map style as data (share/styles/default.json, or any copy passed with --style): map-wide settings (fonts,
// background, decorations, the page frame) and an ordered list of rules. A rule selects features of one layer,
// optionally in one view and by attributes (id, kind, layout, basis, mode, status, class, category, …), and sets
// symbol properties; every matching rule applies in file order, later ones overriding earlier ones, as in mapnik or
// CSS. The renderer asks for a feature's Symbol and draws it: no colour, width or data id lives in drawing code.
// The loader is strict: an unknown key, a malformed colour or a rule without a layer is an error naming it.

#include <functional>
#include <utility>
#include <vector>

#include <QColor>
#include <QMap>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace app::render {

struct StrokeStyle {
    QColor colour;
    double width = 1;  ///< pixels at 96 dpi
};

struct TextStyle {
    QString font;
    double size = 0;  ///< points
    QColor colour, halo;
    double haloWidth = 0;  ///< pixels at 96 dpi
};

enum class FillPattern { Solid, None, Hatched };

/// What a feature looks like: the result of every rule that matched it.
struct Symbol {
    bool visible = true;          ///< whether the view draws the feature at all
    QColor fill;                  ///< invalid: no fill
    FillPattern pattern = FillPattern::Solid;
    bool autoFill = false;        ///< fill picked on the hue circle by category index (categories without a rule)
    QVector<QColor> palette;      ///< fill by paletteBy's integer attribute, modulo the palette's size
    QString paletteBy;
    QColor stroke;                ///< invalid: no outline
    double width = 0;             ///< stroke width, pixels at 96 dpi
    Qt::PenStyle dash = Qt::SolidLine;
    QColor halo;                  ///< lines: drawn under the stroke, haloWidth wider
    double haloWidth = 0;
    QColor band;                  ///< areas: a soft band along the outline (an extent no document gives)
    double bandWidth = 0;
    double widthMetres = 0;       ///< lines: width on the ground, clamped to [minWidth, maxWidth] pixels
    double minWidth = 0, maxWidth = 0;
    QString shape{"circle"};      ///< point symbols: circle, triangle, square, diamond
    double size = 0;              ///< point symbols: radius, pixels at 96 dpi …
    QString sizeField;            ///< … or sizeScale · sqrt(the feature's sizeField value)
    double sizeScale = 0;
    bool label = true;
    QColor labelColour;
    QColor labelHalo;
    double labelHaloWidth = 0;
    double labelScale = 1;        ///< times the map's label size
    bool labelBold = false;
    QPointF labelAnchor{0.5, 0.5};  ///< where in the feature's screen bounds its label is sought (0,0 top left)
    int labelPriority = 0;        ///< higher first when labels compete for room
    bool extent = false;          ///< the view opens on the features that set this
    bool inset = false;           ///< counties: exported province maps show these in a framed inset (map_layout.h)
    bool splitByClass = false;    ///< counties: one vertical stripe per county-seat class, filled by the class's rule
    double outlineMinPixels = 0;  ///< user layers: outline features at least this wide and tall

    /// The radius of a point symbol for a feature whose sizeField value is value.
    double radius(double value = 0) const;
};

/// A feature's attributes as rules see them: key, value (a missing key matches as "").
using Attributes = std::vector<std::pair<QString, QString>>;

struct StyleRule {
    QString layer;
    QString view;  ///< empty: every view
    struct Condition {
        QString key;
        QStringList values;
        bool negated = false;  ///< {"not": [values]}: the key must hold none of them
    };
    std::vector<Condition> where;  ///< every condition must hold
    std::vector<std::function<void(Symbol&)>> apply;
    bool matches(const QString& layer, const QString& view, const Attributes& attributes) const;
};

struct Style {
    QString path;  ///< the file it was read from
    QColor background;
    TextStyle label;  ///< county names and the legend; other labels scale its size by their label_scale
    TextStyle title;  ///< of exported maps
    QColor seatFill;
    double seatRadius = 0;
    QColor ink, paper;            ///< scale bar and north arrow
    QColor noteColour;            ///< the source note of exported maps
    StrokeStyle legendOutline;    ///< around legend swatches
    QRectF pageFrame;             ///< where the map sits on an exported page, as fractions of the page
    double extentPad = 0;         ///< margin round a view's extent features, as a fraction of their size
    QMap<QString, QMap<QString, double>> views;  ///< view id -> the layers it shows -> their opacity
    std::vector<StyleRule> rules;

    /// The symbol of a feature of layer in view (a view id, see map_views.h) with these attributes.
    Symbol symbol(const QString& layer, const QString& view, const Attributes& attributes = {}) const;
    /// The frame of the map on a page of this size (exported maps: room for title and legend).
    QRectF frameOn(QSizeF page) const;

    /// Reads a complete style file. Returns false and sets error (naming the file, the rule and the key) when it
    /// is unreadable, not JSON, lacks a setting or holds an unknown key or a malformed value.
    static bool load(const QString& path, Style& style, QString* error = nullptr);
};

}  // namespace app::render
