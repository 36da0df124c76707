// Compressed responses over real HTTP: gzip for the clients that accept it, on the search fast
// path and on the full path alike, for the API and the page's files; nothing else for the rest.

#include <doctest/doctest.h>
#include <libdeflate.h>

#include <fstream>
#include <memory>
#include <string>

#include "server_fixture.hpp"

using news::test::ServerProcess;
using news::test::shared_index;
using news::test::TempDir;
using nlohmann::json;

namespace {

constexpr const char* kSearch = "/api/search?q=China";
constexpr const char* kBrowser = "gzip, deflate, br, zstd";

std::string gunzip(const std::string& gz) {
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    std::string out(1 << 22, '\0');
    std::size_t got = 0;
    REQUIRE(libdeflate_gzip_decompress(d.get(), gz.data(), gz.size(), out.data(), out.size(),
                                       &got) == LIBDEFLATE_SUCCESS);
    out.resize(got);
    return out;
}

// A GET with exactly these headers, the body as it came off the wire (not decompressed).
httplib::Result raw_get(const ServerProcess& s, const std::string& path,
                        const httplib::Headers& headers) {
    auto c = s.client();
    c.set_decompress(false);
    return c.Get(path, headers);
}

json without_timing(json j) {
    j.erase("took_ms");
    return j;
}

double fast_path_count(const ServerProcess& s) {
    const auto m = raw_get(s, "/metrics", {{"Accept-Encoding", "identity"}});
    REQUIRE(m);
    const std::string name = "\nhttp_fast_path_requests_total ";
    const auto at = m->body.find(name);
    REQUIRE(at != std::string::npos);
    return std::stod(m->body.substr(at + name.size()));
}

bool varies_by_encoding(const httplib::Result& r) {
    return r->get_header_value("Vary").find("Accept-Encoding") != std::string::npos;
}

}  // namespace

TEST_CASE("compression: a search answer is gzipped for a client that accepts gzip, on both paths") {
    ServerProcess s(shared_index());
    const auto plain = raw_get(s, kSearch, {{"Accept-Encoding", "identity"}});
    REQUIRE(plain);
    REQUIRE(plain->status == 200);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(varies_by_encoding(plain));  // a cache must not give this copy to a gzip client
    const auto expected = without_timing(json::parse(plain->body));
    REQUIRE(plain->body.size() >= 1024);

    const auto before = fast_path_count(s);
    const auto fast = raw_get(s, kSearch, {{"Accept-Encoding", kBrowser}});
    REQUIRE(fast);
    CHECK(fast_path_count(s) == before + 1);  // answered by server/search_fast_path
    CHECK(fast->status == 200);
    CHECK(fast->get_header_value("Content-Encoding") == "gzip");
    CHECK(varies_by_encoding(fast));
    CHECK(fast->get_header_value("Content-Length") == std::to_string(fast->body.size()));
    CHECK(fast->body.size() * 2 < plain->body.size());
    CHECK(without_timing(json::parse(gunzip(fast->body))) == expected);

    // An Origin header sends the request down the full path (cpp-httplib and http_policy).
    const auto full =
        raw_get(s, kSearch, {{"Accept-Encoding", "gzip"}, {"Origin", "https://elsewhere.example"}});
    REQUIRE(full);
    CHECK(fast_path_count(s) == before + 1);
    CHECK(full->status == 200);
    CHECK(full->get_header_value("Content-Encoding") == "gzip");
    CHECK(varies_by_encoding(full));
    CHECK(full->get_header_value("Content-Length") == std::to_string(full->body.size()));
    CHECK(without_timing(json::parse(gunzip(full->body))) == expected);

    // Refused by weight, or offered only codings the server does not use: identity.
    for (const std::string accept : {"gzip;q=0, br", "br", "deflate;q=0.5"}) {
        for (const bool fast_path : {true, false}) {
            httplib::Headers h{{"Accept-Encoding", accept}};
            if (!fast_path) h.emplace("Origin", "https://elsewhere.example");
            const auto r = raw_get(s, kSearch, h);
            REQUIRE(r);
            CHECK_MESSAGE(!r->has_header("Content-Encoding"), accept);
            CHECK_MESSAGE(json::parse(r->body).at("hits").is_array(), accept);
        }
    }

    // Errors and small answers are not worth it.
    const auto bad = raw_get(s, "/api/search?q=AND", {{"Accept-Encoding", "gzip"}});
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK_FALSE(bad->has_header("Content-Encoding"));
    CHECK(json::parse(bad->body).at("error").is_string());
    const auto health = raw_get(s, "/healthz", {{"Accept-Encoding", "gzip"}});
    REQUIRE(health);
    CHECK_FALSE(health->has_header("Content-Encoding"));
    CHECK(json::parse(health->body).at("status") == "ok");
}

