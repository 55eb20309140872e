// The shipped plan tables against the documents: every class, central city and layout zone compared with
// the lists the documents (and references.md for the regions they name but do not delimit) give.
#include <regex>

#include <gtest/gtest.h>

#include "layers/plan_text.h"
#include "plan_test_data.h"

namespace {
using StringSet = std::set<std::string>;

/// Splits a Chinese enumeration "盘州、威宁、仁怀" into its items.
std::vector<std::string> enumeration(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    const std::string sep = "、";
    while (true) {
        const std::size_t end = text.find(sep, start);
        items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + sep.size();
    }
    return items;
}

/// The list between two phrases of GZ2023's text (the whole match must be unique in the document).
std::string between(const std::string& before, const std::string& after)
{
    const std::string& text = test::documents().at("GZ2023");
    const std::regex pattern(before + "(.*?)" + after);
    std::smatch m;
    EXPECT_TRUE(std::regex_search(text, m, pattern)) << before << " … " << after;
    return m.size() > 1 ? m[1].str() : "";
}

StringSet withoutParentheses(const std::vector<std::string>& items)
{
    StringSet out;
    for (std::string item : items) {
        const auto open = item.find("（");
        if (open != std::string::npos)
            item.resize(open);
        out.insert(item);
    }
    return out;
}

/// Members of a class as written in the table (county column) and as resolved by code (short names).
std::pair<StringSet, StringSet> tableMembers(const std::string& classId, const std::string& orbit = "*")
{
    StringSet written, resolved;
    for (const auto& m : test::plan().classMembers)
        if (m.classId == classId && (orbit == "*" || m.orbit == orbit)) {
            written.insert(m.county);
            resolved.insert(test::shortNameOf(m.code));
        }
    return {written, resolved};
}

void expectClass(const std::string& classId, const StringSet& document, const std::string& orbit = "*")
{
    const auto [written, resolved] = tableMembers(classId, orbit);
    EXPECT_EQ(written, document) << classId << " (" << orbit << ") as written";
    EXPECT_EQ(resolved, document) << classId << " (" << orbit << ") by code";
}

StringSet zoneMembers(const std::string& zoneId, const std::string& extent = "*")
{
    StringSet out;
    for (const auto& m : test::plan().zoneMembers)
        if (m.zoneId == zoneId && (extent == "*" || m.extent == extent))
            out.insert(test::geography().county(m.code) ? test::geography().county(m.code)->name : "?" + m.code);
    return out;
}

StringSet cityMembers(const std::string& cityId, const std::string& part = "*")
{
    StringSet out;
    for (const auto& m : test::plan().centralCityMembers)
        if (m.cityId == cityId && (part == "*" || m.part == part))
            out.insert(test::shortNameOf(m.code));
    return out;
}
}  // namespace

TEST(PlanData, ShippedTablesPassTheCheck)
{
    for (const auto& issue : layers::checkPlan(test::plan(), test::geography(), test::documents()))
        ADD_FAILURE() << issue.where << ": " << issue.message;
}

TEST(PlanData, RegionalPivotCitiesMatchTheDocument)
{
    const auto list = enumeration(between("具有区域带动作用的", "10个县城打造成为重要区域性支点城市"));
    EXPECT_EQ(list.size(), 10u);
    expectClass("regional_pivot", withoutParentheses(list));
}

TEST(PlanData, NodeCitiesMatchTheDocumentWithYupingsNote)
{
    const auto list = enumeration(between("交通网络节点上发展条件较好的", "15个县城发展成为重要节点城市"));
    EXPECT_EQ(list.size(), 15u);
    expectClass("node_city", withoutParentheses(list));
    bool noted = false;
    for (const auto& m : test::plan().classMembers)
        if (m.classId == "node_city" && m.county == "玉屏")
            noted = m.note.find("含大龙经开区") != std::string::npos;
    EXPECT_TRUE(noted) << "玉屏's note 含大龙经开区 lost";
}

