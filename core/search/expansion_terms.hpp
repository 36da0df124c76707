#pragma once
// Choosing and weighting expansion terms (Xapian's relevance-feedback ESet), shared by the two
// features built on it: pseudo-relevance feedback for long questions (core/search/ranking.hpp)
// and similar articles (core/search/similar_query.hpp).

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/search/vocabulary.hpp"

namespace news {

// Accepts stemmed words ("Z" + stem, not a number) and, as `take` says, title words ("ZS" +
// stem) and stop words. Authors, sources, ids, filters and clusters say nothing about what an
// article is about. Only stems a word of `vocabulary` (the index's written words) stems to are
// taken: the joined form of a hyphenated compound ("boundarylay" for "boundary-layer") would
// count its parts twice.
class ExpansionWords : public Xapian::ExpandDecider {
  public:
    struct Take {
        bool titles = false;
        bool stop_words = false;
    };

    ExpansionWords(const Vocabulary& vocabulary, Take take)
        : vocabulary_(vocabulary), take_(take) {}

    bool operator()(const std::string& term) const override;

  private:
    bool written(std::string_view stem) const;

    const Vocabulary& vocabulary_;
    Take take_;
};

// The OR of the set's terms, each scaled by its expand weight relative to the best one, so that
// a telling word counts for more than a common one; terms of weight 0 or below are left out.
// An empty query when none is left.
Xapian::Query weighted_terms(const Xapian::ESet& eset);

}  // namespace news
