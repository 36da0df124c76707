#pragma once
// Highlighting: article text as HTML in which only <mark>…</mark> is markup. Xapian's snippet
// generator escapes the text itself (&, <, >), so a page can insert the result as HTML and no
// markup from an article can reach it.

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/search/passage.hpp"

namespace news {

inline constexpr std::string_view kMarkOpen = "<mark>";
inline constexpr std::string_view kMarkClose = "</mark>";

// The index's stemmer, one per thread: Xapian::Stem is reference-counted without atomics, so
// copies made from a shared instance by concurrent searches would corrupt the count.
const Xapian::Stem& english_stemmer();

// Escapes &, < and > as Xapian's snippet generator does: the result is safe as element content
// (the API's HTML fields are never used inside attributes).
std::string escape_html(std::string_view text);

// Each function below takes the stemmer the highlighted words are matched with: the English
// stemmer of the index, or query_stemmer() (core/search/query_stemmer.hpp) for speed.

// The best passage of `text` of about `length` bytes, whole words, query terms of `mset` marked.
std::string snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                    const Xapian::Stem& stemmer = english_stemmer());

// The same over a passage chosen from the body (core/search/passage.hpp), marked as cut ("…")
// when it does not begin where the body begins.
std::string snippet(const Xapian::MSet& mset, const Passage& passage, std::size_t length,
                    const Xapian::Stem& stemmer = english_stemmer());

// All of `text`, query terms marked (titles, paragraphs). Without matches: the escaped text.
std::string highlight_all(const Xapian::MSet& mset, std::string_view text,
                          const Xapian::Stem& stemmer = english_stemmer());

}  // namespace news
