#pragma once
// Cross-cutting HTTP behaviour, applied around every route: method checks, size limits, the
// rate limit, security and CORS headers, JSON bodies for errors, the access log and metrics.

namespace httplib {
class Server;
}

namespace news {

struct AppContext;

void install_http_policy(httplib::Server& server, AppContext& ctx);

}  // namespace news
