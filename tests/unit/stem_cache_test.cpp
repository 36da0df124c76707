// The cached stemmer must answer exactly as Xapian's English stemmer, so that documents built
// with it carry the same terms, wdf and positions as with a plain Xapian::Stem.

#include "core/index/stem_cache.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/index/stopwords.hpp"
#include "tests/unit/document_terms.hpp"
#include "tests/unit/read_file.hpp"

namespace {

std::vector<std::string> corpus_texts() {
    std::vector<std::string> texts;
    for (const auto& e : std::filesystem::directory_iterator(NEWS_CORPUS_DIR)) {
        texts.push_back(news::testing::read_file(e.path()));
    }
    texts.push_back(
        "Running runs ran RUNNING runner's O'Neill's U.S.A. e-mail 3.5% co-operation naïve café "
        "Straße 東京 données organisations organization generalisations ''' -- x y z a1b2 "
        "supercalifragilisticexpialidocious's");
    return texts;
}

Xapian::Document index_with(const Xapian::Stem& stem, const std::string& text) {
    Xapian::TermGenerator gen;
    gen.set_stemmer(stem);
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    gen.set_stopper(&news::english_stopper());
    gen.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    Xapian::Document doc;
    gen.set_document(doc);
    gen.index_text(text, 5, "S");
    gen.increase_termpos(100);
    gen.index_text(text);
    return doc;
}

}  // namespace

TEST_CASE("stem cache: same stems as Xapian's English stemmer, also across evictions") {
    const Xapian::Stem plain("english");
    // A tiny cache is emptied many times over the corpus: answers must not change.
    for (const std::size_t max_entries : {std::size_t{3}, std::size_t{200'000}}) {
        Xapian::Stem cached = news::cached_stemmer("english", max_entries);
        std::size_t words = 0;
        for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
            for (const auto& text : corpus_texts()) {
                std::istringstream in(text);
                for (std::string w; in >> w;) {
                    CHECK_MESSAGE(cached(w) == plain(w), w);
                    ++words;
                }
            }
        }
        CHECK(words > 1000);
    }
    CHECK(news::cached_stemmer("english").get_description().find("english") != std::string::npos);
}

TEST_CASE("stem cache: a TermGenerator makes the same terms, wdf and positions with it") {
    const Xapian::Stem cached = news::cached_stemmer("english", 50);
    for (const auto& text : corpus_texts()) {
        const std::string expected =
            news::testing::document_terms(index_with(Xapian::Stem("english"), text));
        CHECK(!expected.empty());
        CHECK(news::testing::document_terms(index_with(cached, text)) == expected);
    }
}
