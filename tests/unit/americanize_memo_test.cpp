// The indexer normalises text through AmericanizeMemo (core/text/normalize.hpp), which remembers
// americanize_word's answers. It must give exactly the text of the plain normalize_for_index,
// word for word, with the same spelling variants, whether an answer comes from the memo or not.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/normalize.hpp"

namespace {

const std::vector<std::string> kTexts = {
    "The organisation's colour programme was analysed; the Organisation said COLOUR.",
    "Labour favourites travelled to the theatre centre and catalogues were realised.",
    "Prices rose 5.5mn (40 per cent) and 3 bn; co-operation with the U.S. and U.K. grew 2 pct.",
    "advertise surprise compromise glamour contour macabre timbre hatred precise revise",
    "Programmes PROGRAMMES programme's aluminium tyres naïve café Straße 東京 données",
    "colours colour Colour COLOUR colourful colourless organising organisations",
};

news::SpellingVariants variants() {
    return {{"programme", "program"}, {"aluminium", "aluminum"}, {"tyre", "tire"}};
}

}  // namespace

TEST_CASE("AmericanizeMemo: the same text as normalize_for_index, first time and remembered") {
    news::AmericanizeMemo memo(variants());
    for (int round = 0; round < 2; ++round) {  // round 1 answers from the memo
        for (const auto& t : kTexts) {
            CHECK(news::normalize_for_index(t, memo) == news::normalize_for_index(t, variants()));
        }
    }
    CHECK(memo("programmes") == "programs");
    CHECK(memo("colour") == news::americanize_word("colour", variants()));
}

TEST_CASE("AmericanizeMemo: a full memo starts again and still answers right") {
    news::AmericanizeMemo memo(variants(), 2);  // forgets after every second new word
    for (const auto& t : kTexts) {
        CHECK(news::normalize_for_index(t, memo) == news::normalize_for_index(t, variants()));
    }
}

TEST_CASE("AmericanizeMemo: answers for its own variants, not the defaults") {
    news::AmericanizeMemo with(variants());
    news::AmericanizeMemo without(news::SpellingVariants{});
    CHECK(with("programme") == "program");
    CHECK(without("programme") == "programme");
    CHECK(with.variants().size() == 3);
}
