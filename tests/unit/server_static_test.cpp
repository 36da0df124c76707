// Static files: content types, no way out of the web directory, and validators for caches.

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "server/static_files.hpp"
#include "tests/unit/scratch_path.hpp"

namespace fs = std::filesystem;

namespace {

struct TempWeb {
    news::testing::ScratchPath scratch{"news-server-static"};
    fs::path base = scratch.path();
    fs::path web = base / "web";
    TempWeb() {
        fs::create_directories(web / "css");
        fs::create_directories(web / "docs");
        std::ofstream(web / "index.html") << "<h1>home</h1>";
        std::ofstream(web / "css" / "site.css") << "body{}";
        std::ofstream(web / "docs" / "index.html") << "docs";
        std::ofstream(web / ".secret") << "hidden";
        std::ofstream(base / "outside.txt") << "secret";
        fs::create_symlink(base / "outside.txt", web / "escape.txt");
        fs::create_directory_symlink(base, web / "up");
        fs::create_symlink(web / "css" / "site.css", web / "inside.css");
    }
};

}  // namespace

TEST_CASE("static files: URL paths are reduced to safe relative paths") {
    CHECK(news::safe_relative_path("/") == "index.html");
    CHECK(news::safe_relative_path("/css/site.css") == "css/site.css");
    CHECK(news::safe_relative_path("/docs/") == "docs/index.html");
    CHECK_FALSE(news::safe_relative_path("/../etc/passwd"));
    CHECK_FALSE(news::safe_relative_path("/css/../../etc/passwd"));
    CHECK_FALSE(news::safe_relative_path("/./index.html"));
    CHECK_FALSE(news::safe_relative_path("/%2e%2e/etc/passwd"));  // double-encoded, decoded once
    CHECK_FALSE(news::safe_relative_path("/..%2fetc"));
    CHECK_FALSE(news::safe_relative_path("/..\\etc\\passwd"));
    CHECK_FALSE(news::safe_relative_path(std::string_view("/a\0b", 4)));
    CHECK_FALSE(news::safe_relative_path("/.git/config"));
    CHECK_FALSE(news::safe_relative_path("//etc/passwd"));
    CHECK_FALSE(news::safe_relative_path("relative"));
}

TEST_CASE("static files: content types by extension") {
    CHECK(news::content_type_for("index.html") == "text/html; charset=utf-8");
    CHECK(news::content_type_for("app.JS") == "text/javascript; charset=utf-8");
    CHECK(news::content_type_for("site.css") == "text/css; charset=utf-8");
    CHECK(news::content_type_for("logo.svg") == "image/svg+xml");
    CHECK(news::content_type_for("data.json") == "application/json; charset=utf-8");
    CHECK(news::content_type_for("README") == "application/octet-stream");
    CHECK(news::content_type_for("x.exe") == "application/octet-stream");
}

TEST_CASE("static files: files inside are served, anything reaching outside is not") {
    TempWeb t;
    const news::StaticFiles files(t.web);
    REQUIRE(files.available());

    auto home = files.lookup("/");
    CHECK(home.status == news::StaticStatus::Ok);
    CHECK(home.file.body == "<h1>home</h1>");
    CHECK(home.file.content_type == "text/html; charset=utf-8");
    CHECK(files.lookup("/css/site.css").file.body == "body{}");
    CHECK(files.lookup("/docs").file.body == "docs");  // a directory serves its index.html
    CHECK(files.lookup("/inside.css").status == news::StaticStatus::Ok);  // symlink within web/

    CHECK(files.lookup("/escape.txt").status == news::StaticStatus::NotFound);
    CHECK(files.lookup("/up/outside.txt").status == news::StaticStatus::NotFound);
    CHECK(files.lookup("/../outside.txt").status == news::StaticStatus::BadPath);
    CHECK(files.lookup("/.secret").status == news::StaticStatus::BadPath);
    CHECK(files.lookup("/missing.js").status == news::StaticStatus::NotFound);
}

TEST_CASE("static files: a missing web directory serves nothing and does not throw") {
    const news::StaticFiles files("/nonexistent/web/dir");
    CHECK_FALSE(files.available());
    CHECK(files.lookup("/").status == news::StaticStatus::NotFound);
}

TEST_CASE("static files: a weak ETag from size and time, and If-None-Match by weak comparison") {
    CHECK(news::weak_etag(13575, 0x18a2b3c4d5e6f708) == R"(W/"3507-18a2b3c4d5e6f708")");
    CHECK(news::weak_etag(0, 0) == R"(W/"0-0")");

    const std::string tag = R"(W/"3507-18a2")";
    using news::none_match_hits;
    CHECK(none_match_hits(tag, tag));
    CHECK(none_match_hits(R"("3507-18a2")", tag));  // a strong tag, compared weakly
    CHECK(none_match_hits(R"("old", W/"3507-18a2" , "older")", tag));
    CHECK(none_match_hits("*", tag));
    CHECK_FALSE(none_match_hits("", tag));
    CHECK_FALSE(none_match_hits(R"(W/"3507-18a3")", tag));
    CHECK_FALSE(none_match_hits("3507-18a2", tag));  // not a quoted tag
    CHECK_FALSE(none_match_hits(R"(W/"3507)", tag));
}

TEST_CASE("static files: a file's ETag stays while it does and changes with it") {
    TempWeb t;
    const news::StaticFiles files(t.web);
    const auto first = files.lookup("/css/site.css").file.etag;
    CHECK(first.starts_with("W/\""));
    CHECK(files.lookup("/css/site.css").file.etag == first);
    CHECK(files.lookup("/").file.etag != first);
    const auto written = std::chrono::floor<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(fs::last_write_time(t.web / "css" / "site.css")));
    CHECK(files.lookup("/css/site.css").file.modified == written.time_since_epoch().count());

    std::ofstream(t.web / "css" / "site.css") << "body{margin:0}";
    const auto changed = files.lookup("/css/site.css");
    CHECK(changed.file.body == "body{margin:0}");
    CHECK(changed.file.etag != first);
    // The same size written again: the modification time tells them apart.
    fs::last_write_time(t.web / "css" / "site.css",
                        fs::last_write_time(t.web / "css" / "site.css") + std::chrono::seconds(2));
    CHECK(files.lookup("/css/site.css").file.etag != changed.file.etag);
}
