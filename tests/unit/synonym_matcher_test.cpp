// SynonymMatcher::match skips most words without folding them (first letter and length): it
// must find exactly what folding and looking up every word finds.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/config/indexer_config.hpp"
#include "core/index/synonyms.hpp"
#include "core/text/normalize.hpp"
#include "tests/unit/read_file.hpp"

namespace {

std::string fold(std::string w) {
    for (auto& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    return w;
}

// Every form tried at every word, the matcher's rules written out plainly.
std::map<std::string, Xapian::termcount> reference(const std::vector<news::SynonymGroup>& groups,
                                                   const std::vector<std::string>& words) {
    std::map<std::string, Xapian::termcount> found;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const auto& g : groups) {
            for (const auto& form : g.forms) {
                if (!form.exact.empty()) {
                    if (fold(words[i]) == fold(form.words.front()) &&
                        (words[i] == form.exact || words[i] == form.exact + "s"))
                        ++found[news::concept_term(g)];
                    continue;
                }
                if (i + form.words.size() > words.size()) continue;
                bool all = true;
                for (std::size_t k = 0; k < form.words.size() && all; ++k) {
                    all = fold(words[i + k]) == fold(form.words[k]);
                }
                if (all) ++found[news::concept_term(g)];
            }
        }
    }
    return found;
}

}  // namespace

TEST_CASE("synonym matcher: the same concepts as trying every form at every word") {
    const news::IndexerConfig config =
        news::load_indexer_config(std::string(NEWS_SOURCE_DIR) + "/config/indexer.json");
    std::vector<std::string> errors;
    const auto groups = news::load_synonyms(config, errors);
    REQUIRE(errors.empty());
    REQUIRE(groups.size() > 5);
    const news::SynonymMatcher matcher(groups);

    std::vector<std::vector<std::string>> texts = {
        news::search_words("EV EVs ev evs electric vehicles Electric Vehicle ELECTRIC CARS "
                           "battery electric vehicle US us USA United States of America UK "
                           "AI ai Artificial Intelligence s ss x",
                           true)};
    for (const auto& e : std::filesystem::directory_iterator(NEWS_CORPUS_DIR)) {
        texts.push_back(news::search_words(
            news::normalize_for_index(news::testing::read_file(e.path())), true));
    }
    // Random sequences of the forms' own words in any case, so that every form occurs.
    std::vector<std::string> vocabulary = {"the", "of", "Cars", "s"};
    for (const auto& g : groups) {
        for (const auto& form : g.forms) {
            for (const auto& w : form.words) vocabulary.push_back(w);
            if (!form.exact.empty()) vocabulary.push_back(form.exact + "s");
        }
    }
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    for (int t = 0; t < 300; ++t) {
        std::vector<std::string> words;
        for (int k = 0; k < 30; ++k) {
            std::string w = vocabulary[pick(rng)];
            if (rng() % 3 == 0) {
                for (auto& c : w) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
            }
            words.push_back(std::move(w));
        }
        texts.push_back(std::move(words));
    }
    std::size_t matched = 0;
    for (const auto& words : texts) {
        const auto expected = reference(groups, words);
        CHECK(matcher.match(words) == expected);
        matched += expected.size();
    }
    CHECK(matched > 100);
}
