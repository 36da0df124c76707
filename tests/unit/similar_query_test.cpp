// The similar-articles query (core/search/similar_query.hpp): which words it takes from the
// article, and how it weights them.
#include "core/search/similar_query.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

Xapian::Document article_terms(const std::vector<std::string>& terms) {
    Xapian::Document d;
    for (const auto& t : terms) d.add_term(t);
    return d;
}

// Each leaf term of `q` with the factor OP_SCALE_WEIGHT gives it (1 when unscaled).
void add_weights(const Xapian::Query& q, double factor, std::map<std::string, double>& out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out[*q.get_terms_begin()] += factor;
        return;
    }
    if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
        // Xapian 1.4 has no accessor for the factor; the description reads "Query(0.25 * t)".
        const std::string d = q.get_description();
        factor *= std::stod(d.substr(d.find('(') + 1));
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        add_weights(q.get_subquery(i), factor, out);
}

std::map<std::string, double> term_weights(const Xapian::Query& q) {
    std::map<std::string, double> out;
    add_weights(q, 1.0, out);
    return out;
}

const news::Vocabulary& storm_words() {
    static const news::Vocabulary words(
        {"storm", "ferry", "ferries", "harbour", "dover", "gale", "the"});
    return words;
}

}  // namespace

TEST_CASE("similar articles search the article's body words, not its title twice") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Title words are indexed both as words and with the title prefix (core/index/schema.hpp);
    // the joined form of a compound ("galeforc") has no written word behind it; "the" says
    // nothing about a story.
    const Xapian::docid storm =
        db.add_document(article_terms({"Zstorm", "ZSstorm", "Zferri", "Zharbour", "Zdover", "Zgale",
                                       "Zgaleforc", "Zthe", "XSbbc news", "Qstory-1", "Z2020"}));
    for (int i = 0; i < 12; ++i) {
        const std::string other = "Zother" + std::to_string(i);
        db.add_document(i < 8 ? article_terms({"Zharbour", other}) : article_terms({other}));
    }
    db.add_document(article_terms({"Zstorm", "Zferri"}));

    const auto w = term_weights(news::similar_query(db, storm, storm_words()));
    std::set<std::string> terms;
    for (const auto& [t, f] : w) terms.insert(t);
    CAPTURE(news::similar_query(db, storm, storm_words()).get_description());
    CHECK(terms == std::set<std::string>{"Zdover", "Zferri", "Zgale", "Zharbour", "Zstorm"});
    // The most telling word weighs 1, a word in most articles less.
    CHECK(w.at("Zdover") == doctest::Approx(1.0));
    CHECK(w.at("Zharbour") < 0.75 * w.at("Zdover"));
}

TEST_CASE("an article with no word worth searching for gives an empty query") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Xapian::docid only_ids =
        db.add_document(article_terms({"Qstory-2", "XSbbc news", "Z1999"}));
    db.add_document(article_terms({"Zstorm"}));
    CHECK(news::similar_query(db, only_ids, storm_words()).empty());
}
