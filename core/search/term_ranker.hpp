#pragma once
// Ranks the commonest search, an AND of plain words (optionally narrowed by boolean filter
// terms), in one walk of its posting lists: every match is counted for the totals and facets,
// weighted exactly as Xapian's BM25Weight (default parameters) weighs it, and kept if it is the
// best article of its duplicate cluster so far. Through Xapian's matcher the same answer takes a
// counting pass plus a ranked pass that, to survive collapsing, must rank every copy of each
// story; on a corpus with many duplicates that ranked pass was most of a search.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "core/search/match_counter.hpp"

namespace news {

// A hit as the results page needs it: the article, its weight, and its percentage of the best.
struct RankedHit {
    Xapian::docid did = 0;
    double weight = 0;
    int percent = 0;
};

// The shape of query this ranker handles.
struct TermQuery {
    std::vector<std::string> weighted;  // distinct terms that score
    std::vector<std::string> filters;   // terms that only restrict
};

// The terms of `query` (a term, or an AND of distinct terms) and of `filter` (empty, a term, or
// an AND of terms), or nullopt for any other query: phrases, ORs, scaled weights, value ranges.
std::optional<TermQuery> as_term_query(const Xapian::Query& query, const Xapian::Query& filter);

// Walks the matches of `q`: counts each into `counter`, and returns the hits ranked `first` to
// `first + wanted - 1` by BM25 weight, ties by docid, keeping only the best article of each
// cluster of `tables` when `collapse` (as Xapian's collapse key would).
std::vector<RankedHit> rank_terms(const Xapian::Database& db, const TermQuery& q,
                                  const RevisionTables& tables, MatchCounter& counter,
                                  bool collapse, std::size_t first, std::size_t wanted);

}  // namespace news
