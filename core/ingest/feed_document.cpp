#include "core/ingest/feed_document.hpp"

#include <nlohmann/json.hpp>

namespace news {

JsonlRecord read_feed_item(const nlohmann::json& item, std::string_view origin,
                           const std::optional<std::string>& feed_source) {
    JsonlRecord r = read_jsonl_record(item, origin);
    if (r.article && !r.article->source) r.article->source = feed_source;
    return r;
}

}  // namespace news
