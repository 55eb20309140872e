#pragma once
// A saved session (文件 → 保存项目, gzplan --project P): one JSON file (.gzproj), {"version": 2, …} — the user
// layers bottom to top (each file's path relative to the project file, its layer, style field, opacity, visibility,
// whether it is drawn above the plan and, since version 2, its selected features: "selected", FIDs ascending as
// numbers and runs [first, last], so a selection of 100 000 neighbouring parcels is a few bytes), the view id, the display CRS and the map's centre and scale, the
// selection (counties and plan feature, as gui/selection.h holds them), the language. Written through QSaveFile
// (a temporary file renamed): a failed save leaves the previous project whole. Version 1 files (no "selected") are read as before. QtCore only (gzplan render reads it).

#include <cstdint>
#include <vector>

#include <QString>
#include <QJsonArray>
#include <QStringList>

#include "geo/geometry.h"

namespace app::gui {

struct ProjectLayer {
    QString path;        ///< absolute after reading; written relative to the project file's folder
    QString layer;       ///< the layer in the file (empty: the first)
    QString styleField;  ///< the field its categories come from (empty: the loader's choice)
    double opacity = 1.0;
    bool visible = true;
    bool abovePlan = false;
    std::vector<std::int64_t> selected;  ///< the layer's selected FIDs, ascending and unique
};

struct Project {
    static constexpr int kVersion = 2;
    static constexpr int kOldestVersion = 1;  ///< the oldest version read
    QString language = "zh";  ///< zh or en
    QString view;             ///< a view id (render/map_views.h)
    QString crs;              ///< the display CRS
    geo::Point centre;        ///< the map's centre, display CRS
    double unitsPerPixel = 0; ///< display-CRS metres a pixel
    geo::Box extent;          ///< what the window showed (display CRS), for a reader with another window size
    double scale = 0;         ///< 1:N at the window's dpi (for people reading the file)
    std::vector<ProjectLayer> layers;  ///< bottom to top
    QStringList counties;     ///< selected county codes, sorted
    QString feature;          ///< the selected plan feature's id, or empty
};

/// Writes project to file (paths relative to its folder; the folder must exist). Returns an empty string, or why
/// not (naming the file).
QString writeProject(const Project& project, const QString& file);
/// Reads a project file; on failure returns false and *error names the file and the problem (not JSON, not a
/// gzplan project, an unknown version, a field of the wrong type). Layer paths come back absolute; a missing layer
/// file is not an error here (the window opens the rest and lists it).
bool readProject(const QString& file, Project& project, QString* error);

/// FIDs (ascending, unique) as the project writes them: single FIDs as numbers, runs of 3 or more as [first, last].
QJsonArray fidRuns(const std::vector<std::int64_t>& fids);
/// Back to the FIDs (ascending, unique); false when an entry is neither a whole number nor a pair [first ≤ last].
bool fidsFromRuns(const QJsonArray& runs, std::vector<std::int64_t>& fids);

}  // namespace app::gui
