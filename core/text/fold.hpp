#pragma once
// Letters with diacritics as their ASCII base letters, for search only: "café" and "cafe",
// "Müller" and "Muller", "São Paulo" and "Sao Paulo" find each other, as users expect of a
// search engine (Elasticsearch's asciifolding, Meilisearch and Typesense do the same). Covers
// Latin-1, Latin Extended-A, the Romanian comma-below letters and combining marks (a decomposed
// "é" is "e" + U+0301). Shown text is never folded.

#include <optional>
#include <string_view>

namespace news {

// The ASCII replacement of `cp` in its case ("e" for é, "E" for É, "ss" for ß, "AE" for Æ), an
// empty view for a combining mark (dropped), nothing when `cp` is not folded.
std::optional<std::string_view> fold_diacritic(char32_t cp);

}  // namespace news
