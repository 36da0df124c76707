#pragma once
// Which route a request path names, decided with plain string compares (no regex per request).
// The handlers live in routes.cpp; this part has no I/O so it is tested alone.

#include <optional>
#include <string>
#include <string_view>

namespace news {

inline constexpr std::string_view kSearchPath = "/api/search";

enum class Route {
    Search,
    Feed,
    OpenSearch,
    Article,
    Similar,
    Stats,
    Healthz,
    Readyz,
    Metrics,
    ApiUnknown,
    Static
};

struct RouteMatch {
    Route route;
    std::string id;  // the article id for Article and Similar, percent-decoded
};

// `path` as the request line sent it, still percent-encoded: an id holding '/' (sent as %2F)
// stays one segment, and only then is it decoded.
RouteMatch match_route(std::string_view path);

// The path of a request target: what comes before its query string.
std::string_view target_path(std::string_view target);

// A bounded label for metrics: "/api/articles/{id}", "static", ...
std::string_view route_name(Route route);

// Parses the `limit` of /similar: default 5, 1..20; throws ApiError::bad_request otherwise.
int parse_similar_limit(std::optional<std::string_view> value);

}  // namespace news
