#pragma once
// The HTTP routes: one table that says which path goes to which handler.
//
//   GET /api/search                 search (docs/api.md)
//   GET /api/feed                   the same search as an Atom feed, newest first
//   GET /opensearch.xml             the OpenSearch description (the site as a browser's engine)
//   GET /api/articles/{id}          one cleaned article, optionally highlighted with ?q=
//   GET /api/articles/{id}/similar  related articles
//   GET /api/stats                  index statistics
//   GET /healthz                    the process is alive
//   GET /readyz                     the index is open and searchable (503 otherwise)
//   GET /metrics                    Prometheus text
//   GET /api/...  (anything else)   404 JSON
//   GET /...                        static files of the web directory
//   any other method                405 JSON (see http_policy)

#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include "server/route_table.hpp"

namespace news {

struct AppContext;

void register_routes(httplib::Server& server, AppContext& ctx);

// Query strings are decoded bytes; anything that is not UTF-8 is refused (ApiError 400) before
// it reaches the query parser or a JSON body.
void require_utf8(const httplib::Params& params);

// The body of GET /api/search for these (decoded) parameters, also used by the fast path
// (server/search_fast_path.hpp). Throws ApiError as every handler does.
nlohmann::json search_result(AppContext& ctx, const httplib::Params& params);

}  // namespace news
