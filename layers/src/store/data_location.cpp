#include "layers/data_location.h"

#include <libpq-fe.h>

#include <memory>

#include "layers/errors.h"

namespace layers {

namespace {
struct ConninfoFree {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

// A value as libpq's key=value syntax writes it: quoted when empty or holding a space, a quote or a backslash.
std::string conninfoValue(const std::string& v)
{
    if (!v.empty() && v.find_first_of(" '\\\t") == std::string::npos)
        return v;
    std::string q = "'";
    for (const char c : v) {
        if (c == '\'' || c == '\\')
            q += '\\';
        q += c;
    }
    return q + "'";
}
}  // namespace

DataLocation::DataLocation(std::string location, std::string schema) : m_location(std::move(location)), m_schema(std::move(schema))
{
    m_postgres = m_location.rfind("PG:", 0) == 0;
    if (!m_postgres) {
        if (!m_schema.empty())
            throw DataError(m_location, "--schema '" + m_schema + "' is for a PostgreSQL database (--data PG:…), not a GeoPackage");
        m_shown = m_location;
        return;
    }
    if (m_schema.empty())
        m_schema = kDefaultSchema;
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(connection().c_str(), &error));
    if (!options) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        // never the string itself: it may hold a password
        throw DataError("PG:", "not a PostgreSQL connection string (" + why +
                                   "); write PG:dbname=… host=… port=… user=…, PG:service=… (pg_service.conf) or PG:postgresql://host/db, "
                                   "and give the schema with --schema");
    }
    std::string shown = "PG:";
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string key = o->keyword;
        if (key == "password") {
            m_password = o->val;
            continue;
        }
        if (key == "dbname" || key == "host" || key == "hostaddr" || key == "port" || key == "user" || key == "service")
            shown += (shown.size() > 3 ? " " : "") + key + "=" + conninfoValue(o->val);
    }
    if (shown.size() == 3)
        shown += "(defaults: PGHOST, PGDATABASE…)";
    m_shown = shown;
}

std::optional<PostgresLayerName> postgresLayerName(const std::string& text)
{
    if (text.rfind("PG:", 0) != 0)
        return std::nullopt;
    // The one keyword of GDAL's that libpq does not know, taken out before libpq reads the rest (DataLocation).
    std::size_t at = text.find("tables=");
    while (at != std::string::npos && at > 3 && text[at - 1] != ' ')
        at = text.find("tables=", at + 1);
    const DataLocation shown(at == std::string::npos ? text : text.substr(0, at));  // checks the connection string
    if (at == std::string::npos)
        throw DataError(shown.shownConnection(), "name the table to draw: \"PG:… tables=schema.table\"");
    const std::size_t end = text.find(' ', at);
    const std::string table = text.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
    if (table.find('.') == std::string::npos || table.find_first_of(",'\"") != std::string::npos)
        throw DataError(shown.shownConnection(), "tables=" + table + ": name one table as schema.table (public.parcels)");
    std::string rest = text.substr(0, at) + (end == std::string::npos ? std::string() : text.substr(end + 1));
    while (!rest.empty() && rest.back() == ' ')
        rest.pop_back();
    return PostgresLayerName{rest, table};
}

std::string DataLocation::redacted(std::string text) const
{
    if (m_password.empty())
        return text;
    for (std::size_t at = text.find(m_password); at != std::string::npos; at = text.find(m_password, at + 3))
        text.replace(at, m_password.size(), "***");
    return text;
}

}  // namespace layers
