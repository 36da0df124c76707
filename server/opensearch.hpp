#pragma once
// The OpenSearch 1.1 description of this server (GET /opensearch.xml), which the page names in
// its <head>: with it a browser offers the site as a search engine of its address bar (the
// page's address for a query) and a reader finds the feed of a query (GET /api/feed).

#include <string>
#include <string_view>

namespace news {

// `base_url` as public_base_url gives it (server/feed_request.hpp): OpenSearch templates must be
// absolute.
std::string opensearch_description(std::string_view base_url);

}  // namespace news
