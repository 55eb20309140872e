// checkPlan on broken copies of the shipped tables: each fault is reported with its file and line.
#include <gtest/gtest.h>

#include "layers/errors.h"
#include "../common/gz_plan_copy.h"

namespace {
class BrokenPlan : public test::PlanCopy {
protected:
    BrokenPlan() : PlanCopy("plan") {}
};
}  // namespace

TEST_F(BrokenPlan, UnchangedCopyPasses)
{
    EXPECT_TRUE(check().empty());
}

TEST_F(BrokenPlan, UnknownCountyCode)
{
    expectReported("class_members.csv", "regional_pivot,520281,盘州", "regional_pivot,520222,盘州", "unknown county code '520222'");
}

TEST_F(BrokenPlan, NameThatDoesNotMatchTheCode)
{
    expectReported("class_members.csv", "regional_pivot,520526,威宁", "regional_pivot,520526,赫章", "does not name county 520526");
}

TEST_F(BrokenPlan, MissingMemberChangesTheClassCount)
{
    edit("class_members.csv", "regional_pivot,520382,仁怀,,,,GZ2023,四(八)23,stated\n", "");
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
    expectReported("targets.csv", "56,%,≥,2023,GZ2023,二,", "56,%,≥,2023,GZ2023,,",
                   "no clause");
}

TEST_F(BrokenPlan, QuoteNotInTheDocument)
{
    expectReported("targets.csv", "全省常住人口城镇化率分别达56%以上、60%左右", "全省常住人口城镇化率分别达57%以上、60%左右", "quote not found verbatim");
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

TEST_F(BrokenPlan, ClauseTheDocumentDoesNotHave)
{
    expectReported("class_members.csv", "regional_pivot,520281,盘州,,,,GZ2023,四(八)23,stated", "regional_pivot,520281,盘州,,,,GZ2023,四(八)93,stated",
                   "clause '四(八)93' not found in GZ2023");
}

TEST_F(BrokenPlan, StatedMemberTheClauseDoesNotName)
{
    // 四(七)15 is 遵义's item: it does not name 盘州, so a stated membership citing it is refused.
    expectReported("class_members.csv", "regional_pivot,520281,盘州,,,,GZ2023,四(八)23,stated", "regional_pivot,520281,盘州,,,,GZ2023,四(七)15,stated",
                   "'盘州' is not named in GZ2023 四(七)15");
}
