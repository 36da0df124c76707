#pragma once
// What a JSON Lines record holds, once read (core/ingest/jsonl.cpp reads it with nlohmann's
// parser, core/ingest/jsonl_fast.cpp with simdjson's), and the article made of it.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/article.hpp"

namespace news {

// Where a record's fields may be, in this order: feeds and exports name them differently (ours
// first, then JSON Feed's, NewsAPI's and RSS's as converters write them). The first key present
// and not null holds the field.
inline constexpr std::array<std::string_view, 7> kBodyKeys = {
    "body", "content", "content_html", "content_text", "text", "description", "summary"};
inline constexpr std::array<std::string_view, 2> kIdKeys = {"id", "guid"};  // else the URL
inline constexpr std::array<std::string_view, 2> kUrlKeys = {"url", "link"};
inline constexpr std::array<std::string_view, 6> kPublishedKeys = {
    "published", "date", "date_published", "publishedAt", "published_at", "pubDate"};
// The first of these present holds the authors, even when null (an explicit "no authors"):
// Dublin Core's creator is how RSS-to-JSON converters name an RSS 1.0 or dc:creator author.
inline constexpr std::array<std::string_view, 4> kAuthorKeys = {"authors", "author", "dc:creator",
                                                                "creator"};

// The record's fields after the id and title: trimmed, and absent when empty. The views point
// into the parsed line, which outlives them.
struct JsonlFields {
    std::optional<std::string> source, url, published;
    std::vector<std::string> authors;
    std::optional<std::string_view> body;
};

// Without the white space (ASCII, vertical tab and form feed too) at either end.
std::string_view trim_field(std::string_view s);

// `text` trimmed, or nullopt when nothing is left.
std::optional<std::string> trimmed_text(std::string_view text);

// A name or title as people read it: references decoded, then trimmed (a decoded "&nbsp;" is
// white space).
std::string readable(std::string text);

// The article of a record; an empty `title` is derived from the body's first sentence.
Article make_jsonl_article(std::string id, std::string title, JsonlFields fields,
                           std::string_view origin);

}  // namespace news
