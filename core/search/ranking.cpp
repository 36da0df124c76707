#include "core/search/ranking.hpp"

#include <set>
#include <string>
#include <string_view>

#include "core/index/schema.hpp"
#include "core/search/expansion_terms.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

// Feedback from the top 5 matches, adding 10 words: the best of the settings measured on
// Cranfield (3, 5 and 8 documents; 10 and 20 words); more documents let off-topic ones in.
constexpr Xapian::doccount kFeedbackDocs = 5;
constexpr Xapian::termcount kFeedbackWords = 10;

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
    // A title word of the best matches that another article has in its title is a strong sign
    // of the same subject (on Cranfield, leaving titles out lowers nDCG@10 from 0.402 to 0.384;
    // leaving stop words out, from 0.4044 to 0.4009).
    const ExpansionWords decider(vocabulary, {.titles = true, .stop_words = true});
    const Xapian::Query expansion =
        weighted_terms(enquire.get_eset(kFeedbackWords, rset, &decider));
    return expansion.empty() ? query : Xapian::Query(Xapian::Query::OP_OR, query, expansion);
}

}  // namespace news
