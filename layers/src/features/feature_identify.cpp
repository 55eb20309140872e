#include "layers/feature_layer.h"

#include <algorithm>

#include <sys/stat.h>

#include "layers/errors.h"
#include "io/ogr_convert.h"
#include "io/source_encoding.h"

// Identify on a user layer: the feature under a point (R-tree candidates, then geo's even-odd rule or a
// distance), and its attributes read from the file by FID, refused when the file changed since loading.

namespace layers {

struct FeatureLayer::Reader {
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;
};

FeatureLayer::FeatureLayer() = default;
FeatureLayer::~FeatureLayer() = default;

bool FeatureLayer::featureContains(std::uint32_t i, double x, double y, double tolerance) const
{
    const double gx = (x - m_origin.x) / m_unit;
    const double gy = (y - m_origin.y) / m_unit;
    const double gt = tolerance / m_unit;
    const std::int32_t* xy = m_xy.data();
    const geo::Point g{gx, gy};
    if (m_kind == FeatureKind::Polygons) {
        // Even-odd over all the feature's rings (outer rings and holes alike), by geo's one crossing rule.
        bool inside = false;
        for (std::uint32_t r = m_featureRings[i]; r < m_featureRings[i + 1]; ++r) {
            const std::int32_t* ring = xy + 2 * std::size_t(m_ringStart[r]);
            const auto vertex = [ring](std::size_t k) { return geo::Point{double(ring[2 * k]), double(ring[2 * k + 1])}; };
            inside ^= geo::ringContains(m_ringStart[r + 1] - m_ringStart[r], vertex, g);
        }
        return inside;
    }
    const double t2 = gt * gt;
    for (std::uint32_t r = m_featureRings[i]; r < m_featureRings[i + 1]; ++r) {
        const std::uint32_t a = m_ringStart[r], b = m_ringStart[r + 1];
        if (m_kind == FeatureKind::Points || b - a == 1) {
            for (std::uint32_t v = a; v < b; ++v) {
                const double dx = xy[2 * v] - gx, dy = xy[2 * v + 1] - gy;
                if (dx * dx + dy * dy <= t2)
                    return true;
            }
            continue;
        }
        for (std::uint32_t v = a + 1; v < b; ++v)
            if (geo::segmentDistanceSquared(g, {double(xy[2 * v - 2]), double(xy[2 * v - 1])}, {double(xy[2 * v]), double(xy[2 * v + 1])}) <= t2)
                return true;
    }
    return false;
}

std::optional<std::uint32_t> FeatureLayer::featureAt(geo::Point p, double tolerance) const
{
    std::vector<std::uint32_t> candidates;
    m_index.query(geo::Box{p.x - tolerance, p.y - tolerance, p.x + tolerance, p.y + tolerance}, candidates);
    std::optional<std::uint32_t> best;
    for (std::uint32_t i : candidates)
        if ((!best || i > *best) && featureContains(i, p.x, p.y, tolerance))
            best = i;
    return best;
}

std::optional<std::uint32_t> FeatureLayer::featureAtBruteForce(geo::Point p, double tolerance) const
{
    for (std::size_t i = size(); i-- > 0;)
        if (featureContains(static_cast<std::uint32_t>(i), p.x, p.y, tolerance))
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

std::optional<std::uint32_t> FeatureLayer::indexOfFid(std::int64_t fid) const
{
    std::call_once(m_fidIndexOnce, [this] {
        m_fidsAscending = std::is_sorted(m_fids.begin(), m_fids.end());
        if (m_fidsAscending)
            return;
        m_fidIndex.resize(m_fids.size());
        for (std::size_t i = 0; i < m_fids.size(); ++i)
            m_fidIndex[i] = static_cast<std::uint32_t>(i);
        std::sort(m_fidIndex.begin(), m_fidIndex.end(), [this](std::uint32_t a, std::uint32_t b) { return m_fids[a] < m_fids[b]; });
    });
    if (m_fidsAscending) {
        const auto it = std::lower_bound(m_fids.begin(), m_fids.end(), fid);
        if (it == m_fids.end() || *it != fid)
            return std::nullopt;
        return static_cast<std::uint32_t>(it - m_fids.begin());
    }
    const auto it = std::lower_bound(m_fidIndex.begin(), m_fidIndex.end(), fid, [this](std::uint32_t i, std::int64_t f) { return m_fids[i] < f; });
    if (it == m_fidIndex.end() || m_fids[*it] != fid)
        return std::nullopt;
    return *it;
}

std::vector<FeatureLayer::FileStamp> FeatureLayer::stampsOf(const std::filesystem::path& file)
{
    std::vector<std::filesystem::path> files{file};
    if (file.extension() == ".shp" || file.extension() == ".SHP")
        files.push_back(std::filesystem::path(file).replace_extension(file.extension() == ".shp" ? ".dbf" : ".DBF"));
    std::vector<FileStamp> stamps;
    for (const auto& f : files) {
        FileStamp s;
        s.path = f.string();
        struct stat st {};
        if (::stat(f.c_str(), &st) == 0) {
            s.inode = st.st_ino;
            s.size = static_cast<std::uint64_t>(st.st_size);
            s.modifiedNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        }
        stamps.push_back(s);
    }
    return stamps;
}

std::vector<FeatureAttribute> FeatureLayer::attributes(std::uint32_t i) const
{
    std::lock_guard lock(m_readerMutex);
    const std::string file = m_file.string();
    if (const std::vector<FileStamp> now = stampsOf(m_file); now != m_stamps) {
        const bool gone = now.size() < m_stamps.size() || std::any_of(now.begin(), now.end(), [](const FileStamp& s) { return s.inode == 0; });
        throw DataError(file, gone ? "has been removed or renamed since it was loaded; add it again"
                                   : "has changed since it was loaded (replaced or edited by another program); add it again to see the "
                                     "current version: its attributes would not match what is drawn");
    }
    if (!m_reader) {
        auto reader = std::make_unique<Reader>();
        reader->dataset = detail::openVectorWith(file, m_openOptions);
        reader->layer = reader->dataset->GetLayerByName(m_layerName.c_str());
        if (!reader->layer)
            throw DataError(file, "no layer '" + m_layerName + "'");
        m_reader = std::move(reader);
    }
    std::unique_ptr<OGRFeature> f(m_reader->layer->GetFeature(m_fids.at(i)));
    if (!f)
        throw DataError(file, "layer '" + m_layerName + "': feature " + std::to_string(m_fids[i]) + " is no longer in the file");
    std::vector<FeatureAttribute> out;
    const std::string fidColumn = m_reader->layer->GetFIDColumn();
    out.push_back({fidColumn.empty() ? "FID" : fidColumn, std::to_string(f->GetFID())});
    for (int k = 0; k < f->GetFieldCount(); ++k)
        out.push_back({f->GetFieldDefnRef(k)->GetNameRef(), f->IsFieldSetAndNotNull(k) ? f->GetFieldAsString(k) : ""});
    return out;
}

}  // namespace layers
