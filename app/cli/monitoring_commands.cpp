#include "cli/monitoring_commands.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pwd.h>
#include <unistd.h>

#include "cli/plan_commands.h"
#include "cli/text_table.h"
#include "layers/errors.h"
#include "layers/monitoring.h"

namespace app::cli {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.toStdString(); }

std::string number(double v)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

std::string who(const Arguments& args)
{
    if (args.has("by") && !args.value("by").trimmed().isEmpty())
        return s(args.value("by").trimmed());
    if (const char* u = std::getenv("USER"); u && *u)
        return u;
    if (const passwd* p = getpwuid(getuid()))
        return p->pw_name;
    return "unknown";
}

QJsonObject actualJson(const layers::Actual& a)
{
    return QJsonObject{{"id", static_cast<qint64>(a.id)},  {"change", static_cast<qint64>(a.change)}, {"target_id", q(a.targetId)},
                       {"year", a.year},                   {"value", a.value},                        {"value_text", q(a.valueText)},
                       {"unit", q(a.unit)},                {"measure", q(a.measure)},                 {"figure_date", q(a.figureDate)},
                       {"source", q(a.source)},            {"entered_by", q(a.enteredBy)},            {"entered_at", q(a.enteredAt)},
                       {"note", q(a.note)},                {"withdrawn", a.withdrawn}};
}

QJsonObject countJson(const layers::ProgressCount& c)
{
    return QJsonObject{{"targets", c.targets},   {"met", c.met},           {"not_met", c.notMet},
                       {"on_track", c.onTrack},  {"behind", c.behind},     {"no_figure", c.noFigure},
                       {"undetermined", c.undetermined}, {"with_figure", c.withFigure()}};
}

/// The options each action takes (besides --json and the global ones): any other is refused.
const std::map<std::string, std::set<std::string>>& actionOptions()
{
    static const std::map<std::string, std::set<std::string>> k{
        {"template", {"out", "force", "year", "scope"}},
        {"import", {"sheet", "skip-bad", "rejected", "encoding", "by"}},
        {"list", {"year", "scope", "json"}},
        {"history", {"json"}},
        {"set", {"year", "unit", "date", "source", "measure", "note", "by", "expect-change"}},
        {"undo", {"by"}}};
    return k;
}

/// Ctrl+C during an import: the transaction is not committed (SQLite rolls it back when the process ends).
volatile std::sig_atomic_t g_interrupted = 0;

void printProblems(std::ostream& err, const std::vector<layers::ImportProblem>& problems)
{
    for (const auto& p : problems)
        err << "  row " << p.row << ", column " << p.column << ": " << p.message << "\n";
}

void writeRejected(const std::filesystem::path& file, const std::vector<layers::ImportProblem>& problems)
{
    const std::filesystem::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream o(temporary, std::ios::binary);
        o << "\xEF\xBB\xBFrow,column,problem\n";
        for (const auto& p : problems) {
            std::string m = p.message;
            std::string quoted;
            for (char c : m)
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            o << p.row << "," << p.column << ",\"" << quoted << "\"\n";
        }
        o.flush();
        if (!o)
            throw layers::DataError(file.string(), "cannot be written");
    }
    std::filesystem::rename(temporary, file);
}

