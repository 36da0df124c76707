#pragma once
// Single-line tests of article structure the page cleaner is built from (site chrome has its
// own, core/clean/chrome_lines.hpp). Each is a pure function of one trimmed line; docs/cleaning.md
// lists them with their reasons. None names a site or a story: they describe what scraped news
// pages share.

#include <optional>
#include <string>
#include <string_view>

#include "core/clean/line_text.hpp"

namespace news::clean {

// Article text rather than a headline or a link: a statement of 12 words or more, or any line
// of over 30 words. Bullets never start prose; headlines may end with '?'.
bool is_prose(std::string_view line);

// Headers of link lists ("Suggested reads", "Latest Stories", "Popular Now", "Must-Reads",
// "You May Also Like", "[ASIA] Latest Stories" …). What follows is a list, not article text.
bool is_list_header(std::string_view line);

// A line inside such a list: bullets, numbers, category labels ("BUSINESS"), headlines.
bool is_list_item(std::string_view line);

// "Related Articles" / "Related Stories": the start of other stories embedded in the page.
bool is_related_header(std::string_view line);

// A bar of short links separated by '|' ("Find us on Apple Podcasts | Spotify | …").
bool is_link_bar(std::string_view line);

// A photo caption carrying its credit ("… Photo: AFP", "… 2023./Reuters-Yonhap News") or
// labelled as one ("Photo: A Toyota logo at the Tokyo Motor Show.", "Image: …").
bool is_caption(std::string_view line);

// A line that is only an e-mail address (an author's contact under a byline).
bool is_email(std::string_view line);

// Bullet or dash before a repeated outlet name: "• Nikkei Asia", "- HKFP" -> "Nikkei Asia".
std::optional<std::string> bulleted_label(std::string_view line);

// A line left open inside a quotation ("… roll out 10 '"): the next line continues it.
bool ends_open_quote(std::string_view line);

// A section heading inside an article: short, capitalised, no sentence or clause punctuation
// at the end except '?' or '!'.
bool looks_like_heading(std::string_view line);

// A headline: at most 25 words, not ending like a sentence (a question mark is allowed).
bool looks_like_headline(std::string_view line);

}  // namespace news::clean