TEST(PlanData, SatelliteCountySeatsMatchTheDocumentWithTheirOrbits)
{
    const std::string text = between("加快发展大城市周边县城。支持", "等县城融入邻近的贵阳市、遵义市");
    const auto split = text.find("和");
    ASSERT_NE(split, std::string::npos);
    const auto guiyang = enumeration(text.substr(0, split));
    const auto zunyi = enumeration(text.substr(split + std::string("和").size()));
    EXPECT_EQ(guiyang.size() + zunyi.size(), 14u);
    expectClass("satellite", withoutParentheses(guiyang), "guiyang");
    expectClass("satellite", withoutParentheses(zunyi), "zunyi");
}

TEST(PlanData, SpecializedAgriculturalAndEcologicalMatchTheDocument)
{
    expectClass("specialized", withoutParentheses(enumeration(between("积极培育专业功能县城。支持", "等具有资源、交通等优势县城"))));
    expectClass("agricultural", withoutParentheses(enumeration(between("合理发展农产品主产区县城。推动", "等位于农产品主产区内的县城"))));
    expectClass("ecological", withoutParentheses(enumeration(between("有序发展重点生态功能区县城。推动", "等重点生态功能区内县城"))));
}

TEST(PlanData, ClassCountsAreTheDocumentsAndACountyMayHoldSeveral)
{
    std::map<std::string, int> counts;
    for (const auto& m : test::plan().classMembers)
        ++counts[m.classId];
    for (const auto& c : test::plan().classes)
        EXPECT_EQ(counts[c.id], c.expectedCount) << c.id;
    EXPECT_EQ(counts["regional_pivot"], 10);
    EXPECT_EQ(counts["node_city"], 15);
    EXPECT_EQ(counts["satellite"], 14);
    // 独山 is both a regional pivot and an agricultural county seat in §23.
    std::set<std::string> dushan;
    for (const auto& m : test::plan().classMembers)
        if (m.code == "522726")
            dushan.insert(m.classId);
    EXPECT_EQ(dushan, (std::set<std::string>{"regional_pivot", "agricultural"}));
}

TEST(PlanData, NineCentralCitiesWithTheDocumentsParts)
{
    std::set<std::string> ids;
    for (const auto& c : test::plan().centralCities)
        ids.insert(c.id);
    EXPECT_EQ(ids, (std::set<std::string>{"guiyang_guian", "zunyi", "bijie", "liupanshui", "anshun", "tongren", "kaili", "duyun", "xingyi"}));
    // GZ2023 四(七)15: 以中心城市为核心、绥阳县城和湄潭县城为同城化片区
    EXPECT_EQ(cityMembers("zunyi", "同城化片区"), (StringSet{"绥阳", "湄潭"}));
    // 四(七)16: 城区（含大方）; 四(七)20: 城区（含麻江）
    EXPECT_TRUE(cityMembers("bijie").count("大方"));
    EXPECT_TRUE(cityMembers("bijie").count("七星关"));
    EXPECT_TRUE(cityMembers("kaili").count("麻江"));
    EXPECT_TRUE(cityMembers("kaili").count("凯里"));
    // 四(七)19: 碧江区 … 万山区
    EXPECT_TRUE(cityMembers("tongren").count("碧江"));
    EXPECT_TRUE(cityMembers("tongren").count("万山"));
    EXPECT_TRUE(cityMembers("duyun").count("都匀"));
    EXPECT_TRUE(cityMembers("xingyi").count("兴义"));
    EXPECT_EQ(cityMembers("guiyang_guian").size(), 10u);
    for (const auto& c : test::plan().centralCities)
        EXPECT_FALSE(c.structure.empty() && c.industries.empty()) << c.id << " has neither structure nor industries";
}

TEST(PlanData, QianzhongAgglomerationIsTheReferences33Units)
{
    const StringSet expected{"南明区", "云岩区", "花溪区", "乌当区", "白云区", "观山湖区", "开阳县", "息烽县", "修文县", "清镇市",
                             "红花岗区", "汇川区", "播州区", "绥阳县", "仁怀市", "西秀区", "平坝区", "普定县", "镇宁布依族苗族自治县",
                             "七星关区", "大方县", "黔西市", "金沙县", "织金县", "凯里市", "麻江县",
                             "都匀市", "福泉市", "贵定县", "瓮安县", "长顺县", "龙里县", "惠水县"};
    ASSERT_EQ(expected.size(), 33u);
    EXPECT_EQ(zoneMembers("qianzhong_agglomeration", "full"), expected);
    EXPECT_EQ(zoneMembers("qianzhong_agglomeration"), expected);
}

