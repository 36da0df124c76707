#pragma once
// The query behind "similar articles": relevance feedback from one article. Its 40 most telling
// body words are ORed, each weighted by how telling it is, by the Bo1 expansion scheme (which,
// unlike Xapian's default, counts how often the article uses a word, so its headline words and
// its subject count for more). Measured with `bench/relevance/run --similar` (338 bench articles
// cut in halves: does each first half find its other half, MRR@5, and are its five neighbours of
// its BBC section, P@5): 25 unweighted words with the title's counted twice scored 0.473 and
// 0.886; 40 weighted body words 0.556 and 0.912 (25 words 0.544, 60 0.554). Xapian's default
// scheme scored 0.548 and 0.934, but for the bundled Foxconn newsletter it ranked an article
// on beef exports above the one on Foxconn's Japanese EV plans.

#include <xapian.h>

#include "core/search/vocabulary.hpp"

namespace news {

inline constexpr Xapian::termcount kSimilarWords = 40;

// Empty when the article has no word worth searching for. Title-prefixed terms and stop words
// are left out: a title's words are also indexed as body words, and taking both counted each
// twice, so articles sharing a headline word outranked those telling the same story; and a stop
// word would be marked in every neighbour's snippet.
Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid article,
                            const Vocabulary& vocabulary);

}  // namespace news
