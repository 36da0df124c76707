// Error mapping of the server and its route table.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/search/api_error.hpp"
#include "server/error_response.hpp"
#include "server/route_table.hpp"
#include "server/security_headers.hpp"

TEST_CASE("server errors: statuses map to stable codes") {
    CHECK(news::error_code_for_status(400) == "bad_request");
    CHECK(news::error_code_for_status(404) == "not_found");
    CHECK(news::error_code_for_status(405) == "method_not_allowed");
    CHECK(news::error_code_for_status(413) == "payload_too_large");
    CHECK(news::error_code_for_status(414) == "uri_too_long");
    CHECK(news::error_code_for_status(429) == "rate_limited");
    CHECK(news::error_code_for_status(431) == "headers_too_large");
    CHECK(news::error_code_for_status(503) == "not_ready");
    CHECK(news::error_code_for_status(500) == "internal");
    CHECK(news::error_for_status(405).status == 405);
}

TEST_CASE("server errors: an ApiError keeps its status, code and message") {
    std::string detail;
    const auto e = news::error_for_exception(
        std::make_exception_ptr(news::ApiError::bad_query("Syntax: <expression> AND")), detail);
    CHECK(e.status == 400);
    CHECK(e.code == "bad_query");
    CHECK(e.message == "Syntax: <expression> AND");
    const auto nr = news::error_for_exception(
        std::make_exception_ptr(news::ApiError::not_ready("no index")), detail);
    CHECK(nr.status == 503);
    CHECK(nr.code == "not_ready");
    // An id echoed in the message may hold a NUL (/api/articles/%00): what() would end there.
    using namespace std::string_literals;
    const auto nul = news::error_for_exception(
        std::make_exception_ptr(news::ApiError::not_found("no article with id '\0x'"s)), detail);
    CHECK(nul.message == "no article with id '\0x'"s);
}

TEST_CASE("server errors: other exceptions become a 500 that hides the detail") {
    std::string detail;
    const auto e = news::error_for_exception(
        std::make_exception_ptr(std::runtime_error("open /var/secret/index: EACCES")), detail);
    CHECK(e.status == 500);
    CHECK(e.code == "internal");
    CHECK(e.message.find("/var/secret") == std::string::npos);
    CHECK(detail.find("/var/secret") != std::string::npos);  // for the log only
    const auto unknown = news::error_for_exception(std::make_exception_ptr(42), detail);
    CHECK(unknown.status == 500);
}

TEST_CASE("server errors: the body is JSON with error and message, even for invalid UTF-8") {
    const auto text = news::error_json({400, "bad_request", "bad byte \xff here"});
    const auto j = nlohmann::json::parse(text);
    CHECK(j.at("error") == "bad_request");
    CHECK(j.at("message").get<std::string>().find("bad byte") == 0);
    CHECK(j.size() == 2);
}

TEST_CASE("server routes: paths map to routes and article ids") {
    using news::Route;
    CHECK(news::match_route("/api/search").route == Route::Search);
    CHECK(news::match_route("/api/feed").route == Route::Feed);
    CHECK(news::match_route("/api/feed/x").route == Route::ApiUnknown);
    CHECK(news::match_route("/opensearch.xml").route == Route::OpenSearch);
    CHECK(news::match_route("/api/stats").route == Route::Stats);
    CHECK(news::match_route("/healthz").route == Route::Healthz);
    CHECK(news::match_route("/readyz").route == Route::Readyz);
    CHECK(news::match_route("/metrics").route == Route::Metrics);
    const auto a = news::match_route("/api/articles/001_e7c-0");
    CHECK(a.route == Route::Article);
    CHECK(a.id == "001_e7c-0");
    const auto s = news::match_route("/api/articles/001_e7c-0/similar");
    CHECK(s.route == Route::Similar);
    CHECK(s.id == "001_e7c-0");
    CHECK(news::match_route("/api/articles/").route == Route::ApiUnknown);
    CHECK(news::match_route("/api/articles/x/y").route == Route::ApiUnknown);
    CHECK(news::match_route("/api/articles//similar").route == Route::ApiUnknown);
    CHECK(news::match_route("/api/search/").route == Route::ApiUnknown);
    CHECK(news::match_route("/api").route == Route::ApiUnknown);
    CHECK(news::match_route("/").route == Route::Static);
    CHECK(news::match_route("/apistuff.js").route == Route::Static);
    CHECK(news::route_name(Route::Similar) == "/api/articles/{id}/similar");
}

TEST_CASE("server routes: an id is decoded after the path is split, so it may hold '/' or '?'") {
    using news::Route;
    const auto a = news::match_route("/api/articles/https%3A%2F%2Fx.example%2F2024%2Fa%3Fp%3D1");
    CHECK(a.route == Route::Article);
    CHECK(a.id == "https://x.example/2024/a?p=1");
    const auto s = news::match_route("/api/articles/feeds%2Fcaf%C3%A9%201/similar");
    CHECK(s.route == Route::Similar);
    CHECK(s.id == "feeds/caf\xc3\xa9 1");
    CHECK(news::match_route("/api/articles/a%2fb").id == "a/b");  // hex of either case
    CHECK(news::match_route("/api/articles/50%-off+more%2").id == "50%-off+more%2");
    CHECK(news::match_route("/api/articles/a/b%2Fsimilar").route == Route::ApiUnknown);
    CHECK(news::target_path("/api/articles/a%3Fb?q=x&y=1") == "/api/articles/a%3Fb");
    CHECK(news::target_path("/healthz") == "/healthz");
}

TEST_CASE("server routes: the similar limit is 1..20, default 5") {
    CHECK(news::parse_similar_limit(std::nullopt) == 5);
    CHECK(news::parse_similar_limit("20") == 20);
    CHECK_THROWS_AS(news::parse_similar_limit("0"), news::ApiError);
    CHECK_THROWS_AS(news::parse_similar_limit("21"), news::ApiError);
    CHECK_THROWS_AS(news::parse_similar_limit("five"), news::ApiError);
}

TEST_CASE("server headers: CORS allows only configured origins") {
    const std::vector<std::string> none;
    const std::vector<std::string> one{"https://news.example"};
    const std::vector<std::string> any{"*"};
    CHECK(news::cors_allow_origin("https://news.example", none).empty());
    CHECK(news::cors_allow_origin("https://news.example", one) == "https://news.example");
    CHECK(news::cors_allow_origin("https://evil.example", one).empty());
    CHECK(news::cors_allow_origin("", one).empty());
    CHECK(news::cors_allow_origin("https://evil.example", any) == "*");
    const auto csp = std::string(news::content_security_policy());
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
}