int importAction(const layers::PlanQuery& query, const layers::MonitoringRules& rules, const Arguments& args, const std::string& file,
                 std::ostream& out, std::ostream& err)
{
    const layers::DataLocation storePath = actualsStorePath(args);
    // Read the store if it is there (duplicates are checked against it); it is made only when there is something to enter.
    std::vector<layers::Actual> current;
    if (layers::ActualsStore::exists(storePath))
        current = layers::currentActuals(layers::ActualsStore::open(storePath, false).actuals());
    layers::ImportOptions options;
    options.sheet = s(args.value("sheet"));
    options.encoding = s(args.value("encoding"));
    const layers::ImportResult r = layers::readActualsFile(file, options, query.plan(), rules, current);
    if (!r.problems.empty() && !args.flag("skip-bad")) {
        std::set<int> rows;
        for (const auto& p : r.problems)
            rows.insert(p.row);
        err << "gzplan actuals import: " << file << ": " << rows.size() << " bad row(s) of " << r.rows << "; nothing imported "
            << "(fix them, or --skip-bad to enter the " << r.good.size() << " good row(s)):\n";
        printProblems(err, r.problems);
        return 1;
    }
    if (!r.problems.empty()) {
        err << "gzplan actuals import: " << file << ": " << r.problems.size() << " problem(s); these rows are not entered:\n";
        printProblems(err, r.problems);
        if (args.has("rejected")) {
            writeRejected(s(args.value("rejected")), r.problems);
            err << "  (listed in " << s(args.value("rejected")) << ")\n";
        }
    }
    if (r.good.empty()) {
        err << "gzplan actuals import: " << file << ": no figure to enter (" << r.rows << " rows, " << r.blank
            << " without an actual_value): fill actual_value, actual_unit, figure_date and source\n";
        return 1;
    }
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    std::signal(SIGTERM, [](int) { g_interrupted = 1; });
    layers::ActualsStore store = layers::ActualsStore::open(storePath, true);
    out << "entering " << r.good.size() << " figure(s) into " << storePath.shown() << " in one transaction…" << std::endl;
    const long long change = store.add(r.good, "import", std::filesystem::path(file).filename().string(), who(args), [&] {
        if (const char* pause = std::getenv("GZPLAN_TEST_IMPORT_PAUSE_MS"))  // tests: time to change the file or interrupt
            ::usleep(static_cast<useconds_t>(std::atoi(pause)) * 1000);
        if (g_interrupted)
            throw layers::DataError(file, "interrupted: nothing imported");
        if (layers::fileFingerprint(file) != r.fingerprint)
            throw layers::DataError(file, "changed while it was being imported: nothing imported; run the import again");
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    out << "imported " << r.good.size() << " figure(s) from " << file << " (" << r.encoding << ") into " << storePath.shown() << " as change "
        << change;
    if (r.blank)
        out << "; " << r.blank << " row(s) without a value left out";
    out << "\n";
    return 0;
}

}  // namespace

layers::DataLocation actualsStorePath(const Arguments& args)
{
    const std::string store = args.has("actuals") ? s(args.value("actuals")) : layers::ActualsStore::defaultPath().string();
    if (store.rfind("PG:", 0) != 0)
        return layers::DataLocation(store);
    if (args.has("schema"))
        return layers::DataLocation(store, s(args.value("schema")));
    const char* env = std::getenv("GZPLAN_SCHEMA");
    return layers::DataLocation(store, env ? env : "");
}

int actualsCommand(const layers::PlanQuery& query, const QString& share, const Arguments& args, std::ostream& out, std::ostream& err)
{
    const std::string action = args.positional.isEmpty() ? std::string() : s(args.positional.at(0));
    const auto allowed = actionOptions().find(action);
    if (allowed == actionOptions().end()) {
        err << "gzplan actuals: " << (action.empty() ? "an action is needed" : "unknown action '" + action + "'")
            << ": template, import, list, history, set or undo (gzplan help actuals)\n";
        return 2;
    }
    for (const OptionSpec& o : args.line.spec->options)
        if (args.has(q(o.name)) && o.name != "json" && !allowed->second.count(o.name)) {
            std::string actions;
            for (const auto& [a, names] : actionOptions())
                if (names.count(o.name))
                    actions += (actions.empty() ? "" : ", ") + a;
            err << "gzplan actuals " << action << ": --" << o.name << " is for actuals " << actions << ", not " << action << "\n";
            return 2;
        }
    if (args.flag("json") && action != "list" && action != "history") {
        err << "gzplan actuals " << action << ": --json is for actuals list and history\n";
        return 2;
    }
    const int needed = action == "import" ? 2 : action == "set" ? 3 : 1;
    const int most = action == "history" || action == "undo" ? 2 : needed;
    if (args.positional.size() < needed || args.positional.size() > most) {
        err << "gzplan actuals " << action << ": "
            << (action == "import" ? "the file to import is needed: gzplan actuals import figures.xlsx"
                : action == "set"  ? "a target id and a value are needed: gzplan actuals set t001 57.2 --date 2024-03 --source …"
                                   : "takes " + std::string(most == 2 ? "at most one argument" : "no argument"))
            << "\n";
        return 2;
    }
    if (args.has("year")) {
        bool ok = false;
        const int year = args.value("year").toInt(&ok);
        if (!ok || year < 1900 || year > 2200) {
            err << "gzplan actuals " << action << ": --year '" << s(args.value("year")) << "' is not a year\n";
            return 2;
        }
    }
    try {
        const layers::MonitoringRules rules = layers::MonitoringRules::load(s(share) + "/monitoring");
        const layers::DataLocation storePath = actualsStorePath(args);
        if (action == "template") {
            if (!args.has("out")) {
                err << "gzplan actuals template: --out figures.xlsx|csv is needed\n";
                return 2;
            }
            const std::filesystem::path outFile = s(args.value("out"));
            if (std::filesystem::exists(outFile) && !args.flag("force")) {
                err << "gzplan actuals template: " << outFile.string() << " exists: --force to replace it\n";
                return 1;
            }
            std::vector<const layers::Target*> targets;
            if (const int code = targetsOfScope(query, args.value("scope"), "actuals template", err, targets))
                return code;
            if (args.has("year")) {
                const int year = args.value("year").toInt();
                std::erase_if(targets, [&](const layers::Target* t) { return t->year != year; });
                if (targets.empty()) {
                    err << "gzplan actuals template: no target of the scope has the year " << year << " (the targets' years: 2023, 2025, 2028)\n";
                    return 1;
                }
            }
            layers::writeActualsTemplate(query.plan(), targets, outFile);
            out << "wrote " << outFile.string() << ": " << targets.size()
                << " targets; fill actual_value, actual_unit, figure_date and source (and measure where share/monitoring/README.md says), then: "
                   "gzplan actuals import "
                << outFile.string() << "\n";
            return 0;
        }
        if (action == "import")
            return importAction(query, rules, args, s(args.positional.at(1)), out, err);
        if (action == "set") {
            const std::string id = s(args.positional.at(1));
            const layers::Target* target = nullptr;
            for (const layers::Target& t : query.plan().targets)
                if (t.id == id)
                    target = &t;
            layers::Actual a;
            a.targetId = id;
            a.valueText = s(args.positional.at(2));
            bool ok = false;
            a.value = args.positional.at(2).toDouble(&ok);
            if (!ok) {
                err << "gzplan actuals set: '" << a.valueText << "' is not a number\n";
                return 2;
            }
            a.year = args.has("year") ? args.value("year").toInt() : target ? target->year : 0;
            a.unit = args.has("unit") ? s(args.value("unit")) : target ? target->unit : "";
            a.measure = s(args.value("measure", "value"));
            a.figureDate = s(args.value("date"));
            a.source = s(args.value("source"));
            a.note = s(args.value("note"));
            std::vector<layers::Actual> current;
            if (layers::ActualsStore::exists(storePath))
                current = layers::currentActuals(layers::ActualsStore::open(storePath, false).actuals());
            // The date as the import reads it (2024/3 → 2024-03); checkActual says what is wrong with it.
            const auto problems = layers::checkActual(a, query.plan(), rules, current);
            if (!problems.empty()) {
                err << "gzplan actuals set: not entered:\n";
                for (const auto& p : problems)
                    err << "  " << (p.column == "actual_value" ? "value" : p.column == "actual_unit" ? "--unit" : p.column == "figure_date" ? "--date" : p.column == "source" ? "--source" : p.column == "target_id" ? "target" : "--" + p.column)
                        << ": " << p.message << "\n";
                return 1;
            }
            long long seen = -1;  // no --expect-change: entered whatever counts now
            if (args.has("expect-change")) {
                bool okSeen = false;
                seen = args.value("expect-change").toLongLong(&okSeen);
                if (!okSeen || seen < 0) {
                    err << "gzplan actuals set: --expect-change '" << s(args.value("expect-change"))
                        << "' is not a change id (the change of the figure you saw, 0 for none; gzplan actuals list shows it)\n";
                    return 2;
                }
            }
            layers::ActualsStore store = layers::ActualsStore::open(storePath, true);
            const long long change = seen < 0 ? store.add({a}, "set", id + " " + std::to_string(a.year), who(args)) : store.set(a, seen, who(args));
            out << "entered " << id << " " << a.year << ": " << a.valueText << " " << a.unit << " (" << a.source << ") as change " << change << "\n";
            return 0;
        }
        if (!layers::ActualsStore::exists(storePath)) {
            if (action == "undo") {
                err << "gzplan actuals undo: " << storePath.shown() << ": no figures' store: nothing to undo\n";
                return 1;
            }
            if (args.flag("json")) {
                printJson(out, action == "list" ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject{{"changes", QJsonArray()}, {"figures", QJsonArray()}}));
            } else {
                out << "no figures yet (" << storePath.shown() << " does not exist): gzplan actuals template, then import\n";
            }
            return 0;
        }
        layers::ActualsStore store = layers::ActualsStore::open(storePath, false);
        if (action == "undo") {
            long long change = 0;
            if (args.positional.size() == 2) {
                bool ok = false;
                change = args.positional.at(1).toLongLong(&ok);
                if (!ok || change <= 0) {
                    err << "gzplan actuals undo: '" << s(args.positional.at(1)) << "' is not a change id (gzplan actuals history lists them)\n";
                    return 2;
                }
            }
            layers::ActualsStore writable = layers::ActualsStore::open(storePath, false);
            const long long id = writable.undo(change, who(args));
            for (const layers::Change& c : writable.changes())
                if (c.id == id)
                    out << "change " << id << ": " << c.detail << "\n";
            return 0;
        }
        const std::vector<layers::Actual> all = store.actuals();
        if (action == "list") {
            std::vector<const layers::Target*> targets;
            if (const int code = targetsOfScope(query, args.value("scope"), "actuals list", err, targets))
                return code;
            std::set<std::string> ids;
            for (const auto* t : targets)
                ids.insert(t->id);
            const int year = args.value("year").toInt();
            std::vector<layers::Actual> current = layers::currentActuals(all);
            std::erase_if(current, [&](const layers::Actual& a) { return !ids.count(a.targetId) || (year && a.year != year); });
            if (args.flag("json")) {
                QJsonArray arr;
                for (const auto& a : current)
                    arr.append(actualJson(a));
                printJson(out, arr);
                return 0;
            }
            TextTable table({"target", "year", "value", "measure", "figure date", "source", "entered", "change"});
            for (const auto& a : current)
                table.add({a.targetId, std::to_string(a.year), a.valueText + " " + a.unit, a.measure, a.figureDate, a.source,
                           a.enteredBy + " " + a.enteredAt, std::to_string(a.change)});
            table.print(out);
            out << current.size() << " figure(s) that count (" << all.size() << " stored; gzplan actuals history shows every one)\n";
            return 0;
        }
        // history [target]
        const std::string only = args.positional.size() == 2 ? s(args.positional.at(1)) : std::string();
        const std::vector<layers::Actual> current = layers::currentActuals(all);
        std::set<long long> counting;
        for (const auto& a : current)
            counting.insert(a.id);
        auto state = [&](const layers::Actual& a) { return a.withdrawn ? "withdrawn" : counting.count(a.id) ? "counts" : "superseded"; };
        const std::vector<layers::Change> changes = store.changes();
        if (args.flag("json")) {
            QJsonArray figures, changeArray;
            for (const auto& a : all)
                if (only.empty() || a.targetId == only) {
                    QJsonObject o = actualJson(a);
                    o["state"] = state(a);
                    figures.append(o);
                }
            for (const auto& c : changes)
                changeArray.append(QJsonObject{{"id", static_cast<qint64>(c.id)}, {"kind", q(c.kind)}, {"by", q(c.by)}, {"at", q(c.at)},
                                               {"detail", q(c.detail)}, {"undoes", static_cast<qint64>(c.undoes)}, {"rows", c.rows}, {"undone", c.undone}});
            printJson(out, QJsonObject{{"changes", changeArray}, {"figures", figures}});
            return 0;
        }
        out << "Changes:\n";
        TextTable ct({"change", "kind", "by", "at", "rows", "detail", "state"});
        for (const auto& c : changes)
            ct.add({std::to_string(c.id), c.kind, c.by, c.at, std::to_string(c.rows), c.detail, c.undone ? "undone" : ""});
        ct.print(out);
        out << "\nFigures" << (only.empty() ? "" : " of " + only) << ":\n";
        TextTable ft({"target", "year", "value", "measure", "figure date", "source", "change", "state"});
        int n = 0;
        for (const auto& a : all)
            if (only.empty() || a.targetId == only) {
                ft.add({a.targetId, std::to_string(a.year), a.valueText + " " + a.unit, a.measure, a.figureDate, a.source, std::to_string(a.change), state(a)});
                ++n;
            }
        ft.print(out);
        out << n << " figure(s)\n";
        return 0;
    } catch (const std::exception& e) {
        err << "gzplan actuals " << action << ": " << e.what() << "\n";
        return 1;
    }
}

