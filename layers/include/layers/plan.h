#pragma once
// The planning model: what the two plan documents say, as edited in share/plan/*.csv (see its README).
// Every item carries its provenance: document, clause and basis (stated / reference / assumed).

#include "layers/data_location.h"
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace layers {

struct Provenance {
    std::string source;  ///< GZ2023, GY2025 or REFERENCE
    std::string clause;  ///< the document's numbering, e.g. 四(八)23
    std::string basis;   ///< stated | reference | assumed
    std::string file;    ///< where the row was read
    int line = 0;

    std::string citation() const { return source + " " + clause; }
    std::string where() const;
};

struct PlanDocument {
    std::string id, title, issuer, date, file;
    std::string titleEn;
};

struct CountyClass {
    std::string id, name, nameEn, quote;
    int expectedCount = 0;
    Provenance provenance;
    std::vector<std::string> aliases;  ///< other names the document uses for the class (卫星县城)
};

struct ClassMember {
    std::string classId, code, county, orbit, note;
    Provenance provenance;
    std::string noteEn;  ///< note (Chinese) in English
};

struct CentralCity {
    std::string id, name, countiesText, structure, role;
    std::vector<std::string> industries;
    Provenance provenance;
    std::string nameEn;
    std::string industriesClause;  ///< the clause the industries come from when not the row's clause; else empty
};

struct CentralCityMember {
    std::string cityId, code, county, part, extent, note;
    Provenance provenance;
    std::string noteEn;
};

struct Zone {
    std::string id, name, nameEn, layout, kind, parentZone, note;
    std::vector<std::string> functions;
    Provenance provenance;
    std::string noteEn;
};

struct ZoneMember {
    std::string zoneId, code, county, extent, note;  ///< extent: full | partial
    Provenance provenance;
    std::string noteEn;
};

struct Corridor {
    std::string id, name, mode, statusWords, status, quote;
    std::vector<std::string> nodeNames;
    std::vector<std::string> nodeCodes;  ///< same length as nodeNames; empty where the node is outside Guizhou
    Provenance provenance;
    std::string nameEn;
};

struct Place {
    std::string id, name, kind, code, positionQuality, statusWords, status, note;
    std::optional<geo::Point> position;  ///< lon/lat when the table gives one; else the county seat is used
    Provenance provenance;
    std::string nameEn, noteEn;
};

struct Target {
    std::string id, scopeKind, scopeId, indicator, unit, comparator, quote;
    std::string valueText;  ///< as written in the table
    double value = 0;
    int year = 0;  ///< 0 when yearText is not a whole number
    Provenance provenance;
    std::string yearText;  ///< as written in the table
    std::string indicatorEn;
    /// The basis of the year and of the scope apart from the value's (provenance.basis): GY2025 gives no year
    /// (2028 is assumed), and its 贵阳都市圈 is taken as GZ2023's metropolitan area by assumption.
    std::string yearBasis, scopeBasis;
    std::string note, noteEn;  ///< why, where any basis is assumed

    /// The weakest of the three bases: assumed over reference over stated.
    std::string weakestBasis() const;
};

/// A plan statement: a policy the documents state about a place without a facility to point at (the 5G quota
/// for 贵阳 and 遵义, 城乡低保一体化 in 贵阳贵安); the place's panel lists it.
struct Statement {
    std::string id, scopeKind, scopeId, topic, topicEn, quote;  ///< scopeKind: county | city | zone | province
    Provenance provenance;
    std::string note, noteEn;
};

/// A relation between two plan units (一体化, 联动, 同城化, 协同): a line the map can draw.
struct Relation {
    std::string id, kind, fromKind, fromId, toKind, toId, name, nameEn, quote;  ///< kinds of ends: county | zone | city
    Provenance provenance;
    std::string note, noteEn;
};

/// The English forms of a geographic name the map shows (names_en.csv): a county, prefecture or neighbour.
struct EnglishName {
    std::string code, name, shortName, nameEn, shortEn;
};

/// A term of the tables (a kind, mode, status or part id) in both languages (glossary.csv).
struct GlossaryTerm {
    std::string term, zh, en;
};

class PlanData {
public:
    /// Reads every table of a plan folder (share/plan). Throws DataError naming the file when a table is
    /// missing or lacks a column; wrong values are left for checkPlan to report row by row.
    static PlanData load(const std::filesystem::path& planDir);
    /// Reads the plan tables compiled into a GeoPackage (plan_<table> attribute tables).
    static PlanData loadGeoPackage(const DataLocation& geopackage);
    /// The tables of a plan folder, in load order (file names without .csv).
    static const std::vector<std::string>& tableNames();

    std::vector<PlanDocument> documents;
    std::vector<CountyClass> classes;
    std::vector<ClassMember> classMembers;
    std::vector<CentralCity> centralCities;
    std::vector<CentralCityMember> centralCityMembers;
    std::vector<Zone> zones;
    std::vector<ZoneMember> zoneMembers;
    std::vector<Corridor> corridors;
    std::vector<Place> places;
    std::vector<Target> targets;
    std::vector<Statement> statements;
    std::vector<Relation> relations;
    std::vector<GlossaryTerm> glossary;
    std::vector<EnglishName> englishNames;

    /// The English forms of the county, prefecture (4 digits or 6 with 00) or province (6 digits) with this code.
    const EnglishName* englishName(const std::string& code) const;

    /// The word for a term id in Chinese (or English): what a window or a map shows instead of the id; the id
    /// itself when the glossary lacks it (a table value checkPlan would flag).
    std::string termText(const std::string& term, bool english) const;
    const CountyClass* countyClass(const std::string& id) const;
    const Zone* zone(const std::string& id) const;
    const CentralCity* centralCity(const std::string& id) const;
    const Place* place(const std::string& id) const;
    const Corridor* corridor(const std::string& id) const;
    const Relation* relation(const std::string& id) const;
};

/// Splits a cell holding a ';'-separated list; items are trimmed, empty items kept (they mark gaps).
std::vector<std::string> splitList(const std::string& cell);
/// The inverse: items joined with separator.
std::string joinList(const std::vector<std::string>& items, const char* separator = ";");

}  // namespace layers
