#pragma once
// The headless plan queries of gzplan: county, class, classes, zone, zones, targets, where, check.
// Each prints a readable table, or JSON with --json, and returns the process exit code:
// 0 found / valid, 1 not found / invalid data, 2 bad usage.

#include <iosfwd>
#include <string>
#include <vector>

#include <QJsonObject>
#include <QJsonValue>

#include "cli/arguments.h"
#include "layers/plan_query.h"

namespace app::cli {

int countyCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
int classCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
int classesCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out);
int zoneCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
int zonesCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out);
/// The targets of --scope kind[:id] (a county: those that concern it); 0, or the exit code after saying what is wrong.
int targetsOfScope(const layers::PlanQuery& query, const QString& scope, const std::string& command, std::ostream& err,
                   std::vector<const layers::Target*>& targets, QString* resolvedId = nullptr);
/// A target as the JSON answers show it; JSON printed indented.
QJsonObject targetJson(const layers::Target& t);
void printJson(std::ostream& out, const QJsonValue& value);
int targetsCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
/// gzplan crs suggest [name] [--extent …]: the 3° Gauss-Krüger zone (EPSG:4543–4546) to use and why.
int crsCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
int whereCommand(const layers::PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err);
/// Validates the plan tables of planDir against the geography and the document texts.
int checkCommand(const layers::Geography& geography, const QString& planDir, const QString& documentsDir, const Arguments& args,
                 std::ostream& out, std::ostream& err);

}  // namespace app::cli
