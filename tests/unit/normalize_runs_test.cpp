// The first pass of normalize_for_index copies plain ASCII a run at a time; the expected texts
// are what the byte-at-a-time version gave, around every kind of run boundary: dashes, percent
// signs, non-ASCII letters inside and before words, edges of the text.

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/text/normalize.hpp"

TEST_CASE("normalisation: rewrites at the edges and in the middle of copied runs") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""},
        {"-", "-"},
        {"--", " - "},
        {"a--b", "a - b"},
        {"x---y", "x - y"},
        {"a-b", "a-b"},
        {"50%", "50 percent"},
        {"50 %", "50 percent"},
        {"%", "percent"},
        {"40 per cent", "40 percent"},
        {"co-operation", "cooperation"},
        {"na\xC3\xAFve caf\xC3\xA9-colour", "naive cafe-color"},  // diacritics folded
        {"\xC3\x9Cn\xC3\xAF"
         "code colour",
         "Unicode color"},
        {"colourful\xE2\x80\x94honour", "colorful - honor"},
        {"  The U.S. honour, 5.5mn!\n\"ok\" ", "  The US honor, 5.5 million!\n\"ok\" "},
        {"caf\xC3\xA9neighbour", "cafeneighbor"},  // folded, then one ASCII word
        {"\xC3\xA9honour", "ehonor"},
        {"\xCE\xB1neighbour", "\xCE\xB1neighbour"},  // letters after a non-ASCII one (Greek)
        {"\xCE\xB1honour", "\xCE\xB1honour"},
        {"end.", "end."},
        {"AT&T's R&D, S&P 500 and M&A", "ATT's RD, SP 500 and MA"},  // names of capitals
        {"Marks & Spencer, AT & T, ABCD&E, Ab&C, A&B1, &lt;OLN&gt;",
         "Marks & Spencer, AT & T, ABCD&E, Ab&C, A&B1, &lt;OLN&gt;"},
        {"&", "&"},
        {"A&", "A&"},
        {"...honour", "...honor"},
    };
    for (const auto& [text, expected] : cases) {
        CHECK_MESSAGE(news::normalize_for_index(text) == expected, text);
    }
}
