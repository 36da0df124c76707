#pragma once
// GET /api/search answered without cpp-httplib's request and response objects when the request
// is plain (server/plain_get.hpp): the head is read where it lies in the connection's buffer,
// the search runs as the route does (routes.hpp search_result), and the response goes out with
// the headers the full path gives it (security_headers.hpp policy_headers). cpp-httplib's
// request parser, header maps and response writer were the largest user-space cost between the
// socket and the search: under callgrind, 2,000 benchmark searches at 1x over one keep-alive
// connection took 1,020k instructions each through cpp-httplib and 969k here, of which the
// search itself is 840k and its JSON 81k.
//
// Everything else takes the full path: other routes and methods, a request that is not plain,
// the last request of a connection, any rate-limited server (the limiter lives in http_policy),
// and a search that fails: it runs again there and gets its error answer.

#include <cstddef>
#include <string>

#include "server/connection_stream.hpp"

namespace news {

struct AppContext;

class SearchFastPath {
  public:
    explicit SearchFastPath(AppContext& ctx);

    // Answers the request at the head of `stream` when it is a plain GET /api/search that
    // succeeds, and sets `closed` when the client asked to close; false, having read and
    // written nothing, otherwise.
    bool serve(ConnectionStream& stream, bool& closed);

  private:
    std::string response_head(std::size_t body_bytes, bool close, bool gzipped) const;

    AppContext& ctx_;
    std::size_t max_head_;
    std::string fixed_headers_;  // the policy's header lines and Vary, the same on every answer
    std::string keep_alive_;     // "Keep-Alive: ..." as cpp-httplib writes it
};

}  // namespace news
