#pragma once
// The common JSON Lines record read with simdjson: nlohmann's parser (core/ingest/jsonl.cpp)
// was a twentieth of a fresh build's instructions, nearly all in its lexer.
//
// Only a record that certainly yields an article, and the same article under either parser,
// is read here: a string or integer id, string fields, no duplicate key among those read, no
// \u escape, no raw control character. Anything else (including every error) is left to
// nlohmann's reading, so errors, and the odd cases where the parsers differ, stay as they
// were.

#include <optional>
#include <string_view>

#include "core/model/article.hpp"

namespace news {

// The article of `line`, or nullopt when the line must be read by parse_jsonl_line's
// nlohmann path.
std::optional<Article> parse_jsonl_fast(std::string_view line, std::string_view origin);

}  // namespace news
