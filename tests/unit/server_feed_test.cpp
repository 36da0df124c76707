// A search as an Atom feed: the request's defaults, title and addresses (server/feed_request),
// and the XML (server/atom_feed), read back by the indexer's own feed reader, which reports any
// XML that is not well-formed; the XML escaping beneath it, and the OpenSearch description.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/ingest/xml_feed.hpp"
#include "server/atom_feed.hpp"
#include "server/feed_request.hpp"
#include "server/opensearch.hpp"
#include "server/xml_text.hpp"

namespace {

using nlohmann::json;

json two_hits() {
    return json::parse(R"({
      "total": {"estimated": 2, "lower_bound": 2, "upper_bound": 2},
      "hits": [
        {"id": "reuters-1", "title": "<mark>Oil</mark> prices &amp; OPEC", "source": "Reuters",
         "authors": [], "published": "1987-03-02", "published_text": "2-MAR-1987",
         "snippet": "…crude <mark>oil</mark> rose", "url": "/api/articles/reuters-1"},
        {"id": "https://example.org/a?b=1", "title": "Shale <mark>oil</mark>", "source": null,
         "authors": ["Jane Doe", "Kim Lee"], "published": null, "published_text": null,
         "snippet": "drillers in <mark>oil</mark> fields", "url": "/api/articles/x"}
      ]})");
}

news::FeedInfo info() {
    return {.base_url = "http://news.example:8080",
            .self_query = "q=oil",
            .title = "News search: \"oil\"",
            .q = "oil",
            .page_query = "q=oil&sort=date",
            .index_updated = "2026-12-07T11:44:29Z"};
}

news::FeedDocument read_back(const std::string& xml) {
    return news::parse_xml_feed(xml, "search.atom");
}

}  // namespace

TEST_CASE("feed: each hit is an entry a feed reader reads back, with its link, date and authors") {
    const auto xml = news::atom_feed(two_hits(), info());
    const auto feed = read_back(xml);
    CHECK(feed.error.empty());
    CHECK(feed.warnings.empty());
    REQUIRE(feed.items.size() == 2);
    REQUIRE(feed.items[0].article);
    const auto& first = *feed.items[0].article;
    CHECK(first.id == "http://news.example:8080/api/articles/reuters-1");
    CHECK(first.url == "http://news.example:8080/?article=reuters-1&q=oil");
    CHECK(first.title == "Oil prices & OPEC");
    CHECK(first.published == "1987-03-02");
    CHECK(first.authors == std::vector<std::string>{"Reuters"});  // the outlet, when no byline
    REQUIRE(feed.items[1].article);
    const auto& second = *feed.items[1].article;
    CHECK(second.id ==
          "http://news.example:8080/api/articles/https%3A%2F%2Fexample.org%2Fa%3Fb%3D1");
    CHECK(second.authors == std::vector<std::string>{"Jane Doe", "Kim Lee"});
    CHECK(second.published == "2026-12-07");  // undated: a reader takes the index's time
    REQUIRE_FALSE(second.paragraphs.empty());
    CHECK(second.paragraphs[0] == "drillers in oil fields");
}

