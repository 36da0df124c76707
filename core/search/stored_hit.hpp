#pragma once
// The fields of a stored article that a result needs, read from the document data (the
// article's JSON, core/model/article.hpp) with simdjson's on-demand parser: a page of results
// reads ten or more such documents, and building a full JSON tree of each was a third of the
// cost of a search.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news {

struct StoredHit {
    std::string id;
    std::string title;
    nlohmann::json source = nullptr;  // string or null, as stored
    nlohmann::json authors = nlohmann::json::array();
    nlohmann::json published_text = nullptr;
    nlohmann::json published = nullptr;
    std::vector<std::string> paragraphs;
};

// Nullopt when `data` is not a JSON object; fields that are missing or of another type keep
// their defaults. With `with_body` false the paragraphs are skipped (listing duplicates).
std::optional<StoredHit> read_stored_hit(std::string_view data, bool with_body = true);

}  // namespace news
