#pragma once
// The thematic views of the map (one click each in the window, `gzplan render --view <id>`), and the
// layers a view draws. A view is data for the renderer: which layers, which extent, which legend.

#include <optional>

#include <QMap>
#include <QString>
#include <QStringList>

#include "geo/geometry.h"

namespace app::render {

struct MapData;

enum class View { Overview, CountyClasses, OneClusterThreeBelts, OneCoreThreeCentres, Transport, Progress };

/// Stable ids used on the command line and in tests.
QString viewId(View view);
std::optional<View> viewFromId(const QString& id);
/// A view by its id (any case), its Chinese title or its title in the current language: what users type.
std::optional<View> viewNamed(const QString& text);
/// "overview (行政区划), county_classes (县城分类), …": for messages.
QString viewChoices();
QStringList viewIds();
/// Title of the view in the interface language (Chinese with the English in brackets on exported maps).
QString viewTitle(View view);

/// Layer ids, bottom to top.
QStringList layerIds();
QString layerTitle(const QString& layerId);

struct LayerState {
    bool visible = true;
    double opacity = 1.0;
};


}  // namespace app::render
