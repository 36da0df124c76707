#pragma once
// A feed delivered as one JSON document (.json) rather than as JSON Lines: a JSON Feed
// ({"title", "items": [...]}), a NewsAPI response ({"status", "articles": [...]}), feedparser's
// result dumped as JSON ({"feed": {"title"}, "entries": [...]}), or an array of records. Each
// item is a record as a JSON Lines line holds one and is read by the same rules
// (core/ingest/jsonl.hpp); the feed's own title is the source of the items that name none.

#include <string_view>

#include "core/ingest/feed_document.hpp"

namespace news {

// `text` must be valid UTF-8 (the file reader repairs it first); `origin` is the file's name.
FeedDocument parse_json_document(std::string_view text, std::string_view origin);

}  // namespace news