int progressCommand(const layers::PlanQuery& query, const QString& share, const Arguments& args, std::ostream& out, std::ostream& err)
{
    std::vector<const layers::Target*> scoped;
    if (const int code = targetsOfScope(query, args.value("scope"), "progress", err, scoped))
        return code;
    int asOf = 0;
    if (args.has("year")) {
        bool ok = false;
        asOf = args.value("year").toInt(&ok);
        if (!ok || asOf < 1900 || asOf > 2200) {
            err << "gzplan progress: --year '" << s(args.value("year")) << "' is not a year\n";
            return 2;
        }
    }
    try {
        const layers::MonitoringRules rules = layers::MonitoringRules::load(s(share) + "/monitoring");
        const layers::DataLocation storePath = actualsStorePath(args);
        std::vector<layers::Actual> current;
        const bool haveStore = layers::ActualsStore::exists(storePath);
        if (haveStore)
            current = layers::currentActuals(layers::ActualsStore::open(storePath, false).actuals());
        const auto all = layers::evaluate(query.plan(), current, rules, {asOf});
        std::set<const layers::Target*> in(scoped.begin(), scoped.end());
        std::vector<layers::TargetProgress> progress;
        for (const auto& p : all)
            if (in.count(p.target) && (!args.has("status") || layers::statusId(p.status) == s(args.value("status"))))
                progress.push_back(p);
        layers::ProgressCount total;
        for (const auto& p : progress)
            total.add(p.status);
        if (args.flag("json")) {
            QJsonArray targets, scopes, chapters;
            for (const auto& p : progress) {
                const layers::Target& t = *p.target;
                QJsonObject o = targetJson(t);
                o["scope_name"] = q(layers::scopeName(query.plan(), t.scopeKind, t.scopeId, false));
                o["kind"] = layers::targetKindId(p.kind);
                o["status"] = layers::statusId(p.status);
                o["status_label"] = layers::statusLabel(p.status);
                o["status_label_en"] = layers::statusLabelEn(p.status);
                o["actual"] = p.actual ? QJsonValue(*p.actual) : QJsonValue();
                o["expected"] = p.expected ? QJsonValue(*p.expected) : QJsonValue();
                o["figure_year"] = p.figureYear ? QJsonValue(p.figureYear) : QJsonValue();
                o["rule"] = q(p.rule);
                o["rule_en"] = q(p.ruleEn);
                o["sources"] = q(p.sources());
                QJsonArray inputs;
                for (const auto& a : p.inputs)
                    inputs.append(actualJson(a));
                o["inputs"] = inputs;
                targets.append(o);
            }
            for (const auto& [scope, c] : layers::countByScope(progress)) {
                QJsonObject o = countJson(c);
                o["scope"] = q(scope);
                const auto colon = scope.find(':');
                o["name"] = q(layers::scopeName(query.plan(), scope.substr(0, colon), scope.substr(colon + 1), false));
                scopes.append(o);
            }
            for (const auto& [chapter, c] : layers::countByChapter(progress)) {
                QJsonObject o = countJson(c);
                o["chapter"] = q(chapter);
                chapters.append(o);
            }
            printJson(out, QJsonObject{{"store", haveStore ? q(storePath.shown()) : QJsonValue()},
                                       {"as_of_year", asOf ? QJsonValue(asOf) : QJsonValue()},
                                       {"summary", countJson(total)},
                                       {"by_scope", scopes},
                                       {"by_chapter", chapters},
                                       {"targets", targets}});
            return 0;
        }
        TextTable table({"target", "scope", "indicator", "target value", "actual", "status", "rule", "source"});
        for (const auto& p : progress) {
            const layers::Target& t = *p.target;
            table.add({t.id, layers::scopeName(query.plan(), t.scopeKind, t.scopeId, false), t.indicator,
                       t.comparator + " " + number(t.value) + " " + t.unit + " (" + std::to_string(t.year) + ")",
                       p.actual ? number(*p.actual) + " " + t.unit + " (" + std::to_string(p.figureYear) + ")" : "",
                       std::string(layers::statusLabel(p.status)) + " " + layers::statusLabelEn(p.status), p.rule, p.sources()});
        }
        table.print(out);
        out << total.targets << " targets: " << total.met << " met, " << total.notMet << " not met, " << total.onTrack << " on track, " << total.behind
            << " behind, " << total.undetermined << " undetermined, " << total.noFigure << " without a figure";
        out << (haveStore ? " (figures: " + storePath.shown() + ")" : " (no figures' store at " + storePath.shown() + ")") << "\n";
        return 0;
    } catch (const std::exception& e) {
        err << "gzplan progress: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace app::cli
