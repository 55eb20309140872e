// checkPlan on broken copies of the shipped tables: each fault is reported with its file and line.
#include <gtest/gtest.h>

#include "layers/errors.h"
#include "plan_test_data.h"

namespace {
class BrokenPlan : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() / ("gzplan-plan-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::copy(test::kPlanDir, m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    /// Replaces the first occurrence of from in a table; returns the 1-based line it was on.
    int edit(const std::string& table, const std::string& from, const std::string& to)
    {
        const auto file = m_dir / table;
        std::string text = test::readFile(file);
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
        return layers::checkPlan(plan, test::geography(), layers::readDocuments(test::kDocumentsDir, plan));
    }

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

    std::filesystem::path m_dir;
};
}  // namespace

TEST_F(BrokenPlan, UnchangedCopyPasses)
{
    EXPECT_TRUE(check().empty());
}

TEST_F(BrokenPlan, UnknownCountyCode)
{
    const int line = edit("class_members.csv", "regional_pivot,520281,盘州", "regional_pivot,520222,盘州");
    EXPECT_TRUE(reported(check(), "class_members.csv:" + std::to_string(line), "unknown county code '520222'"));
}

TEST_F(BrokenPlan, NameThatDoesNotMatchTheCode)
{
    const int line = edit("class_members.csv", "regional_pivot,520526,威宁", "regional_pivot,520526,赫章");
    EXPECT_TRUE(reported(check(), "class_members.csv:" + std::to_string(line), "does not name county 520526"));
}

TEST_F(BrokenPlan, MissingMemberChangesTheClassCount)
{
    edit("class_members.csv", "regional_pivot,520382,仁怀,,,GZ2023,四(八)23,stated\n", "");
    const auto issues = check();
    bool found = false;
    for (const auto& i : issues)
        found = found || (i.where.rfind("county_classes.csv:", 0) == 0 && i.message.find("regional_pivot has 9 members, the document lists 10") != std::string::npos);
    EXPECT_TRUE(found);
}

TEST_F(BrokenPlan, DuplicateRow)
{
    std::string text = test::readFile(m_dir / "zone_members.csv");
    const auto lines = std::count(text.begin(), text.end(), '\n');
    const auto lastStart = text.rfind('\n', text.size() - 2) + 1;
    text += text.substr(lastStart);
    std::ofstream(m_dir / "zone_members.csv", std::ios::binary) << text;
    EXPECT_TRUE(reported(check(), "zone_members.csv:" + std::to_string(lines + 1), "duplicate of zone_members.csv:" + std::to_string(lines)));
}

TEST_F(BrokenPlan, TargetWithoutClause)
{
    const int line = edit("targets.csv", "t001,province,guizhou,常住人口城镇化率,56,%,≥,2023,GZ2023,二,", "t001,province,guizhou,常住人口城镇化率,56,%,≥,2023,GZ2023,,");
    EXPECT_TRUE(reported(check(), "targets.csv:" + std::to_string(line), "no clause"));
}

TEST_F(BrokenPlan, QuoteNotInTheDocument)
{
    const int line = edit("targets.csv", "全省常住人口城镇化率分别达56%以上、60%左右", "全省常住人口城镇化率分别达57%以上、60%左右");
    EXPECT_TRUE(reported(check(), "targets.csv:" + std::to_string(line), "quote not found verbatim"));
}

TEST_F(BrokenPlan, BadBasisAndComparator)
{
    const int line = edit("targets.csv", ",≥,2023,GZ2023,二,stated,", ",>=,2023,GZ2023,二,guessed,");
    const auto issues = check();
    EXPECT_TRUE(reported(issues, "targets.csv:" + std::to_string(line), "comparator '>='"));
    EXPECT_TRUE(reported(issues, "targets.csv:" + std::to_string(line), "basis 'guessed'"));
}

TEST_F(BrokenPlan, MissingColumnNamesTheFile)
{
    edit("zones.csv", "zone_id,name,", "zone,name,");
    try {
        layers::PlanData::load(m_dir);
        FAIL() << "expected DataError";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("zones.csv"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("zone_id"), std::string::npos) << e.what();
    }
}
