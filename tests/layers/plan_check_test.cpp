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

namespace {
/// Appends a row to a table of the copy; returns its 1-based line.
int append(const std::filesystem::path& dir, const std::string& table, const std::string& row)
{
    std::string text = test::readFile(dir / table);
    std::ofstream(dir / table, std::ios::binary) << text << row << "\n";
    return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}
}  // namespace

TEST_F(BrokenPlan, AssumedYearOrScopeWithoutANote)
{
    // A GY2025 target (no year in the document) whose assumed year has no note saying why.
    const int line = append(m_dir, "targets.csv",
                            "t999,city,guiyang_guian,常住人口,resident population,751,万人,≈,2028,GY2025,三(一),stated,推动贵阳贵安常住人口达750万人左右,assumed,stated,,");
    EXPECT_TRUE(reported(check(), "targets.csv:" + std::to_string(line), "an assumed basis (basis, year_basis or scope_basis) needs a note"));
    const int other = append(m_dir, "targets.csv",
                             "t998,city,guiyang_guian,常住人口,resident population,752,万人,≈,2028,GY2025,三(一),stated,推动贵阳贵安常住人口达750万人左右,guessed,stated,x,x");
    EXPECT_TRUE(reported(check(), "targets.csv:" + std::to_string(other), "year_basis 'guessed'"));
}

TEST_F(BrokenPlan, StatementOfAnUnknownPlaceOrWithoutEnglish)
{
    const int line = append(m_dir, "statements.csv", "st_test,city,guiyang,5G基站建站指标倾斜,,新增5G基站建站指标适度向贵阳、遵义倾斜,GZ2023,六(十八)43,stated,,");
    const auto issues = check();
    EXPECT_TRUE(reported(issues, "statements.csv:" + std::to_string(line), "unknown city 'guiyang'"));
    EXPECT_TRUE(reported(issues, "statements.csv:" + std::to_string(line), "no topic_en"));
}

TEST_F(BrokenPlan, StatementQuoteOutsideItsClause)
{
    // The words are GZ2023's (§43), but the row cites §44: the document panel would mark nothing.
    const int line = append(m_dir, "statements.csv",
                            "st_test,city,guiyang_guian,5G基站建站指标倾斜,5G quota,新增5G基站建站指标适度向贵阳、遵义倾斜,GZ2023,六(十八)44,stated,,");
    EXPECT_TRUE(reported(check(), "statements.csv:" + std::to_string(line), "not in clause 六(十八)44"));
}

TEST_F(BrokenPlan, RelationWithAnUnknownEndOrToItself)
{
    const int line = append(m_dir, "relations.csv",
                            "rel_test,integration,county,522601,county,522699,凯都一体化,Kaili–Duyun integration,凯都一体化,GZ2023,四(七)20,stated,,");
    EXPECT_TRUE(reported(check(), "relations.csv:" + std::to_string(line), "unknown county '522699'"));
    const int self = append(m_dir, "relations.csv",
                            "rel_self,integration,county,522601,county,522601,凯都一体化,Kaili–Duyun integration,凯都一体化,GZ2023,四(七)20,stated,,");
    EXPECT_TRUE(reported(check(), "relations.csv:" + std::to_string(self), "to itself"));
    const int kind = append(m_dir, "relations.csv",
                            "rel_kind,friendship,county,522601,county,522701,凯都一体化,Kaili–Duyun integration,凯都一体化,GZ2023,四(七)20,stated,,");
    EXPECT_TRUE(reported(check(), "relations.csv:" + std::to_string(kind), "kind 'friendship' has no Chinese and English word"));
}

TEST_F(BrokenPlan, IndustriesClauseTheDocumentDoesNotHave)
{
    const int line = append(m_dir, "central_cities.csv", "test_city,测试城市,Test city,,,先进制造,四(六)99,,GZ2023,四(六)14,stated");
    EXPECT_TRUE(reported(check(), "central_cities.csv:" + std::to_string(line), "industries_clause '四(六)99' not found in GZ2023"));
}
