#pragma once
// The map style, read from share/styles/<name>.json. Only the render library turns it into pens and brushes.

#include <QColor>
#include <QMap>
#include <QString>
#include <QVector>

namespace app::render {

struct StrokeStyle {
    QColor colour;
    double width = 1;  ///< pixels at 96 dpi
};

struct Style {
    QColor background{"#eef3f7"};
    QColor neighbourFill{"#dcdcdc"};
    StrokeStyle neighbourStroke{QColor("#b4b4b4"), 0.8};
    QColor neighbourLabel{"#8c8c8c"};
    StrokeStyle county{QColor("#7a7a7a"), 0.5};
    StrokeStyle prefecture{QColor("#404040"), 1.6};
    StrokeStyle province{QColor("#1a1a1a"), 2.4};
    QVector<QColor> prefectureFills{QColor("#f4e3c1")};
    QColor neutralFill{"#f3f1ec"};  ///< counties in thematic views
    QColor noClassFill{"#ececec"};  ///< counties without a county-seat class
    QMap<QString, QColor> classFills;     ///< county-seat class id -> fill
    QMap<QString, QColor> beltColours;    ///< corridor id of a belt -> colour
    QMap<QString, QColor> zoneFills;      ///< zone kind or id -> fill
    QMap<QString, QColor> modeColours;    ///< transport mode -> colour
    QColor highlight{"#e31a1c"};
    QString labelFont{"Noto Sans CJK SC"};
    double labelSize = 8;  ///< points
    QColor labelColour{"#202020"};
    QColor labelHalo{"#ffffff"};
    double labelHaloWidth = 2;
    QString titleFont{"Noto Sans CJK SC"};
    double titleSize = 16;
    QColor titleColour{"#101010"};
    QColor seatFill{"#202020"};
    double seatRadius = 1.6;

    /// Reads a style file; missing keys keep their defaults. Returns false and sets error when the file is
    /// unreadable or not JSON.
    static bool load(const QString& path, Style& style, QString* error = nullptr);
};

}  // namespace app::render
