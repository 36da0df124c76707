#include "core/search/similar_query.hpp"

#include "core/search/expansion_terms.hpp"

namespace news {

Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid article,
                            const Vocabulary& vocabulary) {
    Xapian::Enquire enquire(db);
    enquire.set_expansion_scheme("bo1");
    Xapian::RSet rset;
    rset.add_document(article);
    const ExpansionWords decider(vocabulary, {.titles = false, .stop_words = false});
    return weighted_terms(enquire.get_eset(kSimilarWords, rset, &decider));
}

}  // namespace news
