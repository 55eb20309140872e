#include "layers/feature_layer.h"

#include <algorithm>
#include <limits>
#include <map>
#include <system_error>
#include <thread>

#include "features/feature_read.h"
#include "layers/errors.h"

// The store: the readers' chunks merged in FID order into the layer's flat arrays, and the R-tree over the
// feature bounds (bulk-loaded on another thread while the coordinates are merged).

namespace layers {

using namespace detail::features;

void FeatureLayer::store(std::vector<ReadJob>& jobs, bool deferGrid, const LoadProgress& progress)
{
    if (deferGrid) {
        // The grid from the features read (the same padding as load gives a known extent), then their coordinates put on it.
        geo::Box extent = geo::Box::empty();
        for (const ReadJob& job : jobs)
            for (const Chunk& c : job.chunks)
                for (const geo::Point& p : c.display)
                    extent.expand(p);
        Grid found;
        if (!extent.isEmpty()) {
            const double span = std::max({extent.width(), extent.height(), 1e-9});
            found.origin = {extent.centre().x, extent.centre().y};
            found.unit = span * 1.2 / kGridSpan;
        }
        m_origin = found.origin;
        m_unit = found.unit;
        for (ReadJob& job : jobs)
            for (Chunk& c : job.chunks) {
                c.xy.reserve(c.display.size() * 2);
                for (const geo::Point& p : c.display) {
                    c.xy.push_back(found.toGrid(p.x, found.origin.x));
                    c.xy.push_back(found.toGrid(p.y, found.origin.y));
                }
                std::vector<geo::Point>().swap(c.display);
            }
    }
    // Merge the chunks in FID order, releasing each as it is copied (peak: the result plus one chunk).
    std::size_t features = 0, rings = 0, coords = 0;
    for (const ReadJob& job : jobs)
        for (const Chunk& c : job.chunks) {
            features += c.fids.size();
            rings += c.ringSize.size();
            coords += c.xy.size();
        }
    if (coords / 2 >= std::numeric_limits<std::uint32_t>::max() || rings >= std::numeric_limits<std::uint32_t>::max())
        throw DataError(m_file.string(), "layer '" + m_layerName + "' has more than 4 billion vertices");
    m_xy.reserve(coords);
    m_ringStart.reserve(rings + 1);
    m_featureRings.reserve(features + 1);
    m_bounds.reserve(features);
    m_category.reserve(features);
    m_fids.reserve(features);
    std::map<std::string, std::uint16_t> global;  // category value -> global id, ordered by value
    for (const ReadJob& job : jobs)
        for (const std::string& value : job.categories)
            global.emplace(value, 0);
    const bool categorised = !m_styleField.empty() && global.size() <= kMaxCategories;
    {
        std::uint16_t k = 0;
        for (auto& [value, id] : global)
            id = k++;
        if (categorised)
            for (const auto& entry : global)
                m_categoryNames.push_back(entry.first);
        else
            m_styleField.clear();
    }
    // Bounds first, so the R-tree is bulk-loaded on another thread while the coordinates are merged.
    for (ReadJob& job : jobs)
        for (Chunk& c : job.chunks) {
            for (const geo::FloatBox& b : c.bounds) {
                m_bounds.push_back(b);
                if (b.minX <= b.maxX)
                    m_extent.expand(geo::Box{b.minX, b.minY, b.maxX, b.maxY});
            }
            c.bounds = {};
        }
    std::exception_ptr indexError;
    std::thread indexer;  // a thread that cannot be started (std::system_error) is built on this one instead
    auto buildIndex = [this, &indexError] {
        try {
            m_index = geo::BoxIndex(m_bounds);
        } catch (...) {
            indexError = std::current_exception();
        }
    };
    try {
        indexer = std::thread(buildIndex);
    } catch (const std::system_error&) {
        buildIndex();
    }
    struct JoinOnExit {
        std::thread& thread;
        ~JoinOnExit()
        {
            if (thread.joinable())
                thread.join();
        }
    } joinIndexer{indexer};
    std::uint32_t ring = 0, vertex = 0;
    for (ReadJob& job : jobs) {
        std::vector<std::uint16_t> remap;
        for (const std::string& value : job.categories)
            remap.push_back(global[value]);
        for (Chunk& c : job.chunks) {
            m_xy.insert(m_xy.end(), c.xy.begin(), c.xy.end());
            for (std::uint32_t n : c.ringSize) {
                m_ringStart.push_back(vertex);
                vertex += n;
                ++ring;
            }
            std::uint32_t r = static_cast<std::uint32_t>(m_ringStart.size() - c.ringSize.size());
            for (std::uint32_t n : c.featureRings) {
                m_featureRings.push_back(r);
                r += n;
            }
            for (std::uint16_t cat : c.category)
                m_category.push_back(categorised && cat < remap.size() ? remap[cat] : std::numeric_limits<std::uint16_t>::max());
            m_fids.insert(m_fids.end(), c.fids.begin(), c.fids.end());
            c = Chunk{};
            if (progress && !progress(0.95))
                throw LoadCancelled();
        }
        job.chunks.clear();
        job.chunks.shrink_to_fit();
    }
    m_ringStart.push_back(vertex);
    m_featureRings.push_back(ring);
    indexer.join();
    if (indexError)
        std::rethrow_exception(indexError);
}

std::vector<std::uint32_t> FeatureLayer::query(const geo::Box& box) const
{
    std::vector<std::uint32_t> ids;
    m_index.query(box, ids);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::size_t FeatureLayer::memoryBytes() const
{
    return m_xy.capacity() * sizeof(std::int32_t) + m_ringStart.capacity() * sizeof(std::uint32_t) +
           m_featureRings.capacity() * sizeof(std::uint32_t) + m_bounds.capacity() * sizeof(geo::FloatBox) +
           m_category.capacity() * sizeof(std::uint16_t) + m_fids.capacity() * sizeof(std::int64_t) + m_index.memoryBytes();
}

}  // namespace layers
