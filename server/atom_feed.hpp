#pragma once
// A search as an Atom 1.0 feed (RFC 4287), so that a feed reader can follow a story or an
// outlet: GET /api/feed takes /api/search's parameters and lists the same results as entries,
// newest first unless the request asks for relevance (server/feed_request.hpp). Pure: the route
// (routes.cpp) gathers the request's host, the search's JSON and the index's time, and this
// file writes the XML.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace news {

struct FeedInfo {
    std::string base_url;       // "http://localhost:8080"; Atom ids must be absolute
    std::string self_query;     // the feed's own query string, percent-encoded
    std::string title;          // feed_title (server/feed_request.hpp)
    std::string q;              // the query, for the entries' links (their words marked)
    std::string page_query;     // page_query, for the link to the results page
    std::string index_updated;  // RFC 3339: when the index was last written
};

// The feed of one /api/search answer (`result`, as Searcher::search returns it, each hit with
// an "indexed" member added from Searcher::indexed_at where known). A dated entry is updated at
// its day's midnight (UTC); an undated one when the indexer wrote it ("indexed"), else at
// `index_updated`; the feed itself at `index_updated`. Text the XML 1.0 grammar forbids (C0
// controls, U+FFFE, U+FFFF) is dropped, so that a reader's strict parser never stops on one
// article.
std::string atom_feed(const nlohmann::json& result, const FeedInfo& info);

}  // namespace news