TEST(PlanData, OneCoreThreeCentresManyClusters)
{
    EXPECT_EQ(zoneMembers("gy_core", "full"), (StringSet{"云岩区", "南明区"}));
    EXPECT_EQ(zoneMembers("gy_north_centre", "full"), (StringSet{"观山湖区", "白云区"}));
    // 贵安新区 overlaps four units in part and owns none whole.
    const StringSet guian{"花溪区", "清镇市", "平坝区", "西秀区"};
    EXPECT_EQ(zoneMembers("guian_new_area", "partial"), guian);
    EXPECT_TRUE(zoneMembers("guian_new_area", "full").empty());
    EXPECT_EQ(zoneMembers("gy_south_centre", "partial"), guian);
    EXPECT_EQ(zoneMembers("gy_east_centre", "partial"), (StringSet{"南明区", "龙里县"}));
    EXPECT_EQ(zoneMembers("gy_cluster_kaiyang"), (StringSet{"开阳县"}));
    EXPECT_EQ(zoneMembers("gy_cluster_xifeng"), (StringSet{"息烽县"}));
    EXPECT_EQ(zoneMembers("gy_cluster_xiuwen"), (StringSet{"修文县"}));
    EXPECT_EQ(zoneMembers("gy_one_city_three_counties"), (StringSet{"清镇市", "开阳县", "息烽县", "修文县"}));
    for (const char* id : {"gy_core", "gy_south_centre", "gy_east_centre", "gy_north_centre"}) {
        ASSERT_NE(test::plan().zone(id), nullptr) << id;
        EXPECT_FALSE(test::plan().zone(id)->functions.empty()) << id << " has no functions";
    }
    EXPECT_EQ(test::plan().zone("gga_metro")->provenance.basis, "assumed");
}

TEST(PlanData, BeltsFollowTheReferenceNodeSequences)
{
    auto nodes = [](const char* id) {
        std::vector<std::string> names;
        const auto* c = test::plan().corridor(id);
        EXPECT_NE(c, nullptr) << id;
        if (c)
            for (const auto& code : c->nodeCodes)
                if (!code.empty())
                    names.push_back(test::shortNameOf(code));
        return names;
    };
    EXPECT_EQ(nodes("belt_western_land_sea"),
              (std::vector<std::string>{"桐梓", "汇川", "红花岗", "播州", "息烽", "修文", "白云", "云岩", "南明", "龙里", "贵定", "都匀", "独山"}));
    EXPECT_EQ(nodes("belt_shanghai_kunming"), (std::vector<std::string>{"玉屏", "三穗", "镇远", "凯里", "麻江", "福泉", "贵定", "龙里", "南明", "观山湖",
                                                                        "清镇", "平坝", "西秀", "镇宁", "关岭", "晴隆", "普安", "盘州"}));
    EXPECT_EQ(nodes("belt_gba_chengyu"),
              (std::vector<std::string>{"七星关", "大方", "黔西", "清镇", "观山湖", "南明", "龙里", "贵定", "都匀", "三都", "榕江", "从江"}));
}

TEST(PlanData, TargetsAreManyQuotedAndIncludeTheProvinceHeadlines)
{
    const auto& targets = test::plan().targets;
    EXPECT_GT(targets.size(), 100u);
    auto find = [&](const std::string& indicator, int year) -> const layers::Target* {
        for (const auto& t : targets)
            if (t.scopeKind == "province" && t.indicator.find(indicator) != std::string::npos && t.year == year)
                return &t;
        return nullptr;
    };
    const auto* urbanisation = find("城镇化率", 2025);
    ASSERT_NE(urbanisation, nullptr);
    EXPECT_EQ(urbanisation->value, 60);
    EXPECT_EQ(urbanisation->comparator, "≈");
    const auto* rail = find("铁路营业里程", 2025);
    ASSERT_NE(rail, nullptr);
    EXPECT_EQ(rail->value, 4500);
    EXPECT_EQ(rail->comparator, "≥");
    for (const auto& t : targets) {
        EXPECT_FALSE(t.provenance.clause.empty()) << t.id;
        EXPECT_FALSE(t.quote.empty()) << t.id;
    }
}

