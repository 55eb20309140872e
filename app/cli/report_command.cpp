#include "cli/report_command.h"

#include <filesystem>
#include <iostream>
#include <set>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTranslator>

#include "cli/map_setup.h"
#include "cli/monitoring_commands.h"
#include "cli/plan_commands.h"
#include "layers/errors.h"
#include "layers/exporter.h"
#include "layers/monitoring.h"
#include "report/report.h"

namespace app::cli {

/// gzplan report --out evaluation.pdf|html|xlsx [--year Y] [--scope kind[:id]] [--lang en]: the statuses of
/// layers::evaluate (as gzplan progress) arranged by app/report.
int reportCommand(const layers::PlanQuery& query, const layers::PlanGeometry& planGeometry, const QString& share, const Arguments& args)
{
    const QString out = args.value("out");
    if (!report::knownReportFormat(out)) {
        std::cerr << "gzplan report: --out must end in .pdf, .html or .xlsx, not '" << out.toStdString() << "'\n";
        return 2;
    }
    int year = 0;
    if (args.has("year")) {
        bool ok = false;
        year = args.value("year").toInt(&ok);
        if (!ok || year < 1900 || year > 2200) {
            std::cerr << "gzplan report: --year '" << args.value("year").toStdString() << "' is not a year\n";
            return 2;
        }
    }
    // --scope kind[:id]: the targets gzplan targets and gzplan progress give for it.
    const QString scope = args.value("scope");
    std::vector<const layers::Target*> scoped;
    if (const int code = targetsOfScope(query, scope, "report", std::cerr, scoped))
        return code;
    if (QFileInfo(out).isDir()) {
        std::cerr << "gzplan report: " << out.toStdString() << ": is a folder; --out names the report file to write\n";
        return 2;
    }
    if (QFileInfo::exists(out) && !args.flag("force")) {
        std::cerr << "gzplan report: " << out.toStdString() << ": exists; use --force to replace it\n";
        return 1;
    }
    if (!QFileInfo(QFileInfo(out).absolutePath()).isDir()) {  // said before the report is made, not after
        std::cerr << "gzplan report: " << out.toStdString() << ": the folder " << QFileInfo(out).absolutePath().toStdString()
                  << " does not exist\n";
        return 1;
    }
    QTranslator english;
    if (args.value("lang") == "en") {
        if (!english.load(QStringLiteral(":/i18n/gzplan_en.qm"))) {
            std::cerr << "gzplan report: --lang en: the English translation is missing from this build\n";
            return 1;
        }
        QCoreApplication::installTranslator(&english);
    }
    report::ReportInput in;
    in.query = &query;
    in.year = year;
    in.scope = scope;
    in.english = args.value("lang") == "en";
    // The figures as gzplan progress reads them (the same store, rules and evaluate()): no store is no figure.
    const layers::DataLocation store = actualsStorePath(args);
    bool haveStore = false;
    try {
        haveStore = layers::ActualsStore::exists(store);
    } catch (const std::exception& e) {
        std::cerr << "gzplan report: " << e.what() << "\n";
        return 1;
    }
    in.store = QString::fromStdString(store.shown()) + (haveStore ? QString() : QCoreApplication::translate("app::cli::Application", "（不存在）"));
    if (!haveStore)
        std::cerr << "gzplan report: warning: no figures' store at " << store.shown()
                  << ": every target is 无数据 (no figure); enter figures with gzplan actuals import, or name the store with --actuals\n";
    try {
        const layers::MonitoringRules rules = layers::MonitoringRules::load((share + "/monitoring").toStdString());
        std::vector<layers::Actual> current;
        if (haveStore)
            current = layers::currentActuals(layers::ActualsStore::open(store, false).actuals());
        in.figures = static_cast<int>(current.size());
        layers::ProgressOptions options;
        options.asOfYear = year;
        const std::set<const layers::Target*> wanted(scoped.begin(), scoped.end());
        for (layers::TargetProgress& p : layers::evaluate(query.plan(), current, rules, options))
            if (wanted.count(p.target))
                in.progress.push_back(std::move(p));
        in.renderer = makeRenderer(query.geography(), query.plan(), planGeometry, loadStyle(args, share));
    } catch (const std::exception& e) {
        std::cerr << "gzplan report: " << e.what() << "\n";
        return 1;
    }
    report::ReportTiming timing;
    QElapsedTimer clock;
    clock.start();
    QString error;
    // Ctrl+C / SIGTERM: before the report is made, nothing is written (exit 130); while it is made and written (a few
    // seconds, a temporary file renamed into place) the cancel waits, and the report is whole.
    layers::installCancelSignals();
    if (layers::cancelRequested()) {
        std::cerr << "gzplan report: cancelled; nothing was written\n";
        return 130;
    }
    {
        const layers::CancelShield whole;
        error = report::writeReport(in, out, &timing);
    }
    if (!error.isEmpty()) {
        std::cerr << "gzplan report: " << error.toStdString() << "\n";
        return 1;
    }
    if (layers::cancelRequested())
        std::cerr << "gzplan report: the cancel came while the report was being written; it was written whole\n";
    if (args.flag("timing"))
        std::cerr << "gzplan report: " << in.progress.size() << " targets; maps " << QString::number(timing.mapsMs, 'f', 0).toStdString()
                  << " ms, charts and layout " << QString::number(timing.chartsMs, 'f', 0).toStdString() << " ms, PDF pages "
                  << QString::number(timing.printMs, 'f', 0).toStdString() << " ms, written in "
                  << QString::number(timing.writeMs, 'f', 0).toStdString() << " ms; " << QString::number(clock.nsecsElapsed() / 1e6, 'f', 0).toStdString()
                  << " ms in all\n";
    std::cout << QFileInfo(out).absoluteFilePath().toStdString() << "\n";
    return 0;
}

}  // namespace app::cli