TEST_CASE(
    "compression: the page files are gzipped and never brotli, and a range is a 206 as it is") {
    TempDir t("compression");
    const auto web = t.path / "web";
    std::filesystem::create_directories(web);
    std::string script;
    for (int i = 0; i < 300; ++i) script += "console.log('line " + std::to_string(i) + "');\n";
    std::ofstream(web / "app.js") << script;
    std::ofstream(web / "small.css") << "body { margin: 0 }\n";
    std::ofstream(web / "index.html") << "<!doctype html><title>news</title>";
    ServerProcess s(shared_index(), {}, web);

    const auto gz = raw_get(s, "/app.js", {{"Accept-Encoding", kBrowser}});
    REQUIRE(gz);
    CHECK(gz->status == 200);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(varies_by_encoding(gz));
    CHECK(gz->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(gunzip(gz->body) == script);

    // HEAD says what GET would send.
    auto c = s.client();
    c.set_decompress(false);
    const auto head = c.Head("/app.js", {{"Accept-Encoding", kBrowser}});
    REQUIRE(head);
    CHECK(head->get_header_value("Content-Encoding") == "gzip");
    CHECK(head->get_header_value("Content-Length") == std::to_string(gz->body.size()));

    // cpp-httplib on its own answers "br" (and even "br;q=0") with brotli.
    for (const std::string accept : {"br", "br;q=0", "identity"}) {
        const auto r = raw_get(s, "/app.js", {{"Accept-Encoding", accept}});
        REQUIRE(r);
        CHECK_MESSAGE(!r->has_header("Content-Encoding"), accept);
        CHECK_MESSAGE(r->body == script, accept);
        CHECK(varies_by_encoding(r));
    }

    const auto small = raw_get(s, "/small.css", {{"Accept-Encoding", "gzip"}});
    REQUIRE(small);
    CHECK_FALSE(small->has_header("Content-Encoding"));
    CHECK(small->body == "body { margin: 0 }\n");

    const auto part = raw_get(s, "/app.js", {{"Accept-Encoding", "gzip"}, {"Range", "bytes=0-99"}});
    REQUIRE(part);
    CHECK(part->status == 206);
    CHECK_FALSE(part->has_header("Content-Encoding"));
    CHECK(part->get_header_value("Content-Range") == "bytes 0-99/" + std::to_string(script.size()));
    CHECK(part->body == script.substr(0, 100));
    const auto past_end = raw_get(s, "/app.js", {{"Range", "bytes=999999-"}});
    REQUIRE(past_end);
    CHECK(past_end->status == 416);
    CHECK(past_end->get_header_value("Content-Range") ==
          "bytes */" + std::to_string(script.size()));
}

TEST_CASE("compression: --no-compression sends every answer as it is, and says no Vary for it") {
    TempDir t("no-compression");
    std::filesystem::create_directories(t.path / "web");
    const std::string page_text = "<!doctype html><title>news</title>" + std::string(4000, ' ');
    std::ofstream(t.path / "web" / "index.html") << page_text;
    ServerProcess s(shared_index(), {"--no-compression"}, t.path / "web");
    for (const bool fast_path : {true, false}) {
        httplib::Headers h{{"Accept-Encoding", kBrowser}};
        if (!fast_path) h.emplace("Origin", "https://elsewhere.example");
        const auto r = raw_get(s, kSearch, h);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK_FALSE(r->has_header("Content-Encoding"));
        CHECK_FALSE(varies_by_encoding(r));
        CHECK(json::parse(r->body).at("hits").is_array());
    }
    const auto page = raw_get(s, "/", {{"Accept-Encoding", kBrowser}});
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK_FALSE(page->has_header("Content-Encoding"));  // nor cpp-httplib's brotli
    CHECK(page->body == page_text);
}
