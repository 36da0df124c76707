#include "core/search/stored_hit.hpp"

#include <simdjson.h>

namespace news {
namespace {

namespace od = simdjson::ondemand;

// A string, or null for anything else (the article model writes null for unknown fields).
nlohmann::json string_or_null(od::value value) {
    std::string_view s;
    if (value.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
    return nullptr;
}

void read_string(od::value value, std::string& out) {
    std::string_view s;
    if (value.get_string().get(s) == simdjson::SUCCESS) out.assign(s);
}

template <typename Add>
void read_strings(od::value value, Add&& add) {
    od::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) return;
    for (auto element : array) {
        std::string_view s;
        if (element.get_string().get(s) == simdjson::SUCCESS) add(s);
    }
}

}  // namespace

std::optional<StoredHit> read_stored_hit(std::string_view data, bool with_body) {
    // One parser per thread: it keeps its buffers between documents.
    thread_local od::parser parser;
    const simdjson::padded_string padded(data);
    od::document doc;
    od::object object;
    if (parser.iterate(padded).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(object) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    StoredHit hit;
    for (auto field : object) {
        std::string_view key;
        od::value value;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS ||
            field.value().get(value) != simdjson::SUCCESS) {
            return std::nullopt;
        }
        if (key == "id") {
            read_string(value, hit.id);
        } else if (key == "title") {
            read_string(value, hit.title);
        } else if (key == "source") {
            hit.source = string_or_null(value);
        } else if (key == "published_text") {
            hit.published_text = string_or_null(value);
        } else if (key == "published") {
            hit.published = string_or_null(value);
        } else if (key == "authors") {
            read_strings(value, [&](std::string_view s) { hit.authors.push_back(s); });
        } else if (key == "paragraphs" && with_body) {
            read_strings(value, [&](std::string_view s) { hit.paragraphs.emplace_back(s); });
        }
    }
    return hit;
}

}  // namespace news
