// Records as common feeds write them (JSON Feed 1.1, NewsAPI, RSS items converted to JSON)
// are read as articles without renaming their fields first.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ingest/jsonl.hpp"
#include "read_record.hpp"

using news::testing::read_record;

TEST_CASE("feed shapes: a JSON Feed item, its URL as its id and its authors as objects") {
    const auto a = read_record(
        R"({"id":"https://example.org/2024/01/05/zorblat","url":"https://example.org/2024/01/05/zorblat",)"
        R"("title":"Zorblat merger","summary":"Board approves.",)"
        R"("content_html":"<p>The board approved.</p><p>Shares rose.</p>",)"
        R"("date_published":"2024-01-05T10:00:00-05:00",)"
        R"("authors":[{"name":"Jane Doe","url":"https://example.org/jane"},{"name":" Jo Roe "}]})");
    CHECK(a.id == "https://example.org/2024/01/05/zorblat");
    CHECK(a.url == "https://example.org/2024/01/05/zorblat");
    CHECK(a.paragraphs == std::vector<std::string>{"The board approved.", "Shares rose."});
    CHECK(a.published_text == "2024-01-05T10:00:00-05:00");
    CHECK(a.published == "2024-01-05");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe", "Jo Roe"});
    // Plain text when the item has no HTML.
    CHECK(read_record(R"({"id":"j2","title":"T","content_text":"One.\n\nTwo."})").paragraphs ==
          std::vector<std::string>{"One.", "Two."});
}

TEST_CASE("feed shapes: a NewsAPI article: its URL is its id, its source an object") {
    const auto a = read_record(
        R"({"source":{"id":"bbc-news","name":"BBC News"},"author":"Jane Doe",)"
        R"("title":"Zorblat shares rise","description":"Short.",)"
        R"("url":"https://www.bbc.co.uk/news/business-1","urlToImage":"https://x/i.jpg",)"
        R"("publishedAt":"2024-01-05T09:30:00Z","content":"Zorblat shares rose on Friday."})");
    CHECK(a.id == "https://www.bbc.co.uk/news/business-1");
    CHECK(a.url == "https://www.bbc.co.uk/news/business-1");
    CHECK(a.source == "BBC News");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
    CHECK(a.published == "2024-01-05");
    CHECK(a.paragraphs == std::vector<std::string>{"Zorblat shares rose on Friday."});
}

TEST_CASE("feed shapes: an RSS item: guid, link, pubDate and an HTML description") {
    const auto a = read_record(
        R"({"guid":"urn:uuid:4f2b","link":"https://x.example/1","title":"T",)"
        R"("pubDate":"Fri, 05 Jan 2024 10:00:00 GMT","description":"<p>One.</p><p>Two.</p>"})");
    CHECK(a.id == "urn:uuid:4f2b");
    CHECK(a.url == "https://x.example/1");
    CHECK(a.published == "2024-01-05");
    CHECK(a.paragraphs == std::vector<std::string>{"One.", "Two."});
}

TEST_CASE("feed shapes: a feedparser entry, its content a list of objects with a value") {
    // What Python's feedparser gives for an Atom or RSS entry, dumped as JSON.
    const auto a = read_record(
        R"j({"id":"urn:uuid:60a7","title":"T","link":"https://x.example/a","author":"Jo Roe",)j"
        R"j("authors":[{"name":"Jo Roe"}],"published":"Fri, 05 Jan 2024 10:00:00 GMT",)j"
        R"j("published_parsed":[2024,1,5,10,0,0,4,5,0],"summary":"Short.",)j"
        R"j("content":[{"type":"text/html","language":null,"base":"","value":"<p>One.</p>"},)j"
        R"j({"type":"text/plain","value":"Two."}]})j");
    CHECK(a.id == "urn:uuid:60a7");
    CHECK(a.url == "https://x.example/a");
    CHECK(a.authors == std::vector<std::string>{"Jo Roe"});
    CHECK(a.published == "2024-01-05");
    CHECK(a.paragraphs == std::vector<std::string>{"One.", "Two."});
    // One content object alone, as Atom-to-JSON converters write it.
    CHECK(read_record(R"({"id":"c","title":"T","content":{"type":"html","value":"<p>H.</p>"}})")
              .paragraphs == std::vector<std::string>{"H."});
    const auto bad =
        news::parse_jsonl_line(R"({"id":"d","title":"T","content":[{"type":"html"}]})", "f.jsonl");
    CHECK_FALSE(bad.article);
}

TEST_CASE("feed shapes: an Atom entry's link objects, the alternate one its address") {
    auto a = read_record(
        R"({"id":"urn:a1","title":"T","link":[{"rel":"self","href":"https://x/feed/a1"},)"
        R"({"rel":"enclosure","href":"https://x/a1.mp3"},{"rel":"alternate","href":"https://x/a1"}]})");
    CHECK(a.url == "https://x/a1");
    a = read_record(R"({"id":"urn:a2","title":"T","link":{"rel":null,"href":" https://x/a2 "}})");
    CHECK(a.url == "https://x/a2");
    // The id, when there is none, comes from that link too.
    a = read_record(R"({"title":"T","link":[{"href":"https://x/a3"}]})");
    CHECK(a.id == "https://x/a3");
    // No usable link: the article is kept without one, and told.
    const auto r = news::parse_jsonl_line(
        R"({"id":"a4","title":"T","link":[{"rel":"self","href":"https://x/s"},"https://x/str"]})",
        "f.jsonl");
    REQUIRE(r.article);
    CHECK_FALSE(r.article->url);
    CHECK(r.warnings == std::vector<std::string>{"\"link\" is not a link: left out"});
}

TEST_CASE("feed shapes: our own names come first, then the others in order") {
    auto a = read_record(R"({"id":"mine","guid":"g","url":"https://u","link":"https://l",)"
                         R"("title":"T","date":"2024-02-01","pubDate":"2024-03-01"})");
    CHECK(a.id == "mine");
    CHECK(a.url == "https://u");
    CHECK(a.published == "2024-02-01");
    a = read_record(R"({"id":null,"guid":"g","link":"https://l","title":"T"})");
    CHECK(a.id == "g");
    CHECK(a.url == "https://l");
    a = read_record(R"({"link":"https://l/2","title":"T","published_at":"2024-04-01"})");
    CHECK(a.id == "https://l/2");
    CHECK(a.published == "2024-04-01");
    a = read_record(R"({"id":"c","title":"T","content_text":"Text.","content_html":"<p>H.</p>"})");
    CHECK(a.paragraphs == std::vector<std::string>{"H."});
}

TEST_CASE("feed shapes: Dublin Core's creator is the author when no authors are named") {
    auto a = read_record(R"j({"id":"d1","title":"T","dc:creator":"jo@x.example (Jo Ames)"})j");
    CHECK(a.authors == std::vector<std::string>{"Jo Ames"});
    a = read_record(R"({"id":"d2","title":"T","creator":["Ana Lee","Bo Chen"]})");
    CHECK(a.authors == std::vector<std::string>{"Ana Lee", "Bo Chen"});
    a = read_record(R"({"id":"d3","title":"T","author":"Named","creator":"Other"})");
    CHECK(a.authors == std::vector<std::string>{"Named"});
    a = read_record(R"({"id":"d4","title":"T","authors":null,"creator":"Other"})");
    CHECK(a.authors.empty());  // "authors": null says there are none
}

TEST_CASE("feed shapes: an item without a title has one from its first sentence, marked") {
    // JSON Feed's microblog items have no title.
    auto a = read_record(R"({"id":"m1","content_text":"Zorblat wins the vote. More later."})");
    CHECK(a.title == "Zorblat wins the vote.");
    CHECK(a.title_derived);
    // A title of white space, or one a reference made blank, is none.
    a = read_record(R"({"id":"m2","title":"&nbsp;","body":"<p>Seen at noon! Then gone.</p>"})");
    CHECK(a.title == "Seen at noon!");
    CHECK(a.title_derived);
    CHECK_FALSE(read_record(R"({"id":"m3","title":"T","body":"B."})").title_derived);
    // So are a source and an author of white space: left out.
    a = read_record(R"({"id":"m5","title":"T","source":" &nbsp;","authors":["&nbsp;","Ann"]})");
    CHECK_FALSE(a.source);
    CHECK(a.authors == std::vector<std::string>{"Ann"});
    const auto r = news::parse_jsonl_line(R"({"id":"m4","title":" ","summary":null})", "f.jsonl");
    CHECK_FALSE(r.article);
    CHECK(r.error == R"(record "m4" has no "title" (nor a body to take one from))");
}

TEST_CASE("feed shapes: what cannot be read is said") {
    auto r = news::parse_jsonl_line(R"({"title":"T","body":"B"})", "f.jsonl");
    CHECK_FALSE(r.article);
    CHECK(r.error == R"(record has no "id" (nor "guid", "url" or "link"))");
    r = news::parse_jsonl_line(R"({"title":"T","url":"https://x/)" + std::string(300, 'a') + "\"}",
                               "f.jsonl");
    CHECK_FALSE(r.article);
    CHECK(r.error == "the record's id is longer than 200 bytes");
    r = news::parse_jsonl_line(R"({"guid":{"isPermaLink":false},"title":"T"})", "f.jsonl");
    CHECK(r.error == R"("guid" is not a string)");
    r = news::parse_jsonl_line(
        R"({"id":"a","title":"T","source":{"id":"x"},"authors":[{"url":"u"},"Jo"]})", "f.jsonl");
    REQUIRE(r.article);
    CHECK_FALSE(r.article->source);
    CHECK(r.article->authors == std::vector<std::string>{"Jo"});
    CHECK(r.warnings == std::vector<std::string>{"\"source\" is not a string: left out",
                                                 "authors that are not names: left out"});
}
