#pragma once
// The plan documents as text to point into: where a clause (四(八)23, 三(一), 二, 序) stands in its document, and
// the sentence behind a membership. Used by the window's document panel and information panel, and by
// `gzplan check`, which refuses a clause its document does not have.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace layers {

/// Bytes [begin, end) of a document's UTF-8 text.
struct TextSpan {
    std::size_t begin = 0, end = 0;
    bool operator==(const TextSpan&) const = default;
};

/// Where `clause` stands in `text`, written as share/plan/README.md describes: a part (二), a part and section
/// (三(一), 四(八)), a part, section and item (四(八)23), or the preamble before part 一 (序). Both documents'
/// headings are recognised: 四、 parts, （八） or (八) sections, 23. items; the table of contents is skipped.
/// The span runs to the next heading of the same or a higher level. nullopt when the document has no such clause.
std::optional<TextSpan> clauseSpan(const std::string& text, const std::string& clause);

/// The sentence within `in` (ended by 。；！？ or a line end) that contains `words`; nullopt when none does.
std::optional<TextSpan> sentenceWith(const std::string& text, TextSpan in, const std::string& words);

/// The first sentence of `clause` that contains any of `names`, as text; empty when there is none (or no such
/// clause). The quote behind a membership row, which the tables do not repeat: 盘州 in 四(八)23 gives
/// "将处于交通节点和枢纽、具有区域带动作用的盘州、威宁、……打造成为重要区域性支点城市".
std::string clauseSentence(const std::string& text, const std::string& clause, const std::vector<std::string>& names);

/// A clause in Arabic numerals, for the English interface: 四(八)23 → 4(8)23, 三(一) → 3(1), 二十一 → 21, 序 →
/// preamble. A clause that is not in the tables' form is returned as it is.
std::string clauseInArabic(const std::string& clause);

}  // namespace layers
