#pragma once
// Ranking beyond BM25 for the default (adaptive) semantics: pseudo-relevance feedback for long
// natural-language queries. A question such as "what similarity laws must be obeyed when
// constructing aeroelastic models of heated high speed aircraft" rarely has every word in one
// article, and its words are often not the ones the best articles use; the words that the best
// first matches share are added with a weight below the user's own (measured on Cranfield in
// bench/relevance/README.md: nDCG@10 0.367 -> 0.40, MAP 0.302 -> 0.347). Short keyword queries
// (news searches of one to three words) are left as they are, at no cost.

#include <xapian.h>

#include <string_view>

#include "core/search/vocabulary.hpp"

namespace news {

// Distinct words a query must have before feedback applies.
inline constexpr std::size_t kFeedbackMinWords = 4;

// True for `words` (the user's `text` parsed with OR between words) made of plain words only
// (no quoted phrase, wildcard, field, exclusion or other operator the user chose) with at least
// kFeedbackMinWords distinct words: a question in natural language, not a precise request that
// expansion would override.
bool wants_feedback(const Xapian::Query& words, std::string_view text);

// `query` OR the best expansion words of its top few matches (under `filter` when not empty),
// each weighted by its feedback weight relative to the best one, so that the user's words
// still dominate. Returns `query` unchanged when the query matches nothing. Only terms a word
// of `vocabulary` (the index's written words) stems to are used: the joined form of a
// hyphenated compound ("boundarylay" for "boundary-layer") would count its parts twice.
Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                            const Xapian::Query& filter, const Vocabulary& vocabulary);

}  // namespace news