TEST(PlanData, PlacesWithoutSurveyedPositionsAreApproximate)
{
    int towns = 0;
    for (const auto& p : test::plan().places) {
        if (!p.position) {
            EXPECT_EQ(p.positionQuality, "approximate") << p.id;
        }
        towns += p.kind.find("town") != std::string::npos;
    }
    EXPECT_GE(towns, 11);  // GZ2023 四(九)24 names 4 + 3 + 4 towns
}

// The rows an audit against the documents found stated more strongly than the text supports, each as corrected.
TEST(PlanData, AuditedRowsSayWhatTheTextSupports)
{
    const layers::PlanData& plan = test::plan();
    // 贵阳贵安's industries are §13's ("打造先进装备制造、大数据电子信息等产业集群…"); its row cites §14 for its role.
    const layers::CentralCity* guiyang = plan.centralCity("guiyang_guian");
    ASSERT_TRUE(guiyang);
    EXPECT_EQ(guiyang->provenance.clause, "四(六)14");
    EXPECT_EQ(guiyang->industriesClause, "四(六)13");
    const auto span = layers::clauseSpan(test::documents().at("GZ2023"), guiyang->industriesClause);
    ASSERT_TRUE(span);
    const std::string section13 = test::documents().at("GZ2023").substr(span->begin, span->end - span->begin);
    for (const std::string& industry : guiyang->industries)
        EXPECT_NE(section13.find(industry), std::string::npos) << industry << " is not in §13";

    // "以云岩区、南明区为重点" names districts to focus on, not an extent: whole districts are our assumption.
    for (const layers::ZoneMember& m : plan.zoneMembers)
        if (m.zoneId == "gy_core" || m.zoneId == "gy_north_centre") {
            EXPECT_EQ(m.provenance.basis, "assumed") << m.zoneId << " " << m.county;
            EXPECT_FALSE(m.note.empty()) << m.zoneId << " " << m.county;
        }
    // No source puts 贵安新区 inside the metropolitan area.
    ASSERT_TRUE(plan.zone("guian_new_area"));
    EXPECT_EQ(plan.zone("guian_new_area")->parentZone, "");

    // GY2025 gives no year ("拟通过五年的努力"): its 2028 is assumed, with a note; its 贵阳都市圈 is taken as
    // gga_metro by assumption (t283).
    int gy2025 = 0;
    for (const layers::Target& t : plan.targets)
        if (t.provenance.source == "GY2025") {
            ++gy2025;
            EXPECT_EQ(t.yearBasis, "assumed") << t.id;
            EXPECT_FALSE(t.note.empty()) << t.id;
            EXPECT_EQ(t.weakestBasis(), "assumed") << t.id;
        } else {
            EXPECT_EQ(t.yearBasis, "stated") << t.id;
        }
    EXPECT_EQ(gy2025, 18);
    for (const layers::Target& t : plan.targets)
        if (t.id == "t283") {
            EXPECT_EQ(t.scopeId, "gga_metro");
            EXPECT_EQ(t.scopeBasis, "assumed");
        }
    const layers::Zone* metro = plan.zone("gga_metro");
    ASSERT_TRUE(metro);
    EXPECT_NE(metro->note.find("假定"), std::string::npos) << metro->note;

    // Ratios use 倍 (README); 年均 targets have a row per year, like t135/t136.
    std::map<std::string, std::set<int>> yearsOf;
    for (const layers::Target& t : plan.targets) {
        EXPECT_NE(t.unit, ":1") << t.id;
        if (t.id == "t270" || t.id == "t271")
            EXPECT_EQ(t.unit, "倍") << t.id;
        if (t.provenance.source == "GZ2023" && t.indicator.find("年均") != std::string::npos)
            yearsOf[t.scopeKind + "/" + t.scopeId + "/" + t.indicator].insert(t.year);
    }
    EXPECT_FALSE(yearsOf.empty());
    for (const auto& [key, years] : yearsOf)
        EXPECT_TRUE(years.count(2023) && years.count(2025)) << key << " lacks a 2023 or 2025 row";
}
