#pragma once
// What GET /api/feed makes of its request before the search: the defaults a feed adds to
// /api/search's parameters, the feed's title, the search page's address for the same search,
// and the absolute address ids and links start with (server/atom_feed.hpp writes the feed).

#include <string>
#include <string_view>

#include "core/search/search_params.hpp"

namespace news {

// Entries in a feed when the request names no per_page: more than a page of results, as readers
// poll a few times a day.
inline constexpr int kFeedEntries = 20;

// `pairs` with the feed's defaults added where the request gives none: sort=date and
// per_page=kFeedEntries. The rest is /api/search's, validated by parse_search_params.
QueryPairs with_feed_defaults(QueryPairs pairs);

// `pairs` as a query string, each name and value percent-encoded: the feed's own address.
std::string query_string(const QueryPairs& pairs);

// The query string of the search page (web/) showing the same search: q and the filters, and
// sort=date when asked. Values percent-encoded.
std::string page_query(const SearchParams& params);

// A reader's name for the feed: News search: "oil" in Reuters, by Kim, from 1987-03-01 to ….
std::string feed_title(const SearchParams& params);

// The scheme and authority a client reached this server by, from its Host header ("localhost"
// when that is missing or not a host[:port]) and X-Forwarded-Proto ("https" from a TLS proxy).
std::string public_base_url(std::string_view host, std::string_view forwarded_proto);

}  // namespace news
