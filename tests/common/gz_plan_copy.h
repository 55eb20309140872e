#pragma once
// A private copy of the shipped plan tables per test, to break on purpose: edit a table, check the plan, find
// the issue at its file and line. Shared by the plan-check and plan-value tests.

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../layers/plan_test_data.h"

namespace test {

class PlanCopy : public ::testing::Test {
protected:
    /// prefix names the copy's temporary folder (gzplan-<prefix>-<pid>-<test>).
    explicit PlanCopy(const char* prefix) : m_prefix(prefix) {}

    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() / ("gzplan-" + m_prefix + "-" + std::to_string(::getpid()) + "-" +
                                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::copy(kPlanDir, m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    /// Replaces the first occurrence of from in a table; returns the 1-based line it was on.
    int edit(const std::string& table, const std::string& from, const std::string& to)
    {
        const auto file = m_dir / table;
        std::string text = readFile(file);
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from << " not in " << table;
        if (at == std::string::npos)
            return 0;
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        text.replace(at, from.size(), to);
        std::ofstream(file, std::ios::binary) << text;
        return line;
    }

    std::vector<layers::PlanIssue> check()
    {
        const auto plan = layers::PlanData::load(m_dir);
        return layers::checkPlan(plan, geography(), layers::readDocuments(kDocumentsDir, plan));
    }

    /// True if an issue at where mentions words; otherwise a failure listing every issue.
    static bool reported(const std::vector<layers::PlanIssue>& issues, const std::string& where, const std::string& words)
    {
        for (const auto& i : issues)
            if (i.where == where && i.message.find(words) != std::string::npos)
                return true;
        std::string all;
        for (const auto& i : issues)
            all += "\n  " + i.where + ": " + i.message;
        ADD_FAILURE() << "no issue at " << where << " mentioning '" << words << "'; got:" << all;
        return false;
    }

    /// Edits one table (see edit) and expects checkPlan to report words at the edited line.
    void expectReported(const std::string& table, const std::string& from, const std::string& to, const std::string& words)
    {
        const int line = edit(table, from, to);
        EXPECT_TRUE(reported(check(), table + ":" + std::to_string(line), words));
    }

    std::filesystem::path m_dir;

private:
    std::string m_prefix;
};

}  // namespace test
