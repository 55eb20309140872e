#pragma once
// Where the geography, the plan and the plan's layers are read from: the storage seam. Two backends behind one
// reader: the build's GeoPackage (a file, embedded, the default) and a PostgreSQL/PostGIS database ("PG:" and a libpq
// connection string or URI) holding what `gzplan db init` loaded into a schema (default gzplan). Both are opened
// through GDAL (its GPKG and PostgreSQL drivers), and the same readers (io/gpkg_reader.h) read either.

#include <filesystem>
#include <optional>
#include <string>

namespace layers {

class DataLocation {
public:
    static constexpr const char* kDefaultSchema = "gzplan";

    /// location: a GeoPackage path, or "PG:" + a libpq connection string (key=value pairs, a postgresql:// URI,
    /// service=… for pg_service.conf; .pgpass and the PG* variables apply as in psql). schema: the PostGIS schema
    /// (empty: gzplan); refused with a GeoPackage (DataError), as is a connection string libpq cannot read.
    DataLocation(std::string location, std::string schema = {});
    DataLocation(const char* location) : DataLocation(std::string(location ? location : "")) {}
    DataLocation(const std::filesystem::path& file) : DataLocation(file.string()) {}

    bool postgres() const { return m_postgres; }
    /// As given (the GeoPackage's path; with PG: the connection string, password and all: never print it).
    const std::string& location() const { return m_location; }
    /// The libpq connection string (without "PG:").
    std::string connection() const { return m_postgres ? m_location.substr(3) : std::string(); }
    /// The PostGIS schema ("" for a GeoPackage).
    const std::string& schema() const { return m_schema; }
    /// For messages, logs and titles: a GeoPackage's path; for PostGIS "PG:dbname=… host=… port=… user=… (schema s)"
    /// from what libpq read, never the password.
    std::string shown() const { return m_postgres ? m_shown + " (schema " + m_schema + ")" : m_shown; }
    /// shown() without the schema: the server and database alone.
    const std::string& shownConnection() const { return m_shown; }
    /// text with the password of this location (if any) replaced by ***: for messages from GDAL or libpq.
    std::string redacted(std::string text) const;

private:
    std::string m_location;
    std::string m_schema;
    std::string m_shown;
    std::string m_password;
    bool m_postgres = false;
};

/// A user's PostGIS layer as --add and the window name it: "PG:<connection> tables=<schema.table>" (GDAL's own
/// keyword for one table). Nothing when text is not "PG:…"; DataError when the table is missing or not schema.table.
struct PostgresLayerName {
    std::string location;  ///< "PG:<connection>" without tables=
    std::string table;     ///< "schema.table"
};
std::optional<PostgresLayerName> postgresLayerName(const std::string& text);

}  // namespace layers
