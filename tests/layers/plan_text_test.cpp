// Clauses located in the two plan documents: what the document panel opens and the information panel quotes.
#include <gtest/gtest.h>

#include "layers/plan_text.h"
#include "plan_test_data.h"

namespace {
std::string spanText(const std::string& text, const layers::TextSpan& s) { return text.substr(s.begin, s.end - s.begin); }

const std::string& gz() { return test::documents().at("GZ2023"); }
const std::string& gy() { return test::documents().at("GY2025"); }
}  // namespace

TEST(PlanText, AnItemRunsFromItsNumberToTheNextItem)
{
    const auto span = layers::clauseSpan(gz(), "四(八)23");
    ASSERT_TRUE(span);
    const std::string text = spanText(gz(), *span);
    EXPECT_TRUE(text.starts_with("23. 分类引导县城发展。")) << text.substr(0, 60);
    EXPECT_NE(text.find("重要区域性支点城市"), std::string::npos);
    EXPECT_NE(text.find("有序发展重点生态功能区县城"), std::string::npos);  // the item's last paragraph
    EXPECT_EQ(text.find("24. "), std::string::npos);                     // not the next item
    EXPECT_EQ(text.find("培育发展小城镇"), std::string::npos);           // nor the next section's heading
}

TEST(PlanText, PartsAndSectionsOfBothDocumentsAndThePreamble)
{
    const auto part = layers::clauseSpan(gz(), "二");
    ASSERT_TRUE(part);
    EXPECT_TRUE(spanText(gz(), *part).starts_with("二、工作目标"));
    EXPECT_NE(spanText(gz(), *part).find("56%以上"), std::string::npos);
    EXPECT_EQ(spanText(gz(), *part).find("三、"), std::string::npos);
    // The table of contents has the same headings followed by a tab and a page number: it is skipped.
    EXPECT_GT(part->begin, gz().find("目 录"));

    const auto section = layers::clauseSpan(gy(), "三(一)");
    ASSERT_TRUE(section);
    const std::string s = spanText(gy(), *section);
    EXPECT_TRUE(s.starts_with("(一)构建“一核三心多组团”城市空间格局")) << s.substr(0, 60);
    EXPECT_EQ(s.find("(二)强化贵阳贵安辐射能级"), std::string::npos);

    const auto preamble = layers::clauseSpan(gy(), "序");
    ASSERT_TRUE(preamble);
    EXPECT_NE(spanText(gy(), *preamble).find("83%"), std::string::npos);
    EXPECT_EQ(spanText(gy(), *preamble).find("一、促进农业转移人口全面融入城市"), std::string::npos);
}

TEST(PlanText, UnknownOrMalformedClausesAreNotFound)
{
    EXPECT_FALSE(layers::clauseSpan(gz(), "四(八)93"));
    EXPECT_FALSE(layers::clauseSpan(gz(), "十五"));
    EXPECT_FALSE(layers::clauseSpan(gy(), "三(九)"));
    EXPECT_FALSE(layers::clauseSpan(gz(), "4(8)23"));
    EXPECT_FALSE(layers::clauseSpan(gz(), "四(八"));
    EXPECT_FALSE(layers::clauseSpan(gz(), ""));
}

TEST(PlanText, EveryClauseTheTablesCiteIsFound)
{
    std::size_t checked = 0;
    auto expectFound = [&](const layers::Provenance& p) {
        if (!test::documents().count(p.source))
            return;
        EXPECT_TRUE(layers::clauseSpan(test::documents().at(p.source), p.clause)) << p.where() << ": " << p.citation();
        ++checked;
    };
    for (const auto& m : test::plan().classMembers) expectFound(m.provenance);
    for (const auto& m : test::plan().zoneMembers) expectFound(m.provenance);
    for (const auto& m : test::plan().centralCityMembers) expectFound(m.provenance);
    for (const auto& t : test::plan().targets) expectFound(t.provenance);
    for (const auto& c : test::plan().corridors) expectFound(c.provenance);
    for (const auto& p : test::plan().places) expectFound(p.provenance);
    EXPECT_GT(checked, 500u);
}

TEST(PlanText, TheSentenceBehindAMembership)
{
    const std::string pivot = layers::clauseSentence(gz(), "四(八)23", {"盘州"});
    EXPECT_TRUE(pivot.starts_with("将处于交通节点和枢纽")) << pivot;
    EXPECT_NE(pivot.find("打造成为重要区域性支点城市"), std::string::npos) << pivot;
    EXPECT_EQ(pivot.find("重要节点城市"), std::string::npos) << pivot;  // the next sentence is not part of it
    // The first name found wins; a name the clause lacks gives nothing.
    EXPECT_NE(layers::clauseSentence(gz(), "四(八)23", {"不存在", "修文"}).find("修文"), std::string::npos);
    EXPECT_TRUE(layers::clauseSentence(gz(), "四(七)15", {"盘州"}).empty());
    const std::string core = layers::clauseSentence(gy(), "三(一)", {"云岩区"});
    EXPECT_NE(core.find("以云岩区、南明区为重点"), std::string::npos) << core;
}

TEST(PlanText, ClausesInArabicNumeralsForTheEnglishInterface)
{
    EXPECT_EQ(layers::clauseInArabic("四(八)23"), "4(8)23");
    EXPECT_EQ(layers::clauseInArabic("八(二十六)65"), "8(26)65");
    EXPECT_EQ(layers::clauseInArabic("九(三十三)"), "9(33)");
    EXPECT_EQ(layers::clauseInArabic("六(十)"), "6(10)");
    EXPECT_EQ(layers::clauseInArabic("二"), "2");
    EXPECT_EQ(layers::clauseInArabic("序"), "preamble");
    EXPECT_EQ(layers::clauseInArabic("not a clause"), "not a clause");
}
