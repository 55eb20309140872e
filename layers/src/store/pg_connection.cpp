#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <memory>

#include "layers/errors.h"

namespace layers::store {

namespace {
struct ConninfoFree {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}
}  // namespace

std::string quoteIdentifier(const std::string& name)
{
    std::string q = "\"";
    for (const char c : name)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string boundedConnection(const DataLocation& data)
{
    std::string connection = data.connection();
    std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(connection.c_str(), nullptr));
    bool connectTimeout = false, serverOptions = false;
    for (const PQconninfoOption* o = options.get(); o && o->keyword; ++o) {
        if (!o->val)
            continue;
        connectTimeout |= std::string(o->keyword) == "connect_timeout";
        serverOptions |= std::string(o->keyword) == "options";
    }
    const bool uri = connection.rfind("postgresql://", 0) == 0 || connection.rfind("postgres://", 0) == 0;
    if (uri) {
        const char* join = connection.find('?') == std::string::npos ? "?" : "&";
        if (!connectTimeout)
            connection += std::string(join) + "connect_timeout=10", join = "&";
        if (!serverOptions)
            connection += std::string(join) + "options=-c%20statement_timeout%3D120000";
        return connection;
    }
    if (!connectTimeout)
        connection += " connect_timeout=10";
    if (!serverOptions)
        connection += " options='-c statement_timeout=120000'";
    return connection;
}

PgResult::PgResult(pg_result* result) : m_result(result) {}
PgResult::~PgResult() { PQclear(m_result); }
PgResult::PgResult(PgResult&& o) noexcept : m_result(o.m_result) { o.m_result = nullptr; }
PgResult& PgResult::operator=(PgResult&& o) noexcept
{
    std::swap(m_result, o.m_result);
    return *this;
}
int PgResult::rows() const { return PQntuples(m_result); }
std::string PgResult::value(int row, int column) const { return PQgetvalue(m_result, row, column); }
bool PgResult::isNull(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }
const char* PgResult::data(int row, int column) const { return PQgetvalue(m_result, row, column); }
int PgResult::length(int row, int column) const { return PQgetlength(m_result, row, column); }

PgConnection::PgConnection(const DataLocation& data) : m_data(data)
{
    m_conn = PQconnectdb(boundedConnection(data).c_str());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = data.redacted(trimmed(PQerrorMessage(m_conn)));
        PQfinish(m_conn);
        m_conn = nullptr;
        throw DataError(data.shown(), "cannot connect (" + why +
                                          "); check the host, port, database and user, that the server runs, and the password in ~/.pgpass or PGPASSWORD");
    }
    PQsetClientEncoding(m_conn, "UTF8");
    PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);  // "table … does not exist, skipping": not the user's concern
}

PgConnection::~PgConnection() { PQfinish(m_conn); }

PgResult PgConnection::exec(const std::string& sql, const std::vector<std::string>& params) { return run(sql, params, 0); }

PgResult PgConnection::execBinary(const std::string& sql, const std::vector<std::string>& params) { return run(sql, params, 1); }

bool PgConnection::healthy() const { return PQstatus(m_conn) == CONNECTION_OK; }

PgResult PgConnection::run(const std::string& sql, const std::vector<std::string>& params, int resultFormat)
{
    std::vector<const char*> values;
    for (const std::string& p : params)
        values.push_back(p.c_str());
    pg_result* result = PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, resultFormat);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        std::string why = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
        PQclear(result);
        if (PQstatus(m_conn) != CONNECTION_OK)
            why += " (the connection to the server was lost)";
        throw DataError(m_data.shown(), m_data.redacted(why));
    }
    return PgResult(result);
}

}  // namespace layers::store
