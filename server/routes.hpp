#pragma once
// The HTTP routes: one table that says which path goes to which handler.
//
//   GET /api/search                 search (docs/api.md)
//   GET /api/articles/{id}          one cleaned article, optionally highlighted with ?q=
//   GET /api/articles/{id}/similar  related articles
//   GET /api/stats                  index statistics
//   GET /healthz                    the process is alive
//   GET /readyz                     the index is open and searchable (503 otherwise)
//   GET /metrics                    Prometheus text
//   GET /api/...  (anything else)   404 JSON
//   GET /...                        static files of the web directory
//   any other method                405 JSON (see http_policy)

#include "server/route_table.hpp"

namespace httplib {
class Server;
}

namespace news {

struct AppContext;

void register_routes(httplib::Server& server, AppContext& ctx);

}  // namespace news
