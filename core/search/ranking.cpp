#include "core/search/ranking.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/index/schema.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

// Feedback from the top 5 matches, adding 10 words: the best of the settings measured on
// Cranfield (3, 5 and 8 documents; 10 and 20 words); more documents let off-topic ones in.
constexpr Xapian::doccount kFeedbackDocs = 5;
constexpr Xapian::termcount kFeedbackWords = 10;

// Expansion words: stemmed words ("Z" + stem, not a number) and title words ("ZS" + stem): a
// title word of the best matches that another article has in its title is a strong sign of the
// same subject (on Cranfield, leaving titles out lowers nDCG@10 from 0.402 to 0.384). Authors,
// sources, ids, filters and clusters say nothing about what an article is about.
struct ExpansionWords : Xapian::ExpandDecider {
    explicit ExpansionWords(const Vocabulary& v) : vocabulary(v) {}

    bool operator()(const std::string& t) const override {
        if (t.size() < 3 || t[0] != 'Z') return false;
        const std::size_t at = t[1] == 'S' ? 2 : 1;
        const char c = t[at];
        return t.size() > at + 1 && !ascii::is_digit(c) && !ascii::is_upper(c) &&
               written(std::string_view(t).substr(at));
    }

    // Whether a word of the text stems to `stem`. The vocabulary holds words of 2 to 30
    // letters a-z (core/index/document_builder.cpp); others are taken on trust. A stem differs
    // from its word at most in its last letter ("happi" from "happy").
    bool written(std::string_view stem) const {
        const bool listed = stem.size() >= 2 && stem.size() <= 30 &&
                            std::all_of(stem.begin(), stem.end(), ascii::is_lower);
        if (!listed) return true;
        return vocabulary.has_prefix(stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem);
    }

    const Vocabulary& vocabulary;
};

// Collects the words of an OR of plain words into `distinct`; false when anything else appears
// (an exclusion, a field, a near or wildcard group). The parser nests ORs by punctuation and
// turns hyphenated words ("real-gas") into phrases: both are still plain words.
bool plain_words(const Xapian::Query& q, std::set<std::string>& distinct) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            const std::string t = *q.get_terms_begin();
            if (t.size() < 2 || t[0] != 'Z' || ascii::is_upper(t[1])) return false;
            distinct.insert(t);
            return true;
        }
        case Xapian::Query::OP_SYNONYM:  // a word with its synonyms counts once
            distinct.insert(q.get_description());
            return true;
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_PHRASE:
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                if (!plain_words(q.get_subquery(i), distinct)) return false;
            }
            return true;
        default:
            return false;
    }
}

}  // namespace

bool wants_feedback(const Xapian::Query& words, std::string_view text) {
    // Quotes ask for an exact phrase, a star for a word's forms: precise requests.
    if (text.find_first_of("\"*") != std::string_view::npos) return false;
    std::set<std::string> distinct;
    return plain_words(words, distinct) && distinct.size() >= kFeedbackMinWords;
}

Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                            const Xapian::Query& filter, const Vocabulary& vocabulary) {
    Xapian::Enquire enquire(db);
    enquire.set_query(filter.empty() ? query
                                     : Xapian::Query(Xapian::Query::OP_FILTER, query, filter));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    // Copies of one article would count its words several times.
    enquire.set_collapse_key(schema::kSlotCluster);
    const Xapian::MSet top = enquire.get_mset(0, kFeedbackDocs);
    if (top.empty()) return query;
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
    const ExpansionWords decider(vocabulary);
    const Xapian::ESet eset = enquire.get_eset(kFeedbackWords, rset, &decider);
    if (eset.empty()) return query;
    const double best = eset.begin().get_weight();
    if (!(best > 0)) return query;
    std::vector<Xapian::Query> expansion;
    for (auto it = eset.begin(); it != eset.end() && it.get_weight() > 0; ++it) {
        expansion.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                               it.get_weight() / best);
    }
    return Xapian::Query(Xapian::Query::OP_OR, query,
                         Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()));
}

}  // namespace news
