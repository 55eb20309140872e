#pragma once
// Internal: a libpq connection for what GDAL's PostgreSQL driver does not do — catalogue questions (indexes,
// privileges, the schema's version), roles and grants. Values are always bound parameters ($1…); identifiers are
// quoted with quoteIdentifier. Every wait is bounded: connect_timeout and statement_timeout are set unless the
// connection string sets them.

#include <memory>
#include <string>
#include <vector>

#include "layers/data_location.h"

struct pg_conn;
struct pg_result;

namespace layers::store {

/// "name" with every " doubled: an SQL identifier for any text (PostgreSQL's quote_ident, always quoting).
std::string quoteIdentifier(const std::string& name);

/// The connection string with the time bounds added (connect_timeout=10, statement_timeout 120 s) where it sets none.
std::string boundedConnection(const DataLocation& data);

/// The rows of one result, every value as text (NULL as empty, with isNull).
class PgResult {
public:
    explicit PgResult(pg_result* result);
    ~PgResult();
    PgResult(PgResult&&) noexcept;
    PgResult& operator=(PgResult&&) noexcept;
    int rows() const;
    std::string value(int row, int column) const;
    bool isNull(int row, int column) const;
    /// A value's bytes as the server sent them (a binary result: the type's binary form).
    const char* data(int row, int column) const;
    int length(int row, int column) const;

private:
    pg_result* m_result = nullptr;
};

class PgConnection {
public:
    /// Connects (DataError naming data.shown() and what to do, never the password).
    explicit PgConnection(const DataLocation& data);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// Runs sql with params bound as $1, $2… (text); DataError with the server's message on failure.
    PgResult exec(const std::string& sql, const std::vector<std::string>& params = {});
    /// The same with the values in their binary forms (int8 big-endian, bytea and text as bytes).
    PgResult execBinary(const std::string& sql, const std::vector<std::string>& params = {});
    /// Whether the connection still holds (false after the server went away: not to be used again).
    bool healthy() const;
    pg_conn* native() { return m_conn; }
    const DataLocation& data() const { return m_data; }

private:
    PgResult run(const std::string& sql, const std::vector<std::string>& params, int resultFormat);
    DataLocation m_data;
    pg_conn* m_conn = nullptr;
};

}  // namespace layers::store
