// gzplan select: features by expression and by location against plan units; writing them out.

#include <algorithm>
#include <mutex>
#include <set>
#include <unistd.h>

#include <cpl_error.h>

#include "analysis/layer_reader.h"
#include "analysis/output.h"
#include "analysis/overlay.h"
#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "layers/errors.h"

namespace layers::analysis {

namespace {

std::vector<std::int64_t> runSelect(const PlanUnits& units, const SelectOptions& options, bool plain)
{
    LayerSource source = options.source;
    if (plain) {
        source.threads = 1;
        source.gdalReader = true;
    }
    detail::LayerReader reader(source);
    reader.onlyFields({});  // FIDs and geometry are all a selection needs
    std::vector<const Unit*> direct;
    for (const auto* list : {&options.within, &options.intersects, &options.near})
        for (const Unit& u : *list)
            direct.push_back(&u);
    const detail::Overlay overlay(units.countyIndex(), direct, plain);
    std::vector<std::size_t> withinSlots, intersectSlots;
    for (const Unit& u : options.within)
        withinSlots.push_back(overlay.directSlot(&u));
    for (const auto* list : {&options.intersects, &options.near})
        for (const Unit& u : *list)
            intersectSlots.push_back(overlay.directSlot(&u));
    const bool located = !direct.empty();

    std::vector<std::vector<std::int64_t>> found(reader.threads());
    std::vector<std::unique_ptr<detail::OverlayWorker>> workers(reader.threads());
    std::vector<std::vector<std::size_t>> withinOf(reader.threads()), intersectingOf(reader.threads());
    reader.read([&](unsigned t, detail::Row& row) {
        if (!located) {
            found[t].push_back(row.fid);
            return;
        }
        if (!workers[t])
            workers[t] = std::make_unique<detail::OverlayWorker>(overlay);
        geo::Point inside;
        auto& w = withinOf[t];
        auto& x = intersectingOf[t];
        if (!workers[t]->locate(row.shape, w, x, inside))
            return;
        for (std::size_t slot : withinSlots)
            if (std::find(w.begin(), w.end(), slot) == w.end())
                return;
        for (std::size_t slot : intersectSlots)
            if (std::find(x.begin(), x.end(), slot) == x.end())
                return;
        found[t].push_back(row.fid);
    });
    std::vector<std::int64_t> all;
    for (auto& f : found)
        all.insert(all.end(), f.begin(), f.end());
    std::sort(all.begin(), all.end());
    return all;
}


}  // namespace

std::vector<std::int64_t> selectFeatures(const PlanUnits& units, const SelectOptions& options) { return runSelect(units, options, false); }
std::vector<std::int64_t> bruteForceSelect(const PlanUnits& units, const SelectOptions& options) { return runSelect(units, options, true); }


void writeFeatures(const LayerSource& source, const std::vector<std::int64_t>& fids, const std::filesystem::path& out, bool force)
{
    const char* driverName = detail::outputDriver(out, false);
    layers::detail::registerDriver("");
    GDALDatasetUniquePtr in = layers::detail::openVector(source.file.string());
    OGRLayer* layer = source.layer.empty() ? in->GetLayer(0) : in->GetLayerByName(source.layer.c_str());
    if (!layer)
        throw DataError(source.file.string(), "has no layer '" + source.layer + "'");
    detail::StagedFile staged(out, force);
    {
        detail::GdalErrors errors;
        GDALDatasetUniquePtr ds = staged.create(driverName);
        OGRSpatialReference* srs = layer->GetSpatialRef() ? layer->GetSpatialRef()->Clone() : nullptr;
        OGRLayer* target = ds->CreateLayer(layer->GetName(), srs, layer->GetGeomType(), nullptr);
        if (srs)
            srs->Release();
        if (!target)
            throw DataError(out.string(), std::string("cannot create the layer: ") + CPLGetLastErrorMsg());
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (target->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE)
                throw DataError(out.string(), std::string("cannot create field ") + defn->GetFieldDefn(i)->GetNameRef());
        // One sequential pass with the user's filter (a FID lookup per feature is ten times slower in a GeoPackage),
        // keeping the selected FIDs (sorted).
        if (!source.where.empty() && layer->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE)
            throw DataError(source.file.string(), "cannot filter by " + source.where + ": " + CPLGetLastErrorMsg());
        std::size_t written = 0;
        ds->StartTransaction();
        layer->ResetReading();
        for (auto& f : *layer) {
            if (!std::binary_search(fids.begin(), fids.end(), f->GetFID()))
                continue;
            OGRFeature copy(target->GetLayerDefn());
            copy.SetFrom(f.get(), TRUE);
            if (target->CreateFeature(&copy) != OGRERR_NONE)
                throw DataError(out.string(), "cannot write feature " + std::to_string(f->GetFID()) + ": " + CPLGetLastErrorMsg());
            ++written;
        }
        if (written != fids.size())
            throw DataError(source.file.string(), "changed while it was read: " + std::to_string(fids.size()) + " features selected, " +
                                                      std::to_string(written) + " found again");
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(out.string(), std::string("cannot be written: ") + CPLGetLastErrorMsg());
        ds.reset();
        errors.check(out.string());
    }
    staged.commit();
}

}  // namespace layers::analysis
