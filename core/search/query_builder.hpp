#pragma once
// Turns the user's query text and filters into a Xapian::Query that matches how the indexer
// wrote the terms (docs/index-schema.md, "Querying this index"): the same normalisation,
// stemmer, stop words, field prefixes and synonyms.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/search/search_params.hpp"
#include "core/search/vocabulary.hpp"
#include "core/text/normalize.hpp"

namespace news {

struct QueryContext {
    const Xapian::Database& db;
    const Vocabulary& vocabulary;
    const SpellingVariants& variants;
    const SearchLimits& limits;
};

struct ParsedQuery {
    Xapian::Query query;            // empty when the text had no searchable words
    bool expansion_capped = false;  // a wildcard matched more words than the configured limit
};

// Rewrites `foxc*` (and, when `partial`, the last word) into an OR of the index's words with that
// prefix, at most limits.max_wildcard_expansion of them, most frequent first. Pure but for the
// vocabulary lookup; exposed for tests.
std::string expand_prefixes(std::string_view text, bool partial, const Vocabulary& vocabulary,
                            std::size_t limit, bool* capped);

// `-foxconn -"Oppama plant"` -> `NOT foxconn NOT "Oppama plant"` when every item of the text is
// excluded, else nothing (the text stands as it is). Xapian reads a query of nothing but excluded
// items as if the minus signs were not there, which would return exactly the articles the user
// excluded; as NOT items (FLAG_PURE_NOT) it means every article but those. Pure; exposed for tests.
std::optional<std::string> exclusions_as_not(std::string_view text);

// Parses `text` with `default_op` between words. A bare `NOT x` or `-x` matches every article
// without x. Throws ApiError::bad_query when Xapian cannot parse it (with Xapian's message).
ParsedQuery parse_query(std::string_view text, Xapian::Query::op default_op, bool partial,
                        const QueryContext& ctx);

// The spelling-corrected form of `text` (Xapian's spelling table, limited by
// core/search/spelling_policy.hpp), or empty when there is none or the text holds wildcards.
// Costly (an edit-distance search per word): call it only when the query found too little.
std::string spelling_correction(std::string_view text, bool partial, const QueryContext& ctx);

// The boolean filter for source/author/date parameters, or an empty query when none apply.
Xapian::Query build_filter(const SearchParams& params);

}  // namespace news
