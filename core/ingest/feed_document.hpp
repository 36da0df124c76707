#pragma once
// A feed delivered as one document whose items are records (core/ingest/jsonl.hpp): a JSON
// document (core/ingest/json_document.hpp) or an RSS or Atom file (core/ingest/xml_feed.hpp).

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ingest/jsonl.hpp"

namespace news {

struct FeedDocument {
    std::vector<JsonlRecord> items;     // in the document's order, each with its article or error
    std::string error;                  // why the document has no items to read at all
    std::vector<std::string> warnings;  // about the document as a whole (its items are read)
};

// An item of a feed document, read as a record is (read_jsonl_record); `feed_source` (the
// feed's own title) is the source of an item that names none.
JsonlRecord read_feed_item(const nlohmann::json& item, std::string_view origin,
                           const std::optional<std::string>& feed_source);

}  // namespace news
