#pragma once
// The PostgreSQL server of the PostGIS tests: GZ_TEST_PG (the test command's throwaway cluster, or one the user
// names), and SQL run on it as its superuser, for setting up and checking what gzplan did.

#include <libpq-fe.h>

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace test {

/// The test server's libpq connection string, or empty (the PostGIS tests are skipped, and say why).
inline std::string pgServer()
{
    const char* pg = std::getenv("GZ_TEST_PG");
    return pg ? pg : "";
}

/// Runs SQL (one or more statements) on a server; the first column of the first row, or "". A failure is a test
/// failure naming the statement.
inline std::string pgSql(const std::string& statement, const std::string& connection = pgServer())
{
    PGconn* c = PQconnectdb(connection.c_str());
    EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
    PGresult* r = PQexec(c, statement.c_str());
    const ExecStatusType status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << statement << ": " << PQresultErrorMessage(r);
    std::string value = (status == PGRES_TUPLES_OK && PQntuples(r) > 0) ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    PQfinish(c);
    return value;
}

}  // namespace test