TEST_CASE("feed: titles lose their marks, summaries keep them as HTML, dates are RFC 3339") {
    const auto xml = news::atom_feed(two_hits(), info());
    CHECK(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"));
    CHECK(xml.find("<title type=\"html\">Oil prices &amp;amp; OPEC</title>") != std::string::npos);
    CHECK(xml.find("<summary type=\"html\">…crude &lt;mark&gt;oil&lt;/mark&gt; rose</summary>") !=
          std::string::npos);
    CHECK(xml.find("<updated>1987-03-02T00:00:00Z</updated>") != std::string::npos);
    CHECK(xml.find("<published>1987-03-02T00:00:00Z</published>") != std::string::npos);
    // The undated entry and the feed itself are as new as the index.
    CHECK(xml.find("<updated>2026-12-07T11:44:29Z</updated>\n    <author><name>Jane Doe") !=
          std::string::npos);
    CHECK(xml.find("  <updated>2026-12-07T11:44:29Z</updated>\n  <author>") != std::string::npos);
    CHECK(xml.find("<author><name>Reuters</name></author>") != std::string::npos);
    CHECK(xml.find("<subtitle>2 matching articles</subtitle>") != std::string::npos);
    CHECK(xml.find("<link rel=\"self\" type=\"application/atom+xml\" "
                   "href=\"http://news.example:8080/api/feed?q=oil\"/>") != std::string::npos);
    CHECK(xml.find("<link rel=\"alternate\" type=\"text/html\" "
                   "href=\"http://news.example:8080/?q=oil&amp;sort=date\"/>") !=
          std::string::npos);
}

TEST_CASE("feed: an undated entry is as new as its article's indexing, not the index's") {
    auto result = two_hits();
    result["hits"][0]["indexed"] = "2026-12-01T08:00:00Z";  // dated: its date wins
    result["hits"][1]["indexed"] = "2026-12-01T08:00:00Z";
    const auto xml = news::atom_feed(result, info());
    CHECK(xml.find("<updated>1987-03-02T00:00:00Z</updated>") != std::string::npos);
    CHECK(xml.find("<updated>2026-12-01T08:00:00Z</updated>\n    <author><name>Jane Doe") !=
          std::string::npos);
    CHECK(xml.find("  <updated>2026-12-07T11:44:29Z</updated>\n  <author>") != std::string::npos);
    const auto feed = read_back(xml);
    REQUIRE(feed.items.size() == 2);
    REQUIRE(feed.items[1].article);
    CHECK(feed.items[1].article->published == "2026-12-01");
}

TEST_CASE("feed: a time that is not the indexer's RFC 3339 falls back to the index's") {
    for (const std::string bad :
         {"yesterday", "2026-12-01", "2026-13-01T08:00:00Z", "2026-12-01T08:00:00+01:00",
          "2026-12-01T08:00:0xZ", "2026-12-01T08:00:00Z<", "2026-12-01T24:00:00Z",
          "2026-12-01T08:60:00Z", "2026-12-01T08:00:60Z", ""}) {
        CAPTURE(bad);
        auto result = two_hits();
        result["hits"][1]["indexed"] = bad;
        const auto xml = news::atom_feed(result, info());
        CHECK(xml.find("<updated>2026-12-07T11:44:29Z</updated>\n    <author><name>Jane Doe") !=
              std::string::npos);
    }
    auto result = two_hits();
    result["hits"][1]["indexed"] = "2026-12-01T23:59:59Z";  // the day's last second is a time
    CHECK(news::atom_feed(result, info()).find("<updated>2026-12-01T23:59:59Z</updated>") !=
          std::string::npos);
    result["hits"][1]["indexed"] = 20261201;
    CHECK(news::atom_feed(result, info())
              .find("<updated>2026-12-07T11:44:29Z</updated>\n    "
                    "<author><name>Jane Doe") != std::string::npos);
}

TEST_CASE("feed: characters XML forbids are dropped, so one article cannot break the feed") {
    auto result = two_hits();
    result["hits"][0]["title"] = std::string("Bell\x07 and form\x0C feed \xEF\xBF\xBF end");
    result["hits"][0]["snippet"] = std::string("nul\x01 here");
    const auto xml = news::atom_feed(result, info());
    CHECK(xml.find("Bell and form feed  end") != std::string::npos);
    const auto feed = read_back(xml);
    CHECK(feed.warnings.empty());
    REQUIRE(feed.items.size() == 2);
    REQUIRE(feed.items[0].article);
    CHECK(feed.items[0].article->title == "Bell and form feed  end");
}

TEST_CASE("feed: no hits is a valid, empty feed") {
    const auto xml =
        news::atom_feed(json::parse(R"({"total": {"estimated": 0}, "hits": []})"), info());
    const auto feed = read_back(xml);
    CHECK(feed.error.empty());
    CHECK(feed.warnings.empty());
    CHECK(feed.items.empty());
    CHECK(xml.find("<subtitle>0 matching articles</subtitle>") != std::string::npos);
}

TEST_CASE("feed request: newest first and twenty entries unless the request says otherwise") {
    using news::QueryPairs;
    CHECK(news::with_feed_defaults({{"q", "oil"}}) ==
          QueryPairs{{"q", "oil"}, {"sort", "date"}, {"per_page", "20"}});
    CHECK(news::with_feed_defaults({{"sort", "relevance"}, {"per_page", "5"}}) ==
          QueryPairs{{"sort", "relevance"}, {"per_page", "5"}});
    CHECK(news::query_string({{"q", "oil & gas"}, {"source", "Nikkei Asia"}}) ==
          "q=oil%20%26%20gas&source=Nikkei%20Asia");
}

TEST_CASE("feed request: the page's address and the feed's title say what is followed") {
    news::SearchParams p;
    CHECK(news::feed_title(p) == "News search: latest articles");
    CHECK(news::page_query(p).empty());
    p.q = "\"oil price\" OPEC";
    CHECK(news::feed_title(p) == "News search: \"oil price\" OPEC");
    p.q = "oil price";
    CHECK(news::feed_title(p) == "News search: \"oil price\"");
    p.sources = {"Reuters", "BBC News"};
    p.author = "Kim";
    p.from = "1987-03-01";
    p.to = "1987-03-31";
    p.sort = news::SortOrder::Date;
    CHECK(news::feed_title(p) ==
          "News search: \"oil price\" in Reuters or BBC News, by Kim, from 1987-03-01 to "
          "1987-03-31");
    CHECK(news::page_query(p) ==
          "q=oil%20price&source=Reuters&source=BBC%20News&author=Kim&from=1987-03-01&"
          "to=1987-03-31&sort=date");
    p.q.clear();
    p.sources.clear();
    p.author.reset();
    p.from.reset();
    CHECK(news::feed_title(p) == "News search: articles up to 1987-03-31");
}

TEST_CASE("feed request: ids start with the address the client used, or localhost") {
    CHECK(news::public_base_url("news.example:8080", "") == "http://news.example:8080");
    CHECK(news::public_base_url("[::1]:8080", "HTTPS") == "https://[::1]:8080");
    CHECK(news::public_base_url("", "") == "http://localhost");
    CHECK(news::public_base_url("evil\"><x", "http") == "http://localhost");
    CHECK(news::public_base_url("a/b", "") == "http://localhost");
    CHECK(news::public_base_url(":80", "") == "http://localhost");
}

TEST_CASE("xml text: escaped for content and attributes, what XML forbids dropped") {
    std::string out;
    news::append_xml(out, "a & b < c > d \"e\" 'f'\tg\nh");
    CHECK(out == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'\tg\nh");
    out.clear();
    news::append_xml(out, std::string("x\x00y\x1Fz\xEF\xBF\xBE!\xEF\xBF\xBD", 12));
    CHECK(out == "xyz!\xEF\xBF\xBD");  // U+FFFD is a character like any other
}

TEST_CASE("opensearch: the page and the feed of a query, at the address the client used") {
    const auto xml = news::opensearch_description("https://news.example");
    CHECK(xml.find("<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">") !=
          std::string::npos);
    CHECK(xml.find("<ShortName>News search</ShortName>") != std::string::npos);
    CHECK(
        xml.find("<Url type=\"text/html\" template=\"https://news.example/?q={searchTerms}\"/>") !=
        std::string::npos);
    CHECK(xml.find("<Url type=\"application/atom+xml\" "
                   "template=\"https://news.example/api/feed?q={searchTerms}\"/>") !=
          std::string::npos);
    CHECK(xml.find("rel=\"self\" template=\"https://news.example/opensearch.xml\"") !=
          std::string::npos);
}
