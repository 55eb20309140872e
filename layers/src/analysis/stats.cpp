// gzplan stats: a layer measured by plan unit (analysis.h). The fast path and the brute-force path share the
// reading, the feature decoding and the result assembly; they differ only in how a feature meets the units.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include <geos_c.h>

#include "analysis/layer_reader.h"
#include "analysis/overlay.h"
#include "layers/errors.h"
#include "layers/plan_query.h"

namespace layers::analysis {

namespace {

using detail::GeometryClass;

struct Acc {
    std::uint64_t assigned = 0;  ///< features whose inside point is in the slot
    std::uint64_t touched = 0;   ///< features with a part in the slot
    double measure = 0;          ///< area or length of the parts in the slot
    double sum = 0;              ///< field sum over assigned features
};

struct GroupTotals {
    std::uint64_t features = 0;
    double measure = 0;
    double sum = 0;
};

/// One thread's accumulators: per group, per slot (counties, then direct units).
struct Tally {
    std::vector<std::string> groups;
    std::unordered_map<std::string, std::size_t> groupIndex;
    std::vector<std::vector<Acc>> acc;
    std::vector<GroupTotals> totals;
    std::uint64_t features = 0, cut = 0, noGeometry = 0;
    std::size_t slots = 0;

    std::size_t group(const std::string& g)
    {
        if (const auto found = groupIndex.find(g); found != groupIndex.end())  // most features: no node made
            return found->second;
        auto [it, fresh] = groupIndex.emplace(g, groups.size());
        if (fresh) {
            groups.push_back(g);
            acc.emplace_back(slots);
            totals.emplace_back();
        }
        return it->second;
    }
};


}  // namespace

static std::vector<StatsResult> runStats(const PlanUnits& units, const std::vector<std::pair<UnitKind, double>>& requests, const StatsOptions& options,
                                  bool bruteForce, std::size_t maxFeatures)
{
    const auto started = std::chrono::steady_clock::now();
    LayerSource source = options.source;
    source.gdalReader = source.gdalReader || bruteForce;  // the plain path: GDAL's reader, every feature with every unit
    detail::LayerReader reader(source);
    const Measure m = options.measure.kind;
    const GeometryClass gc = reader.geometryClass();
    if (m == Measure::Area && gc != GeometryClass::Polygons && gc != GeometryClass::Unknown)
        throw UsageError("--measure area: layer '" + reader.layerName() + "' holds " + (gc == GeometryClass::Lines ? "lines" : "points") +
                         ", which have no area; use " + (gc == GeometryClass::Lines ? "length" : "count") + " or sum:FIELD");
    if (m == Measure::Length && gc != GeometryClass::Lines && gc != GeometryClass::Unknown)
        throw UsageError("--measure length: layer '" + reader.layerName() + "' holds " + (gc == GeometryClass::Polygons ? "polygons; use area" : "points; use count") +
                         " or sum:FIELD");
    const int valueField = (m == Measure::Sum || m == Measure::Mean) ? reader.field(options.measure.field, true, "--measure") : -1;
    const int groupField = options.groupField.empty() ? -1 : reader.field(options.groupField, false, "--group-field");
    // The group field is read as text, the value field as a number: values[0] and values[1] (or values[0]).
    int groupAt = -1, valueAt = -1;
    {
        std::vector<std::string> needed;
        if (groupField >= 0) {
            groupAt = static_cast<int>(needed.size());
            needed.push_back(options.groupField);
        }
        if (valueField >= 0) {
            valueAt = static_cast<int>(needed.size());
            needed.push_back(options.measure.field);
        }
        reader.onlyFields(needed, groupField >= 0 ? 1 : 0);
    }

    // Every request's units; one reading and one overlay serve them all (classes, prefectures, central cities and
    // zones of whole counties are sums of the counties).
    std::vector<std::vector<Unit>> lists;
    for (const auto& [kind, distance] : requests)
        lists.push_back(units.all(kind, distance));
    std::vector<const Unit*> direct;
    for (const auto& list : lists)
        for (const Unit& u : list)
            if (u.shape || bruteForce)
                direct.push_back(&u);
    const detail::Overlay overlay(units.countyIndex(), direct, bruteForce);

    std::vector<Tally> tallies(reader.threads());
    for (Tally& t : tallies)
        t.slots = overlay.slots();
    std::vector<std::unique_ptr<detail::OverlayWorker>> workers(reader.threads());
    std::vector<detail::Contribution> contributions(reader.threads());
    std::atomic<std::size_t> seen{0};
    std::atomic<std::uint64_t> read{0};  // for progress: features read, in steps of 4096 per thread
    static const std::string noGroup;
    reader.read([&](unsigned thread, detail::Row& row) {
        if (bruteForce && seen++ >= maxFeatures)
            return;
        Tally& tally = tallies[thread];
        if (options.progress && (tally.features & 4095) == 4095 && !options.progress(read += 4096, reader.count()))
            throw Cancelled();
        auto& worker = workers[thread];
        if (!worker)
            worker = std::make_unique<detail::OverlayWorker>(overlay);
        const std::size_t gi = tally.group(groupAt >= 0 ? row.values[static_cast<std::size_t>(groupAt)].text : noGroup);
        ++tally.features;
        const bool hasValue = valueAt >= 0 && !row.values[static_cast<std::size_t>(valueAt)].null;
        const double value = hasValue ? row.values[static_cast<std::size_t>(valueAt)].number : 0;
        detail::Contribution& c = contributions[thread];
        if (!worker->measure(row.shape, c)) {
            ++tally.noGeometry;
            tally.totals[gi].features += 1;
            tally.totals[gi].sum += value;
            return;
        }
        tally.cut += c.cut ? 1 : 0;
        GroupTotals& total = tally.totals[gi];
        total.features += 1;
        total.measure += c.whole;
        total.sum += value;
        auto& acc = tally.acc[gi];
        for (const auto& [slot, part] : c.parts) {
            acc[slot].measure += part;
            acc[slot].touched += 1;
        }
        for (std::size_t slot : c.assigned) {
            acc[slot].assigned += 1;
            acc[slot].sum += value;
        }
    });

    // Merge the threads, groups by first appearance in thread order.
    Tally all;
    all.slots = overlay.slots();
    for (Tally& t : tallies) {
        all.features += t.features;
        all.cut += t.cut;
        all.noGeometry += t.noGeometry;
        for (std::size_t g = 0; g < t.groups.size(); ++g) {
            const std::size_t gi = all.group(t.groups[g]);
            for (std::size_t s = 0; s < t.slots; ++s) {
                Acc& a = all.acc[gi][s];
                a.assigned += t.acc[g][s].assigned;
                a.touched += t.acc[g][s].touched;
                a.measure += t.acc[g][s].measure;
                a.sum += t.acc[g][s].sum;
            }
            all.totals[gi].features += t.totals[g].features;
            all.totals[gi].measure += t.totals[g].measure;
            all.totals[gi].sum += t.totals[g].sum;
        }
    }
    // Groups sorted by name for a stable answer whatever the thread order.
    std::vector<std::size_t> order(all.groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all.groups[a] < all.groups[b]; });

