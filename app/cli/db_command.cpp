#include "cli/db_command.h"

#include <chrono>
#include <cstdlib>
#include <ostream>

#include <nlohmann/json.hpp>

#include "layers/database.h"
#include "layers/errors.h"

namespace app::cli {

namespace {
const char* const kActions = "init, upgrade, dump, check, overview";

std::string shareDir(const CommandLine& args)
{
    const char* env = std::getenv("GZPLAN_SHARE");
    return args.value("share", env ? env : GZPLAN_SHARE_DIR);
}
}  // namespace

int dbCommand(const CommandLine& args, std::ostream& out, std::ostream& err)
{
    const std::string action = args.positional.empty() ? std::string() : args.positional.front();
    if (action != "init" && action != "upgrade" && action != "dump" && action != "check" && action != "overview") {
        err << "gzplan db: " << (action.empty() ? std::string("say what to do") : "unknown action '" + action + "'") << "; actions: " << kActions
            << " (gzplan db --help)\n";
        return 2;
    }
    if ((action == "init" || action == "dump") && !args.has("to")) {
        err << "gzplan db " << action << ": give --to " << (action == "init" ? "PG:dbname=… (the database to load into)" : "file.gpkg")
            << "\n";
        return 2;
    }
    if ((action == "overview") != args.has("layer")) {
        err << "gzplan db " << action << ": " << (action == "overview" ? "give --layer schema.table (the big table to make overviews of)" : "--layer is for overview")
            << "\n";
        return 2;
    }
    if (args.has("style-field") && action != "overview") {
        err << "gzplan db " << action << ": --style-field is for overview\n";
        return 2;
    }
    if ((action == "upgrade" || action == "check" || action == "overview") && args.has("to")) {
        err << "gzplan db " << action << ": --to is for init and dump; the schema to " << action << " is --data PG:… --schema\n";
        return 2;
    }
    if (args.flag("force") && action != "dump") {
        err << "gzplan db " << action << ": --force is for dump (replace an existing GeoPackage)\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    const bool json = args.flag("json");
    try {
        if (action == "init") {
            // the GeoPackage is --data (default the build's); the database is --to with --schema
            const std::string schema = args.has("schema") ? args.value("schema") : (std::getenv("GZPLAN_SCHEMA") ? std::getenv("GZPLAN_SCHEMA") : "");
            const layers::DataLocation target(args.value("to"), schema);
            const std::string source = args.dataPath();
            if (source.rfind("PG:", 0) == 0) {
                err << "gzplan db init: --data is the GeoPackage to load (a file), not a database\n";
                return 2;
            }
            const layers::db::InitReport r = layers::db::init(source, target);
            if (json)
                out << nlohmann::json{{"layers", r.layers}, {"features", r.features}, {"schema", target.schema()}, {"version", layers::db::kSchemaVersion}}.dump(2)
                    << "\n";
            else
                out << "loaded " << r.layers << " tables (" << r.features << " rows) from " << source << " into " << target.shown() << ", schema version "
                    << layers::db::kSchemaVersion << ", in " << seconds() << " s\n";
            for (const std::string& note : r.notes)
                err << "gzplan db init: " << note << "\n";
            return 0;
        }
        if (action == "overview") {
            // the connection of --data (its schema is not used: the table is named schema.table)
            const std::string data = args.dataPath();
            if (data.rfind("PG:", 0) != 0) {
                err << "gzplan db overview: --data names the database (PG:…) that holds the table\n";
                return 2;
            }
            const layers::db::OverviewReport r = layers::db::overview(data, args.value("layer"), args.value("style-field"));
            out << args.value("layer") << ": " << r.features << " features by " << r.styleField << "; overviews";
            for (std::size_t k = 0; k < r.cells.size(); ++k)
                out << " " << args.value("layer") << layers::db::overviewBands()[k].suffix << " (" << r.cells.size() << " bands: "
                    << layers::db::overviewBands()[k].cellDegrees << "° cells, " << r.cells[k] << " cells)";
            out << " in " << seconds() << " s\n";
            return 0;
        }
        const layers::DataLocation data = args.dataLocation();
        if (action == "dump") {
            const long long rows = layers::db::dump(data, args.value("to"), args.flag("force"));
            out << "wrote " << rows << " rows from " << data.shown() << " to " << args.value("to") << " in " << seconds() << " s\n";
            return 0;
        }
        if (action == "upgrade") {
            const int was = layers::db::upgrade(data);
            out << data.shown() << ": schema version " << was
                << (was == layers::db::kSchemaVersion ? ", this gzplan's: nothing to do\n" : ", brought to " + std::to_string(layers::db::kSchemaVersion) + "\n");
            return 0;
        }
        const layers::db::CheckReport r = layers::db::check(data, shareDir(args) + "/documents");
        if (json) {
            out << nlohmann::json{{"version", r.version}, {"problems", r.problems}, {"checked", r.notes}}.dump(2) << "\n";
        } else {
            for (const std::string& note : r.notes)
                out << "ok: " << note << "\n";
            for (const std::string& problem : r.problems)
                out << "problem: " << problem << "\n";
            out << data.shown() << ": " << (r.problems.empty() ? "whole" : std::to_string(r.problems.size()) + " problems") << "\n";
        }
        return r.problems.empty() ? 0 : 1;
    } catch (const std::exception& e) {
        err << "gzplan db " << action << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace app::cli
