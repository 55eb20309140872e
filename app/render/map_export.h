#pragma once
// Writes a rendered map to PNG, SVG or PDF, chosen by the file's extension, atomically (temporary file,
// then rename). Used by `gzplan render` and the window's export.

#include <QString>

#include "render/map_renderer.h"

namespace app::render {

/// Returns an empty string on success, else a message naming the file and what went wrong.
QString exportMap(const MapRenderer& renderer, const RenderSettings& settings, const QString& path);

}  // namespace app::render