    std::vector<StatsResult> results;
    for (std::size_t request = 0; request < requests.size(); ++request) {
        const UnitKind by = requests[request].first;
        const double distanceM = requests[request].second;
        const std::vector<Unit>& list = lists[request];
        StatsResult r;
        r.by = by;
        r.distanceM = distanceM;
        r.measure = options.measure;
        r.layerName = reader.layerName();
        r.layerCrs = reader.crsText();
        r.featuresRead = all.features;
        r.featuresCut = all.cut;
        r.unitWord = m == Measure::Area ? "m²" : m == Measure::Length ? "m" : m == Measure::Count ? "features" : options.measure.field;
        for (std::size_t g : order)
            r.groups.push_back(all.groups[g]);

        auto valueOf = [&](const Acc& a) {
            switch (m) {
            case Measure::Count: return static_cast<double>(a.assigned);
            case Measure::Area:
            case Measure::Length: return a.measure;
            case Measure::Sum: return a.sum;
            case Measure::Mean: return a.assigned ? a.sum / static_cast<double>(a.assigned) : NAN;
            }
            return 0.0;
        };
        auto sumSlots = [&](std::size_t g, const std::vector<std::size_t>& slots) {
            Acc a;
            for (std::size_t s : slots) {
                a.assigned += all.acc[g][s].assigned;
                a.touched += all.acc[g][s].touched;
                a.measure += all.acc[g][s].measure;
                a.sum += all.acc[g][s].sum;
            }
            return a;
        };
        auto slotsOf = [&](const Unit& u) {
            std::vector<std::size_t> slots;
            if (const std::size_t d = overlay.directSlot(&u); d != SIZE_MAX)
                slots.push_back(d);
            else
                for (const std::string& code : u.countyCodes)
                    if (const std::size_t s = overlay.countySlot(code); s != SIZE_MAX)
                        slots.push_back(s);
            return slots;
        };
        const bool partialKinds = m == Measure::Area || m == Measure::Length;
        auto row = [&](const Unit* u, const std::string& id, const std::string& name, const std::string& nameEn, const std::string& group, const Acc& a) {
            StatsRow row;
            row.unitId = u ? u->id : id;
            row.unitName = u ? u->name : name;
            row.unitNameEn = u ? u->nameEn : nameEn;
            row.group = group;
            row.features = partialKinds ? a.touched : a.assigned;
            row.value = valueOf(a);
            row.schematic = u && u->schematic;
            return row;
        };
        for (const Unit& u : list) {
            const auto slots = slotsOf(u);
            for (std::size_t g : order)
                r.rows.push_back(row(&u, "", "", "", all.groups[g], sumSlots(g, slots)));
        }
        // Totals per group and over all groups: the layer, outside the partition (counties and prefectures), the
        // counties of any class once (classes).
        std::vector<std::size_t> everyCounty, anyClass;
        for (const County& c : units.geography().counties)
            everyCounty.push_back(overlay.countySlot(c.code));
        if (by == UnitKind::CountyClass) {
            std::set<std::size_t> s;
            for (const Unit& u : list)
                for (std::size_t slot : slotsOf(u))
                    s.insert(slot);
            anyClass.assign(s.begin(), s.end());
        }
        std::vector<std::size_t> groupsPlusAll = order;
        if (!options.groupField.empty())  // and all groups together
            groupsPlusAll.push_back(SIZE_MAX);
        for (std::size_t g : groupsPlusAll) {
            Acc layer, inCounties, any;
            const std::string group = g == SIZE_MAX ? "*" : all.groups[g];
            for (std::size_t gg = 0; gg < all.groups.size(); ++gg) {
                if (g != SIZE_MAX && gg != g)
                    continue;
                layer.assigned += all.totals[gg].features;
                layer.touched += all.totals[gg].features;
                layer.measure += all.totals[gg].measure;
                layer.sum += all.totals[gg].sum;
                const Acc c = sumSlots(gg, everyCounty);
                inCounties.assigned += c.assigned;
                inCounties.touched += c.touched;
                inCounties.measure += c.measure;
                inCounties.sum += c.sum;
                if (!anyClass.empty()) {
                    const Acc a = sumSlots(gg, anyClass);
                    any.assigned += a.assigned;
                    any.touched += a.touched;
                    any.measure += a.measure;
                    any.sum += a.sum;
                }
            }
            r.totals.push_back(row(nullptr, "(layer)", "图层合计", "layer total", group, layer));
            if (by == UnitKind::County || by == UnitKind::Prefecture) {
                Acc outside;
                outside.assigned = layer.assigned - inCounties.assigned;
                outside.touched = 0;
                outside.measure = layer.measure - inCounties.measure;
                outside.sum = layer.sum - inCounties.sum;
                r.totals.push_back(row(nullptr, "(outside)", "贵州省外", "outside Guizhou", group, outside));
            }
            if (by == UnitKind::CountyClass)
                r.totals.push_back(row(nullptr, "(any_class)", "任一类型（每县计一次）", "any class (each county once)", group, any));
        }

        // How it was measured, in both languages.
        const std::string assign = "计数、求和与均值按要素内点（GEOS PointOnSurface）归属；";
        const std::string assignEn = "counts, sums and means assign each feature whole by its inside point (GEOS PointOnSurface); ";
        if (m == Measure::Area) {
            r.method = assign + "要素在 CGCS2000 经纬度中按单元边界用 GEOS 切分；面积为 GRS80 椭球面积（与 Albers 等积投影一致，边按经纬度直线计），单位平方米";
            r.methodEn = assignEn + "features cut at unit boundaries with GEOS in CGCS2000 longitude/latitude; areas in square metres on the GRS80 ellipsoid "
                                    "(as the Albers equal-area projection gives them, edges straight in longitude/latitude)";
        } else if (m == Measure::Length) {
            r.method = assign + "要素在 CGCS2000 经纬度中按单元边界用 GEOS 切分；长度为 GRS80 椭球面上各段的测地线长度（PROJ geodesic），单位米";
            r.methodEn = assignEn + "features cut at unit boundaries with GEOS in CGCS2000 longitude/latitude; lengths in metres along geodesics on the GRS80 "
                                    "ellipsoid (PROJ's geodesic routines)";
        } else {
            r.method = assign + "跨界要素只计入一个单元";
            r.methodEn = assignEn + "a feature crossing a boundary counts in one unit only";
        }
        r.notes.push_back("图层 " + r.layerName + "，坐标系 " + r.layerCrs + "，读取 " + std::to_string(r.featuresRead) + " 个要素" +
                          (options.source.where.empty() ? "" : "（筛选：" + options.source.where + "）"));
        r.notesEn.push_back("layer " + r.layerName + ", CRS " + r.layerCrs + ", " + std::to_string(r.featuresRead) + " features read" +
                            (options.source.where.empty() ? "" : " (filter: " + options.source.where + ")"));
        if (all.noGeometry) {
            r.notes.push_back(std::to_string(all.noGeometry) + " 个要素没有几何，不属于任何单元（计入图层合计）");
            r.notesEn.push_back(std::to_string(all.noGeometry) + " features have no geometry and lie in no unit (they are in the layer total)");
        }
        for (const Unit& u : list)
            if (!u.note.empty()) {
                r.notes.push_back(u.name + "：" + u.note);
                r.notesEn.push_back((u.nameEn.empty() ? u.id : u.nameEn) + ": " + u.noteEn);
            }
        if (by == UnitKind::CountyClass) {
            r.notes.push_back("一个县属于多个县城类型时在每个类型中都计入；“任一类型”每县只计一次");
            r.notesEn.push_back("a county in several classes counts in each; \"any class\" counts it once");
        }
        if (r.featuresRead > 0 && r.totals.size() > 1 && (by == UnitKind::County || by == UnitKind::Prefecture)) {
            const StatsRow& layer = r.totals[r.totals.size() - 2];
            const StatsRow& outside = r.totals.back();
            if (layer.value > 0 && std::abs(outside.value - layer.value) <= 1e-9 * std::abs(layer.value)) {
                r.notes.push_back("警告：图层全部位于贵州省外，请检查其坐标系（" + r.layerCrs + "）");
                r.notesEn.push_back("warning: the whole layer lies outside Guizhou; check its CRS (" + r.layerCrs + ")");
            }
        }
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        results.push_back(std::move(r));
    }
    return results;
}

