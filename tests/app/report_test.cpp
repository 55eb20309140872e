// gzplan report as a user runs it: a store of SYNTHETIC figures (entered through layers::ActualsStore here, labelled
// synthetic: the project ships no invented figures) → `gzplan report --out x.xlsx|.pdf|.html` → the XLSX read back
// with GDAL, the PDF's text (pdftotext), the HTML's references; every number compared with layers::evaluate().

#include <gtest/gtest.h>

#include <map>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/monitoring.h"
#include "layers/plan.h"
#include "run_gzplan.h"

namespace {

const char kSyntheticSource[] = "SYNTHETIC test figure (report_test; not a statistic)";

const layers::PlanData& plan()
{
    static const layers::PlanData p = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
    return p;
}

const layers::MonitoringRules& rules()
{
    static const layers::MonitoringRules r = layers::MonitoringRules::load(GZ_TEST_SHARE_DIR "/monitoring");
    return r;
}

/// A store of synthetic figures: of every second level target of GZ2023, a figure for its year at 110%, 100% or
/// 60% of the target in turn (met, met or within the band, not met), and 2024 figures for the central cities'
/// population (an interim year of GY2025's and a past one of GZ2023's).
std::string syntheticStore(const QTemporaryDir& dir)
{
    const std::string path = dir.filePath("actuals.gpkg").toStdString();
    layers::ActualsStore store = layers::ActualsStore::open(path, true);
    std::vector<layers::Actual> rows;
    int n = 0;
    for (const layers::Target& t : plan().targets) {
        if (layers::targetKind(t) != layers::TargetKind::Level || t.year < 2023 || t.year > 2025 || t.provenance.source != "GZ2023" || (n++ % 2))
            continue;
        layers::Actual a;
        a.targetId = t.id;
        a.year = t.year;
        const double factor = n % 6 == 1 ? 1.1 : n % 6 == 3 ? 1.0 : 0.6;
        a.value = t.value * factor;
        a.valueText = QString::number(a.value, 'g', 10).toStdString();
        a.unit = t.unit;
        a.figureDate = std::to_string(t.year + 1) + "-03";
        a.source = kSyntheticSource;
        a.note = "synthetic";
        rows.push_back(a);
    }
    EXPECT_GT(rows.size(), 20u);
    store.add(rows, "import", "report_test synthetic figures", "report_test");
    return path;
}

struct Fixture {
    QTemporaryDir dir;
    std::string store;
    std::vector<layers::TargetProgress> progress;
    Fixture()
    {
        store = syntheticStore(dir);
        progress = layers::evaluate(plan(), layers::currentActuals(layers::ActualsStore::open(store, false).actuals()), rules(), {2025});
    }
    QStringList env() const { return {"GZPLAN_ACTUALS=" + QString::fromStdString(store)}; }
    test::GzplanResult report(const QString& out, const QStringList& extra = {}) const
    {
        return test::runGzplan(QStringList{"report", "--out", out, "--year", "2025"} + extra, env(), 180000);
    }
};

const Fixture& fixture()
{
    static const Fixture f;
    return f;
}

std::map<std::string, int> countsOf(const layers::ProgressCount& c)
{
    return {{"targets", c.targets}, {"met", c.met},       {"on_track", c.onTrack},         {"behind", c.behind},
            {"not_met", c.notMet},  {"no_figure", c.noFigure}, {"undetermined", c.undetermined}};
}

/// A sheet's rows: key column → the counts.
std::map<std::string, std::map<std::string, int>> sheetCounts(GDALDataset& ds, const char* sheet, const char* key)
{
    std::map<std::string, std::map<std::string, int>> rows;
    OGRLayer* layer = ds.GetLayerByName(sheet);
    EXPECT_NE(layer, nullptr) << sheet;
    if (!layer)
        return rows;
    for (auto& f : *layer) {
        auto& row = rows[f->GetFieldAsString(key)];
        for (const char* c : {"targets", "met", "on_track", "behind", "not_met", "no_figure", "undetermined"})
            row[c] = f->GetFieldAsInteger(c);
    }
    return rows;
}

TEST(ReportCli, XlsxEqualsEvaluate)
{
    const Fixture& f = fixture();
    const QString out = f.dir.filePath("evaluation.xlsx");
    const test::GzplanResult r = f.report(out, {"--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds) << "GDAL cannot read " << out.toStdString();

    layers::ProgressCount total;
    for (const auto& p : f.progress)
        total.add(p.status);
    EXPECT_GT(total.met, 0);
    EXPECT_GT(total.notMet, 0);  // the fixture is not all one status
    EXPECT_EQ(sheetCounts(*ds, "summary", "scope").at("all"), countsOf(total));

    const auto chapters = sheetCounts(*ds, "by_chapter", "chapter");
    const auto byChapter = layers::countByChapter(f.progress);
    EXPECT_EQ(chapters.size(), byChapter.size());
    for (const auto& [key, count] : byChapter) {
        ASSERT_TRUE(chapters.count(key)) << key;
        EXPECT_EQ(chapters.at(key), countsOf(count)) << key;
    }
    const auto scopes = sheetCounts(*ds, "by_scope", "scope");
    const auto byScope = layers::countByScope(f.progress);
    EXPECT_EQ(scopes.size(), byScope.size());
    for (const auto& [key, count] : byScope) {
        ASSERT_TRUE(scopes.count(key)) << key;
        EXPECT_EQ(scopes.at(key), countsOf(count)) << key;
    }
    // And gzplan progress --json, run as a user does, says the same.
    const test::GzplanResult progress = test::runGzplan({"progress", "--json", "--year", "2025"}, f.env());
    ASSERT_EQ(progress.code, 0) << progress.err.toStdString();
    const QJsonObject json = progress.json().object();
    const auto jsonCounts = [](const QJsonObject& o) {
        std::map<std::string, int> c;
        for (const char* k : {"targets", "met", "on_track", "behind", "not_met", "no_figure", "undetermined"})
            c[k] = o.value(k).toInt(-1);
        return c;
    };
    EXPECT_EQ(jsonCounts(json["summary"].toObject()), sheetCounts(*ds, "summary", "scope").at("all"));
    ASSERT_EQ(json["by_chapter"].toArray().size(), static_cast<qsizetype>(chapters.size()));
    for (const QJsonValue& v : json["by_chapter"].toArray())
        EXPECT_EQ(jsonCounts(v.toObject()), chapters.at(v["chapter"].toString().toStdString())) << v["chapter"].toString().toStdString();
    ASSERT_EQ(json["by_scope"].toArray().size(), static_cast<qsizetype>(scopes.size()));
    for (const QJsonValue& v : json["by_scope"].toArray())
        EXPECT_EQ(jsonCounts(v.toObject()), scopes.at(v["scope"].toString().toStdString())) << v["scope"].toString().toStdString();

    // Every target: its status, actual and rule as evaluate() gives them.
    OGRLayer* targets = ds->GetLayerByName("targets");
    ASSERT_NE(targets, nullptr);
    std::map<std::string, const layers::TargetProgress*> byId;
    for (const auto& p : f.progress)
        byId[p.target->id] = &p;
    int rows = 0, synthetic = 0;
    for (auto& feature : *targets) {
        ++rows;
        const std::string id = feature->GetFieldAsString("target_id");
        ASSERT_TRUE(byId.count(id)) << id;
        const layers::TargetProgress& p = *byId.at(id);
        EXPECT_EQ(std::string(feature->GetFieldAsString("status")), layers::statusId(p.status)) << id;
        EXPECT_EQ(std::string(feature->GetFieldAsString("rule")), p.rule) << id;
        EXPECT_EQ(feature->IsFieldSetAndNotNull(feature->GetFieldIndex("actual")), p.actual.has_value()) << id;
        if (p.actual) {
            EXPECT_NEAR(feature->GetFieldAsDouble("actual"), *p.actual, 1e-9 * std::max(1.0, std::abs(*p.actual))) << id;
        }
        synthetic += std::string(feature->GetFieldAsString("sources")).find("SYNTHETIC") != std::string::npos;
    }
    EXPECT_EQ(rows, static_cast<int>(plan().targets.size()));
    EXPECT_GT(synthetic, 0);  // the figures are labelled as what they are
    // No temporary file left beside it.
    for (const QString& name : QDir(f.dir.path()).entryList(QDir::Files | QDir::Hidden))
        EXPECT_FALSE(name.contains("gzplan-report")) << name.toStdString();
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start("pdftotext", {"-enc", "UTF-8", pdf, "-"});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        ADD_FAILURE() << "pdftotext " << pdf.toStdString() << " failed (poppler-utils?)";
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

TEST(ReportCli, PdfStatesTheTotals)
{
    const Fixture& f = fixture();
    const QString out = f.dir.filePath("evaluation.pdf");
    const test::GzplanResult r = f.report(out, {"--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("warning")) << r.err.toStdString();  // the PDF font was found
    const QString text = pdfText(out);
    layers::ProgressCount total;
    for (const auto& p : f.progress)
        total.add(p.status);
    EXPECT_TRUE(text.contains(QStringLiteral("指标总数 %1").arg(total.targets))) << text.left(2000).toStdString();
    for (layers::Status s : {layers::Status::Met, layers::Status::NotMet, layers::Status::NoFigure}) {
        const int n = s == layers::Status::Met ? total.met : s == layers::Status::NotMet ? total.notMet : total.noFigure;
        EXPECT_TRUE(text.contains(QStringLiteral("%1 %2").arg(QString::fromUtf8(layers::statusLabel(s))).arg(n))) << layers::statusId(s);
    }
    // A page per central city, and the quotes' characters as written (no radicals from the CJK font).
    for (const layers::CentralCity& c : plan().centralCities)
        EXPECT_TRUE(text.contains(QStringLiteral("中心城市：%1").arg(QString::fromStdString(c.name)))) << c.id;
    EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral("[\\x{2E80}-\\x{2FDF}]")))) << "a radical in the PDF text";
}

TEST(ReportCli, HtmlIsOneOfflineFile)
{
    const Fixture& f = fixture();
    const QString out = f.dir.filePath("evaluation.html");
    const test::GzplanResult r = f.report(out, {"--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    EXPECT_FALSE(html.contains("http://", Qt::CaseInsensitive));
    EXPECT_FALSE(html.contains("https://", Qt::CaseInsensitive));
    EXPECT_FALSE(html.contains(QRegularExpression(R"((src|href)\s*=\s*"(?!data:|#))"))) << "a reference outside the file";
    EXPECT_TRUE(html.contains("<svg"));                      // the charts, inline
    EXPECT_TRUE(html.contains("data:image/jpeg;base64,"));  // the maps, inline
    layers::ProgressCount total;
    for (const auto& p : f.progress)
        total.add(p.status);
    EXPECT_TRUE(html.contains(QStringLiteral("指标总数 <b>%1</b>").arg(total.targets)));
    EXPECT_TRUE(html.contains(QStringLiteral("达标 <b>%1</b>").arg(total.met)));
}

TEST(ReportCli, RefusesAnExistingFileAndBadArguments)
{
    const Fixture& f = fixture();
    const QString out = f.dir.filePath("kept.html");
    {
        QFile keep(out);
        ASSERT_TRUE(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
    }
    test::GzplanResult r = f.report(out);
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("exists; use --force")) << r.err.toStdString();
    QFile keep(out);
    ASSERT_TRUE(keep.open(QIODevice::ReadOnly));
    EXPECT_EQ(keep.readAll(), QByteArray("mine"));

    r = f.report(f.dir.filePath("x.docx"));
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(".pdf, .html or .xlsx")) << r.err.toStdString();
    r = test::runGzplan({"report", "--out", f.dir.filePath("y.html"), "--year", "twenty"}, f.env());
    EXPECT_EQ(r.code, 2);
    r = test::runGzplan({"report", "--out", f.dir.filePath("y.html"), "--scope", "city:nowhere"}, f.env());
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(QFileInfo::exists(f.dir.filePath("y.html")));
    // A folder that does not exist: said before anything is made, nothing written.
    r = f.report(f.dir.filePath("nofolder/x.pdf"));
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("does not exist")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(f.dir.filePath("nofolder")));
    // No store: as gzplan progress, every target without a figure, and said.
    r = test::runGzplan({"report", "--out", f.dir.filePath("none.xlsx")}, {"GZPLAN_ACTUALS=" + f.dir.filePath("missing.gpkg")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("no figures' store")) << r.err.toStdString();
}

TEST(ReportCli, ScopeKeepsItsTargets)
{
    const Fixture& f = fixture();
    const QString out = f.dir.filePath("zunyi.xlsx");
    const test::GzplanResult r = f.report(out, {"--scope", "city:遵义", "--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    int expected = 0;
    for (const layers::Target& t : plan().targets)
        expected += t.scopeKind == "city" && t.scopeId == "zunyi";
    EXPECT_EQ(ds->GetLayerByName("targets")->GetFeatureCount(), expected);
}

}  // namespace
