// Feeds that arrive as one JSON document (.json): JSON Feed, a NewsAPI response, feedparser's
// result, a plain array; each item read as a JSON Lines record is.
#include "core/ingest/json_document.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> ids_of(const news::FeedDocument& d) {
    std::vector<std::string> ids;
    for (const auto& r : d.items) ids.push_back(r.article ? r.article->id : "error: " + r.error);
    return ids;
}

}  // namespace

TEST_CASE("json document: a JSON Feed, its title the source of items that name none") {
    const auto d = news::parse_json_document(
        R"({"version":"https://jsonfeed.org/version/1.1","title":"Caf&eacute; Wire ",)"
        R"("items":[{"id":"1","title":"One","content_text":"First."},)"
        R"({"id":"2","content_html":"<p>Untitled item. More.</p>","authors":[{"name":"Jo"}]},)"
        R"({"id":"3","title":"Three","body":"Third.","source":"Own Outlet"}]})",
        "feed.json");
    CHECK(d.error.empty());
    REQUIRE(ids_of(d) == std::vector<std::string>{"1", "2", "3"});
    CHECK(d.items[0].article->source == "Café Wire");
    CHECK(d.items[0].article->origin == "feed.json");
    CHECK(d.items[1].article->title == "Untitled item.");
    CHECK(d.items[1].article->authors == std::vector<std::string>{"Jo"});
    CHECK(d.items[2].article->source == "Own Outlet");
}

TEST_CASE("json document: a NewsAPI response, feedparser's result and a plain array") {
    auto d = news::parse_json_document(
        R"({"status":"ok","totalResults":1,"articles":[{"source":{"id":null,"name":"BBC News"},)"
        R"("title":"T","url":"https://bbc.example/1","content":"C."}]})",
        "top.json");
    REQUIRE(ids_of(d) == std::vector<std::string>{"https://bbc.example/1"});
    CHECK(d.items[0].article->source == "BBC News");
    d = news::parse_json_document(
        R"({"feed":{"title":"Atom Daily","link":"https://a.example/"},"entries":[)"
        R"({"id":"urn:e1","title":"E","link":"https://a.example/e1",)"
        R"("content":[{"type":"text/html","value":"<p>V.</p>"}]}]})",
        "atom.json");
    REQUIRE(ids_of(d) == std::vector<std::string>{"urn:e1"});
    CHECK(d.items[0].article->source == "Atom Daily");
    CHECK(d.items[0].article->paragraphs == std::vector<std::string>{"V."});
    d = news::parse_json_document(R"([{"id":"a","title":"A"},{"id":"b","title":"B"}])", "a.json");
    CHECK(ids_of(d) == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(d.items[0].article->source);
}

TEST_CASE("json document: a bad item is its own error, a document without items is one") {
    auto d = news::parse_json_document(R"({"items":[{"id":"ok","title":"T"},{"title":"no id"},7,)"
                                       R"({"id":"x","title":"T","content":5}]})",
                                       "f.json");
    CHECK(
        ids_of(d) ==
        std::vector<std::string>{
            "ok", R"(error: record has no "id" (nor "guid", "url" or "link"))",
            "error: not a JSON object",
            R"(error: "content" is not text (a string or an object with a "value") or an array of texts)"});
    d = news::parse_json_document(R"({"items":[]})", "f.json");
    CHECK(d.error.empty());
    CHECK(d.items.empty());
    for (const char* text : {"{not json", R"({"name":"package","version":"1.0"})", "42",
                             R"({"items":"not an array"})"}) {
        CAPTURE(text);
        d = news::parse_json_document(text, "f.json");
        CHECK_FALSE(d.error.empty());
        CHECK(d.items.empty());
    }
    CHECK(news::parse_json_document("{not json", "f.json").error == "not valid JSON");
}