StatsResult computeStats(const PlanUnits& units, UnitKind by, double distanceM, const StatsOptions& options)
{
    return runStats(units, {{by, distanceM}}, options, false, SIZE_MAX).front();
}

std::vector<StatsResult> computeStats(const PlanUnits& units, const std::vector<std::pair<UnitKind, double>>& by, const StatsOptions& options)
{
    return runStats(units, by, options, false, SIZE_MAX);
}

StatsResult bruteForceStats(const PlanUnits& units, UnitKind by, double distanceM, const StatsOptions& options, std::size_t maxFeatures)
{
    StatsOptions one = options;
    one.source.threads = 1;
    return runStats(units, {{by, distanceM}}, one, true, maxFeatures).front();
}

MeasureSpec parseMeasure(const std::string& text)
{
    if (text == "count")
        return {Measure::Count, ""};
    if (text == "area")
        return {Measure::Area, ""};
    if (text == "length")
        return {Measure::Length, ""};
    for (const auto& [prefix, kind] : {std::pair<std::string, Measure>{"sum:", Measure::Sum}, {"mean:", Measure::Mean}})
        if (text.rfind(prefix, 0) == 0) {
            if (text.size() == prefix.size())
                throw UsageError("--measure " + text + ": name the field to " + prefix.substr(0, prefix.size() - 1) + ", e.g. " + prefix + "area_m2");
            return {kind, text.substr(prefix.size())};
        }
    throw UsageError("--measure " + text + ": use count, area, length, sum:FIELD or mean:FIELD");
}

std::string measureId(const MeasureSpec& m)
{
    switch (m.kind) {
    case Measure::Count: return "count";
    case Measure::Area: return "area";
    case Measure::Length: return "length";
    case Measure::Sum: return "sum:" + m.field;
    case Measure::Mean: return "mean:" + m.field;
    }
    return "";
}

}  // namespace layers::analysis
