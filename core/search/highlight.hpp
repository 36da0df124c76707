#pragma once
// Highlighting: article text as HTML in which only <mark>…</mark> is markup. Xapian's snippet
// generator escapes the text itself (&, <, >), so a page can insert the result as HTML and no
// markup from an article can reach it.

#include <xapian.h>

#include <string>
#include <string_view>

namespace news {

inline constexpr std::string_view kMarkOpen = "<mark>";
inline constexpr std::string_view kMarkClose = "</mark>";

// Escapes &, < and > as Xapian's snippet generator does: the result is safe as element content
// (the API's HTML fields are never used inside attributes).
std::string escape_html(std::string_view text);

// The best passage of `text` of about `length` bytes, whole words, query terms of `mset` marked.
std::string snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length);

// All of `text`, query terms marked (titles, paragraphs). Without matches: the escaped text.
std::string highlight_all(const Xapian::MSet& mset, std::string_view text);

}  // namespace news
