// Which buffered requests the search fast path may answer itself (server/plain_get.hpp): a
// request it wrongly took would skip the full path's checks, so the refusals matter most.

#include <doctest/doctest.h>

#include <string>

#include "server/plain_get.hpp"

namespace {

constexpr std::string_view kPath = "/api/search";
constexpr std::size_t kMax = 8192;

std::string get(std::string_view target, std::string_view headers = "Host: x\r\n") {
    return "GET " + std::string(target) + " HTTP/1.1\r\n" + std::string(headers) + "\r\n";
}

bool takes_plain_path(const std::string& request, std::size_t max_head = kMax) {
    return news::read_plain_get(request, kPath, max_head).has_value();
}

}  // namespace

TEST_CASE("plain get: a keep-alive search is plain, its query and head size are found") {
    const auto request = get("/api/search?q=oil+prices&op=and", "Host: x\r\nAccept: */*\r\n");
    const auto r = news::read_plain_get(request, kPath, kMax);
    REQUIRE(r);
    CHECK(r->query == "q=oil+prices&op=and");
    CHECK(r->head_bytes == request.size());
    CHECK_FALSE(r->close);

    const auto bare = get("/api/search?q=x", "");  // no headers at all
    REQUIRE(news::read_plain_get(bare, kPath, kMax));
    CHECK(news::read_plain_get(bare, kPath, kMax)->head_bytes == bare.size());
}

TEST_CASE("plain get: pipelined requests are read one head at a time") {
    const auto first = get("/api/search?q=a");
    const auto both = first + get("/api/search?q=b");
    const auto r = news::read_plain_get(both, kPath, kMax);
    REQUIRE(r);
    CHECK(r->query == "q=a");
    CHECK(r->head_bytes == first.size());
}

TEST_CASE("plain get: Connection: close is followed as cpp-httplib does") {
    CHECK(
        news::read_plain_get(get("/api/search?q=a", "Connection: close\r\n"), kPath, kMax)->close);
    CHECK_FALSE(
        news::read_plain_get(get("/api/search?q=a", "Connection: keep-alive\r\n"), kPath, kMax)
            ->close);
    CHECK_FALSE(takes_plain_path(
        get("/api/search?q=a", "Connection: keep-alive\r\nConnection: close\r\n")));
}

TEST_CASE("plain get: other methods, versions, paths and targets are not plain") {
    CHECK_FALSE(takes_plain_path("HEAD /api/search?q=a HTTP/1.1\r\n\r\n"));
    CHECK_FALSE(takes_plain_path("POST /api/search?q=a HTTP/1.1\r\n\r\n"));
    CHECK_FALSE(takes_plain_path("get /api/search?q=a HTTP/1.1\r\n\r\n"));
    CHECK_FALSE(takes_plain_path("GET /api/search?q=a HTTP/1.0\r\n\r\n"));
    CHECK_FALSE(takes_plain_path("GET /api/search?q=a HTTP/1.1 \r\n\r\n"));
    CHECK_FALSE(takes_plain_path(get("/api/search")));  // no query: the full path's error answer
    CHECK_FALSE(takes_plain_path(get("/api/searchx?q=a")));  // another path
    CHECK_FALSE(takes_plain_path(get("/api/search/?q=a")));
    CHECK_FALSE(takes_plain_path(get("/api/%73earch?q=a")));  // decoded by httplib only
    CHECK_FALSE(takes_plain_path(get("http://x/api/search?q=a")));
    CHECK_FALSE(takes_plain_path(get("/api/search?q=a b")));
    CHECK_FALSE(takes_plain_path(get("/api/search?q=a\tb")));
    CHECK_FALSE(takes_plain_path(get("/api/search?q=\xc3\xa9")));  // raw non-ASCII in the target
    CHECK_FALSE(takes_plain_path(get("/healthz?x=1")));
}

TEST_CASE("plain get: a head not wholly buffered, or over the limit, is not plain") {
    const auto request = get("/api/search?q=a", "Host: x\r\n");
    CHECK_FALSE(takes_plain_path(request.substr(0, request.size() - 1)));
    CHECK_FALSE(takes_plain_path(request.substr(0, request.size() - 2)));
    CHECK_FALSE(takes_plain_path(""));
    // Limit: the head plus two bytes per header (the full path counts name + value + 4).
    CHECK(takes_plain_path(request, request.size() + 2));
    CHECK_FALSE(takes_plain_path(request, request.size() + 1));
    CHECK_FALSE(takes_plain_path(request, request.size() - 1));
}

TEST_CASE("plain get: headers that change the answer or mean a body are not plain") {
    for (const char* h : {"Content-Length: 0", "content-length: 5", "Transfer-Encoding: chunked",
                          "Expect: 100-continue", "Origin: https://a.example", "ORIGIN: null",
                          "Range: bytes=0-10"}) {
        CAPTURE(h);
        CHECK_FALSE(takes_plain_path(get("/api/search?q=a", std::string(h) + "\r\n")));
    }
    CHECK(takes_plain_path(
        get("/api/search?q=a", "X-Range: 1\r\nOrigins: 2\r\nAccept-Encoding: gzip\r\n")));
}

TEST_CASE("plain get: malformed header lines are not plain") {
    for (const char* h :
         {"NoColon", ": empty-name", "Bad Name: x", "Name : x", " Folded: x", "Name: trailing ",
          "Name: tab\t", "Name: bell\a", "Name: del\x7f", "Name: bare\nline", "Name: cr\ronly"}) {
        CAPTURE(h);
        CHECK_FALSE(takes_plain_path(get("/api/search?q=a", std::string(h) + "\r\n")));
    }
    // Blanks after the colon, inner tabs, empty values and UTF-8 text are fine.
    CHECK(takes_plain_path(get("/api/search?q=a", "A:\t b\tc\r\nB:\r\nC: caf\xc3\xa9\r\n")));
}

TEST_CASE("plain get: Accept-Encoding is read, and a second one is left to the full path") {
    const auto request =
        get("/api/search?q=x", "Host: x\r\nAccept-Encoding:  gzip, br\r\nAccept: */*\r\n");
    const auto r = news::read_plain_get(request, kPath, kMax);
    REQUIRE(r);
    CHECK(r->accept_encoding == "gzip, br");
    CHECK(news::read_plain_get(get("/api/search?q=x"), kPath, kMax)->accept_encoding.empty());
    CHECK_FALSE(takes_plain_path(
        get("/api/search?q=x", "Accept-Encoding: br\r\naccept-encoding: gzip\r\n")));
}
