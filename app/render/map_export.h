#pragma once
// Writes a rendered map to PNG, SVG or PDF, chosen by the file's extension, atomically (temporary file,
// then rename). Used by `gzplan render` and the window's export.

#include <QString>

#include "render/map_renderer.h"

namespace app::render {

/// Returns an empty string on success, else a message naming the file and what went wrong.
/// page: "A4" or "A3" puts a PDF on that landscape page (the view's size should be the page at its dpi:
/// see pagePixels); empty makes the page the size of the view.
/// Milliseconds spent drawing and encoding/writing (filled when given).
struct ExportTiming {
    double drawMs = 0;
    double writeMs = 0;
};
QString exportMap(const MapRenderer& renderer, const RenderSettings& settings, const QString& path, const QString& page = {},
                  ExportTiming* timing = nullptr);

/// The pixel size of an A4 or A3 landscape page at dpi; an empty size for any other name.
QSize pagePixels(const QString& page, double dpi);

}  // namespace app::render
