// Synthetic land-use parcels (see parcels.h): the cells are made by worker threads, one parcel::BandMaker each
// (parcel_bands.h: the jittered grid cut at the county boundaries with GEOS), band by band; the calling thread
// writes the bands in order through GDAL, so ids do not depend on the threads.

#include "layers/parcels.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/projection.h"
#include "io/gdal_config.h"
#include "io/gpkg_writer.h"
#include "parcel_bands.h"
#include "layers/errors.h"

namespace layers {

namespace {

using namespace parcel;
using detail::ThreadConfig;

// ---- running the workers and writing --------------------------------------------------------------------------

/// Bands produced by worker threads, consumed in order by the writer; at most `window` bands ahead of it.
class Pipeline {
public:
    Pipeline(std::size_t bands, std::size_t window) : m_bands(bands), m_done(bands, 0), m_errors(bands), m_window(window) {}

    /// Worker side: the next band to make, or false when there is none (or the writer gave up).
    bool take(std::size_t& index)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_abort || m_next >= m_bands.size() || m_next < m_written + m_window; });
        if (m_abort || m_next >= m_bands.size())
            return false;
        index = m_next++;
        return true;
    }
    void put(std::size_t index, Band band, std::exception_ptr error)
    {
        change([&] {
            m_bands[index] = std::move(band);
            m_errors[index] = error;
            m_done[index] = 1;
        });
    }
    /// Writer side: waits for band index, rethrowing its worker's exception.
    Band get(std::size_t index)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_done[index] != 0; });
        if (m_errors[index])
            std::rethrow_exception(m_errors[index]);
        return std::move(m_bands[index]);
    }
    void written(std::size_t count)
    {
        change([&] { m_written = count; });
    }
    void abort()
    {
        change([&] { m_abort = true; });
    }

private:
    /// Changes the state under the lock, then wakes every waiting side.
    template <typename Change>
    void change(Change&& apply)
    {
        {
            std::lock_guard lock(m_mutex);
            apply();
        }
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Band> m_bands;
    std::vector<char> m_done;
    std::vector<std::exception_ptr> m_errors;
    std::size_t m_window;
    std::size_t m_next = 0, m_written = 0;
    bool m_abort = false;
};

}  // namespace

double parcelStep(std::size_t count)
{
    if (count < kMinParcelCount || count > kMaxParcelCount)
        throw std::invalid_argument("parcel count must be between " + std::to_string(kMinParcelCount) + " and " + std::to_string(kMaxParcelCount));
    return kParcelBaseStep * std::sqrt(static_cast<double>(kDefaultParcelCount) / static_cast<double>(count));
}

