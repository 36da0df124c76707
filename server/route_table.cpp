#include "server/route_table.hpp"

#include <string>

#include "core/search/api_error.hpp"
#include "core/text/percent_encode.hpp"
#include "server/text_parse.hpp"

namespace news {
namespace {

constexpr int kDefaultSimilar = 5;
constexpr int kMaxSimilar = 20;

}  // namespace

RouteMatch match_route(std::string_view path) {
    constexpr std::string_view kArticles = "/api/articles/";
    if (path == kSearchPath) return {Route::Search, {}};
    if (path == "/api/feed") return {Route::Feed, {}};
    if (path == "/opensearch.xml") return {Route::OpenSearch, {}};
    if (path == "/api/stats") return {Route::Stats, {}};
    if (path == "/healthz") return {Route::Healthz, {}};
    if (path == "/readyz") return {Route::Readyz, {}};
    if (path == "/metrics") return {Route::Metrics, {}};
    if (path.starts_with(kArticles) && path.size() > kArticles.size()) {
        const auto rest = path.substr(kArticles.size());
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos) return {Route::Article, percent_decode(rest)};
        if (slash > 0 && rest.substr(slash) == "/similar") {
            return {Route::Similar, percent_decode(rest.substr(0, slash))};
        }
        return {Route::ApiUnknown, {}};
    }
    if (path == "/api" || path.starts_with("/api/")) return {Route::ApiUnknown, {}};
    return {Route::Static, {}};
}

std::string_view target_path(std::string_view target) {
    return target.substr(0, target.find('?'));
}

std::string_view route_name(Route route) {
    switch (route) {
        case Route::Search:
            return kSearchPath;
        case Route::Feed:
            return "/api/feed";
        case Route::OpenSearch:
            return "/opensearch.xml";
        case Route::Article:
            return "/api/articles/{id}";
        case Route::Similar:
            return "/api/articles/{id}/similar";
        case Route::Stats:
            return "/api/stats";
        case Route::Healthz:
            return "/healthz";
        case Route::Readyz:
            return "/readyz";
        case Route::Metrics:
            return "/metrics";
        case Route::ApiUnknown:
            return "/api/other";
        case Route::Static:
            return "static";
    }
    return "other";
}

int parse_similar_limit(std::optional<std::string_view> value) {
    if (!value) return kDefaultSimilar;
    const auto n = parse_integer(*value, 1, kMaxSimilar);
    if (!n) {
        throw ApiError::bad_request("limit must be an integer between 1 and " +
                                    std::to_string(kMaxSimilar));
    }
    return static_cast<int>(*n);
}

}  // namespace news
