#pragma once
// JSON Lines feeds of already clean articles, one object per line:
//   {"id", "title", "body", "source", "authors" | "author", "url", "published"}
// `body` holds paragraphs separated by blank lines, or is an array of paragraphs; unknown
// fields are ignored; `authors` (or `author`, `dc:creator`, `creator`) may be a name or an array of
// names, a name being a string or an object with a "name" (so may `source`); `id` may be a string
// or an integer; `published` may be date text or a Unix time (seconds, or milliseconds from 10^11
// on). Other feeds' names for these fields (JSON Feed's, NewsAPI's, RSS's) are read too, in the
// order of jsonl_fields.hpp; without an id or guid, the URL is the id; without a title, the first
// sentence of the body is one, marked as derived. An optional field of another type is dropped
// with a warning and the article kept: a record is skipped only when its id, title or body
// cannot be read, or it has neither title nor body.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/article.hpp"

namespace news {

inline constexpr std::size_t kMaxIdLength = 200;  // Xapian term length limit, with room

struct JsonlRecord {
    std::optional<Article> article;
    std::string error;                  // why there is no article
    std::vector<std::string> warnings;  // fields of the article that were dropped, and why
};

// Parses one line; `origin` is the feed's file name. Common records are read with simdjson
// (core/ingest/jsonl_fast.hpp), the rest, and every error, with nlohmann's parser.
JsonlRecord parse_jsonl_line(std::string_view line, std::string_view origin);

// The nlohmann reading alone (what parse_jsonl_line was before simdjson; tests compare).
JsonlRecord parse_jsonl_line_nlohmann(std::string_view line, std::string_view origin);

// A record already parsed (an item of a JSON document, core/ingest/json_document.hpp), read as
// parse_jsonl_line_nlohmann reads a line's value.
JsonlRecord read_jsonl_record(const nlohmann::json& record, std::string_view origin);

// Paragraphs of a body: split on blank lines (lines with only whitespace), each trimmed.
std::vector<std::string> split_paragraphs(std::string_view body);

// Paragraphs of a record's body as an article holds them: an HTML body (a feed's
// content:encoded) as its text, character references decoded, then split_paragraphs.
std::vector<std::string> body_paragraphs(std::string_view body);

}  // namespace news