ParcelReport makeParcels(const Geography& geography, const std::filesystem::path& out, const ParcelOptions& options, const ParcelProgress& progress)
{
    const auto started = std::chrono::steady_clock::now();
    ParcelReport report;
    report.file = out;
    report.step = parcelStep(options.count);
    if (geography.counties.empty())
        throw DataError(out.string(), "no counties to cut the parcels at");
    // What is written is a GeoPackage: a name that says otherwise misleads every program that opens it.
    std::string extension = out.extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".gpkg")
        throw DataError(out.string(), "the parcels are written as a GeoPackage: the file name must end in .gpkg, not '" +
                                          out.extension().string() + "'");
    // The folder must exist (it is not created: a typing error would otherwise make a new tree of folders),
    // checked before minutes of work.
    const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw DataError(out.string(), "the folder " + folder.string() +
                                          (std::filesystem::exists(folder, ec) ? " is not a folder" : " does not exist; create it first"));
    if (::access(folder.c_str(), W_OK) != 0)
        throw DataError(out.string(), "the folder " + folder.string() + " is not writable: " + std::strerror(errno));
    if (std::filesystem::is_directory(out, ec))
        throw DataError(out.string(), "is a folder; --out names the GeoPackage file to write");
    if (std::filesystem::exists(out) && !options.force)
        throw DataError(out.string(), "exists; use --force to replace it");

    const std::vector<CountyInfo> info = countyInfo(geography);
    const Grid grid = makeGrid(info, report.step, options.seed);
    report.columns = static_cast<std::size_t>(grid.cols);
    report.rows = static_cast<std::size_t>(grid.rows);
    const std::size_t bandCount = grid.bands();
    unsigned threads = options.threads ? options.threads : std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, bandCount));

    auto fill = [&](GDALDataset& ds) {
        detail::Writer w(ds, out.string());
        OGRLayer* layer = w.layer(kParcelLayer, wkbPolygon, {{"id", OFTInteger}, {"county", OFTString}, {"landuse", OFTString}, {"area_m2", OFTReal}});
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        const int fId = defn->GetFieldIndex("id"), fCounty = defn->GetFieldIndex("county"), fLandUse = defn->GetFieldIndex("landuse"),
                  fArea = defn->GetFieldIndex("area_m2");

        Pipeline pipeline(bandCount, threads + 2);
        std::vector<std::thread> workers;
        struct Join {
            Pipeline& p;
            std::vector<std::thread>& t;
            ~Join()
            {
                p.abort();
                for (std::thread& w : t)
                    w.join();
            }
        } join{pipeline, workers};
        for (unsigned k = 0; k < threads; ++k)
            workers.emplace_back([&] {
                std::unique_ptr<BandMaker> worker;
                std::exception_ptr setup;
                try {
                    worker = std::make_unique<BandMaker>(geography, info, grid);
                } catch (...) {
                    setup = std::current_exception();
                }
                std::size_t index = 0;
                while (pipeline.take(index)) {
                    if (setup) {
                        pipeline.put(index, {}, setup);
                        continue;
                    }
                    try {
                        pipeline.put(index, worker->band(static_cast<std::int64_t>(index)), nullptr);
                    } catch (...) {
                        pipeline.put(index, {}, std::current_exception());
                    }
                }
            });

        OGRFeature feature(defn);
        int id = 0;
        for (std::size_t k = 0; k < bandCount; ++k) {
            const Band band = pipeline.get(k);
            std::size_t point = 0;
            for (const Parcel& p : band.parcels) {
                ++id;
                feature.SetFID(id);
                feature.SetField(fId, id);
                feature.SetField(fCounty, geography.counties[p.county].code.c_str());
                feature.SetField(fLandUse, landUseCategories()[p.landUse].name);
                feature.SetField(fArea, p.area);
                auto* polygon = new OGRPolygon;
                for (std::uint32_t r = 0; r < p.rings; ++r) {
                    const std::uint32_t n = band.ringSizes[p.firstRing + r];
                    auto* ring = new OGRLinearRing;
                    ring->setNumPoints(static_cast<int>(n), FALSE);
                    for (std::uint32_t q = 0; q < n; ++q, ++point)
                        ring->setPoint(static_cast<int>(q), band.points[point].x, band.points[point].y);
                    polygon->addRingDirectly(ring);
                }
                feature.SetGeometryDirectly(polygon);
                if (layer->CreateFeature(&feature) != OGRERR_NONE)
                    throw DataError(out.string(), "cannot write parcel " + std::to_string(id) + ": " + CPLGetLastErrorMsg());
                report.perLandUse[p.landUse]++;
                report.areaKm2 += p.area / 1e6;
            }
            report.wholeCells += band.whole;
            report.clippedPieces += band.clipped;
            report.cutCells += band.cut;
            report.slivers += band.slivers;
            pipeline.written(k + 1);
            if (progress && !progress(0.95 * static_cast<double>(k + 1) / static_cast<double>(bandCount), "cells"))
                throw ParcelsCancelled();
        }
        report.features = static_cast<std::size_t>(id);

        OGRLayer* about = w.layer("parcels_info", wkbNone, {{"key", OFTString}, {"value", OFTString}});
        const std::pair<std::string, std::string> rows[] = {
            {"generator", "gzplan make-parcels (layers::makeParcels)"},
            {"count", std::to_string(options.count)},
            {"seed", std::to_string(options.seed)},
            {"step_deg", std::to_string(grid.step)},
            {"jitter", "0.10 of the step, per vertex, shared by neighbouring cells"},
            {"cut", "cells inside one county whole; others intersected with each county (GEOS), one feature per polygon"},
            {"area", "area_m2: Albers equal-area " + std::string(geo::crs::kAlbersChina)},
            {"note", "synthetic data for performance work; land use is random, not survey"}};
        for (const auto& row : rows)
            w.add(about, {row.first, row.second});
        if (progress && !progress(0.95, "spatial index"))
            throw ParcelsCancelled();
    };
    {
        // The file is renamed into place only when complete: durability of the temporary file is not needed.
        ThreadConfig synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF");
        ThreadConfig cache("OGR_SQLITE_CACHE", "512");
        detail::writeGeoPackageAtomically(out, fill);
    }
    report.bytes = std::filesystem::file_size(out);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress)
        progress(1.0, "done");
    return report;
}

}  // namespace layers
