#include "core/ingest/json_document.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/ingest/jsonl_fields.hpp"

namespace news {
namespace {

using nlohmann::json;

// The array of items: the document itself, or the first of the keys feeds keep them under.
const json* items_of(const json& doc) {
    if (doc.is_array()) return &doc;
    if (!doc.is_object()) return nullptr;
    for (const char* key : {"items", "articles", "entries"}) {
        const auto it = doc.find(key);
        if (it != doc.end() && it->is_array()) return &*it;
    }
    return nullptr;
}

// The feed's title: JSON Feed's "title", or feedparser's "feed": {"title"}.
std::optional<std::string> feed_title(const json& doc) {
    if (!doc.is_object()) return std::nullopt;
    auto it = doc.find("title");
    if (it == doc.end()) {
        const auto feed = doc.find("feed");
        if (feed == doc.end() || !feed->is_object()) return std::nullopt;
        it = feed->find("title");
        if (it == feed->end()) return std::nullopt;
    }
    if (!it->is_string()) return std::nullopt;
    return trimmed_text(readable(it->get_ref<const std::string&>()));
}

}  // namespace

FeedDocument parse_json_document(std::string_view text, std::string_view origin) {
    FeedDocument d;
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        d.error = "not valid JSON";
        return d;
    }
    const json* items = items_of(doc);
    if (!items) {
        d.error =
            "not a feed: neither an array of records nor an object with one under "
            "\"items\" (JSON Feed), \"articles\" (NewsAPI) or \"entries\" (feedparser)";
        return d;
    }
    const auto source = feed_title(doc);
    d.items.reserve(items->size());
    for (const auto& item : *items) d.items.push_back(read_feed_item(item, origin, source));
    return d;
}

}  // namespace news
