// The search API over HTTP against the index of the bundled corpus.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/text/percent_encode.hpp"
#include "server_fixture.hpp"

using news::percent_encode;
using news::test::ServerProcess;
using news::test::shared_index;
using news::test::strip_marks;
using nlohmann::json;

namespace {

json search(const ServerProcess& s, const std::string& q, const std::string& extra = "") {
    return s.get_json("/api/search?q=" + percent_encode(q) + extra);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The #techAsia newsletter, published twice (the pages' own articles, not the stories embedded
// in them, whose ids end in -1, -2 ...).
bool is_newsletter(const json& hit) {
    const auto id = hit.at("id").get<std::string>();
    return id == "000_c1f196531a025e5e-0" || id == "001_e7c17cc93f2e231c-0";
}

std::set<std::string> ids_of(const json& hits) {
    std::set<std::string> ids;
    for (const auto& h : hits) ids.insert(h.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("search: Foxconn Nissan Oppama finds the #techAsia newsletter first, once, marked") {
    ServerProcess s(shared_index());
    const auto r = search(s, "Foxconn Nissan Oppama");
    CHECK(r.at("query") == "Foxconn Nissan Oppama");
    const auto& hits = r.at("hits");
    REQUIRE(hits.size() >= 1);
    const auto& first = hits[0];
    CHECK(is_newsletter(first));
    CHECK(lower(first.at("title").get<std::string>()).find("foxconn") != std::string::npos);
    // The two copies of the newsletter are one hit, the other copy listed as its duplicate.
    CHECK(std::count_if(hits.begin(), hits.end(), is_newsletter) == 1);
    REQUIRE(first.at("duplicates").size() >= 1);
    CHECK(is_newsletter(first.at("duplicates")[0]));
    CHECK(first.at("duplicates")[0].at("id") != first.at("id"));
    const auto snippet = lower(first.at("snippet").get<std::string>());
    for (const char* word : {"<mark>foxconn", "<mark>nissan", "<mark>oppama"}) {
        CHECK_MESSAGE(snippet.find(word) != std::string::npos, word, " in ", snippet);
    }
    CHECK(first.at("url") == "/api/articles/" + first.at("id").get<std::string>());
    CHECK(r.at("total").at("estimated").get<int>() >= 1);
    CHECK(r.at("total").at("lower_bound").get<int>() <= r.at("total").at("upper_bound").get<int>());
    CHECK(r.at("page") == 1);
    CHECK(r.at("per_page") == 10);
    CHECK(r.contains("took_ms"));
}

TEST_CASE("search: collapse off lists both copies of the newsletter") {
    ServerProcess s(shared_index());
    const auto on = search(s, "Foxconn Nissan Oppama", "&collapse=true").at("hits");
    const auto off = search(s, "Foxconn Nissan Oppama", "&collapse=false").at("hits");
    CHECK(std::count_if(on.begin(), on.end(), is_newsletter) == 1);
    CHECK(std::count_if(off.begin(), off.end(), is_newsletter) == 2);
}

TEST_CASE("search: phrases match words in order only") {
    ServerProcess s(shared_index());
    CHECK(search(s, "\"Hong Kong\"").at("hits").size() >= 1);
    CHECK(search(s, "\"Kong Hong\"").at("hits").empty());
}

TEST_CASE("search: boolean operators") {
    ServerProcess s(shared_index());
    const auto both = search(s, "Foxconn AND Oppama", "&collapse=false").at("hits");
    REQUIRE_FALSE(both.empty());
    CHECK(std::all_of(both.begin(), both.end(), is_newsletter));
    const auto without = search(s, "Nissan NOT Oppama", "&collapse=false").at("hits");
    CHECK(std::none_of(without.begin(), without.end(), is_newsletter));
    const auto either = search(s, "Oppama OR Synopsys", "&collapse=false").at("total");
    const auto one = search(s, "Oppama", "&collapse=false").at("total");
    CHECK(either.at("estimated").get<int>() > one.at("estimated").get<int>());
    const auto minus = search(s, "Nissan -Oppama", "&collapse=false").at("hits");
    CHECK(std::none_of(minus.begin(), minus.end(), is_newsletter));
    // Nothing but an exclusion: every article without the word, not the ones with it.
    for (const char* q : {"-Oppama", "NOT Oppama"}) {
        CAPTURE(q);
        const auto rest = search(s, q, "&collapse=false").at("hits");
        CHECK(rest.size() >= 3);
        CHECK(std::none_of(rest.begin(), rest.end(), is_newsletter));
    }
}

TEST_CASE("search: field prefixes and trailing wildcards") {
    ServerProcess s(shared_index());
    const auto title = search(s, "title:Foxconn").at("hits");
    REQUIRE_FALSE(title.empty());
    CHECK(std::any_of(title.begin(), title.end(), is_newsletter));
    for (const auto& h : title) {
        CHECK(lower(h.at("title").get<std::string>()).find("foxconn") != std::string::npos);
    }
    // Nissan is in the newsletter's body but not in its title.
    const auto title_nissan = search(s, "title:Nissan", "&collapse=false").at("hits");
    REQUIRE_FALSE(title_nissan.empty());
    CHECK(std::none_of(title_nissan.begin(), title_nissan.end(), is_newsletter));
    const auto wild = search(s, "Foxc*").at("hits");
    REQUIRE_FALSE(wild.empty());
    CHECK(std::any_of(wild.begin(), wild.end(), is_newsletter));
    // source: matches the outlet words of a facet value.
    const auto facets = search(s, "China").at("facets").at("source");
    REQUIRE_FALSE(facets.empty());
    const auto source = facets[0].at("value").get<std::string>();
    const auto word = source.substr(0, source.find(' '));
    const auto by_source = search(s, "China source:" + word, "&op=and").at("hits");
    REQUIRE_FALSE(by_source.empty());
    for (const auto& h : by_source) {
        CHECK(lower(h.at("source").get<std::string>()).find(lower(word)) != std::string::npos);
    }
}

TEST_CASE("search: a misspelled query is answered from its correction") {
    ServerProcess s(shared_index());
    const auto r = search(s, "Foxcon Nisan");
    REQUIRE(r.at("corrected_query").is_string());
    const auto corrected = lower(r.at("corrected_query").get<std::string>());
    CHECK(corrected.find("foxconn") != std::string::npos);
    CHECK(corrected.find("nissan") != std::string::npos);
    const auto& hits = r.at("hits");
    CHECK(std::any_of(hits.begin(), hits.end(), is_newsletter));
    // A correctly spelled query is not corrected.
    CHECK(search(s, "Foxconn Nissan").at("corrected_query").is_null());
}

TEST_CASE("search: facets count sources and the source filter narrows to one") {
    ServerProcess s(shared_index());
    const auto all = search(s, "China", "&collapse=false&per_page=100");
    const auto& facets = all.at("facets").at("source");
    REQUIRE(facets.size() >= 1);
    int facet_total = 0;
    for (const auto& f : facets) {
        CHECK(f.at("count").get<int>() >= 1);
        facet_total += f.at("count").get<int>();
    }
    CHECK(facet_total <= all.at("total").at("upper_bound").get<int>());
    const auto value = facets[0].at("value").get<std::string>();
    const int count = facets[0].at("count").get<int>();
    const auto filtered =
        search(s, "China", "&collapse=false&per_page=100&source=" + percent_encode(value));
    CHECK(filtered.at("hits").size() == static_cast<std::size_t>(count));
    for (const auto& h : filtered.at("hits")) CHECK(h.at("source") == value);
    CHECK(search(s, "China", "&source=No%20Such%20Outlet").at("hits").empty());
}

TEST_CASE("search: paging walks the results without overlap, and past the end is empty") {
    ServerProcess s(shared_index());
    const auto all = search(s, "China", "&collapse=false&per_page=100").at("hits");
    REQUIRE(all.size() >= 3);
    const auto p1 = search(s, "China", "&collapse=false&per_page=2&page=1");
    const auto p2 = search(s, "China", "&collapse=false&per_page=2&page=2");
    CHECK(p1.at("hits").size() == 2);
    CHECK(p2.at("page") == 2);
    CHECK(p1.at("hits")[0].at("id") == all[0].at("id"));
    CHECK(p2.at("hits")[0].at("id") == all[2].at("id"));
    for (const auto& id : ids_of(p2.at("hits"))) CHECK(ids_of(p1.at("hits")).count(id) == 0);
    CHECK(search(s, "China", "&page=999").at("hits").empty());
    CHECK(search(s, "China", "&per_page=100").at("per_page") == 100);
    CHECK(search(s, "China", "&per_page=1").at("hits").size() == 1);
}

TEST_CASE("search: bad parameters are 400 with a JSON message") {
    ServerProcess s(shared_index());
    for (const std::string bad :
         {"&page=0", "&page=-1", "&page=abc", "&page=1001", "&per_page=0", "&per_page=101",
          "&per_page=ten", "&sort=sideways", "&collapse=maybe", "&from=2025-13-45"}) {
        const auto r = s.get_json("/api/search?q=China" + bad, 400);
        CHECK_MESSAGE(r.at("error") == "bad_request", bad);
        CHECK(r.at("message").is_string());
    }
    const auto long_q = s.get_json("/api/search?q=" + std::string(1001, 'a'), 400);
    CHECK(long_q.at("message").get<std::string>().find("1") != std::string::npos);
    s.get_json("/api/search?q=" + std::string(1000, 'a'), 200);
    CHECK(s.get_json("/api/search?q=%FF%FEabc", 400).at("error") == "bad_request");
}

TEST_CASE("search: no query string is ever a 500") {
    ServerProcess s(shared_index());
    for (const std::string q :
         {"((((", "\"unterminated", "AND", "OR OR OR", "NOT", "title:", "a*", "*", "-", "+",
          "source:\"", "\xe2\x80\x9c", "x AND (y OR", "author:\"\" NEAR/3 z", "%00"}) {
        auto r = s.get("/api/search?q=" + percent_encode(q));
        REQUIRE(r);
        CHECK_MESSAGE((r->status == 200 || r->status == 400), q, " -> ", r->status, " ", r->body);
        const auto j = json::parse(r->body);
        if (r->status == 400) CHECK(j.at("error").get<std::string>().starts_with("bad_"));
    }
}

TEST_CASE("search: markup in an article never reaches a title or snippet unescaped") {
    ServerProcess s(shared_index());
    const auto r = search(s, "quokkaburger");
    REQUIRE_FALSE(r.at("hits").empty());
    const auto& hit = r.at("hits")[0];
    CHECK(hit.at("id") == "markup-1");
    for (const char* field : {"title", "snippet"}) {
        const auto html = hit.at(field).get<std::string>();
        CHECK_MESSAGE(html.find("<mark>") != std::string::npos, field, ": ", html);
        CHECK_MESSAGE(strip_marks(html).find('<') == std::string::npos, field, ": ", html);
    }
    CHECK(hit.at("title").get<std::string>().find("&lt;script&gt;") != std::string::npos);
    const auto article = s.get_json("/api/articles/markup-1?q=quokkaburger");
    for (const auto& p : article.at("highlighted").at("paragraphs")) {
        CHECK(strip_marks(p.get<std::string>()).find('<') == std::string::npos);
    }
    CHECK(strip_marks(article.at("highlighted").at("title").get<std::string>()).find('<') ==
          std::string::npos);
    // The body wrote its markup as references: it is the article's text, shown escaped.
    CHECK(article.at("paragraphs").at(0) ==
          "The quokkaburger stand <script>alert(1)</script> opened today.");
    CHECK(article.at("highlighted")
              .at("paragraphs")
              .at(0)
              .get<std::string>()
              .find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("articles: a feed's HTML body is served as its text, references decoded") {
    ServerProcess s(shared_index());
    const auto r = search(s, "Pelé wallaby");
    REQUIRE_FALSE(r.at("hits").empty());
    const auto& hit = r.at("hits")[0];
    CHECK(hit.at("id") == "markup-2");
    CHECK(strip_marks(hit.at("title").get<std::string>()) == "Wallaby parade – Pelé leads");
    const auto snippet = hit.at("snippet").get<std::string>();
    CHECK_MESSAGE(snippet.find("zorbulate") == std::string::npos, snippet);
    CHECK_MESSAGE(strip_marks(snippet).find("&lt;") == std::string::npos, snippet);
    const auto a = s.get_json("/api/articles/markup-2");
    CHECK(a.at("paragraphs") ==
          json::array({"The wallaby parade began at noon.",
                       "A second wallaby paragraph,\nin two lines & one link."}));
    CHECK(search(s, "zorbulate").at("hits").empty());  // a script's text is not searchable
}

TEST_CASE("articles: the whole article, highlighted on request, and 404 for unknown ids") {
    ServerProcess s(shared_index());
    const auto hit = search(s, "Foxconn Nissan Oppama").at("hits").at(0);
    const auto id = hit.at("id").get<std::string>();
    const auto a = s.get_json("/api/articles/" + percent_encode(id));
    CHECK(a.at("id") == id);
    CHECK(a.at("paragraphs").size() >= 1);
    CHECK(a.contains("duplicates"));
    CHECK_FALSE(a.contains("highlighted"));
    const auto h = s.get_json("/api/articles/" + percent_encode(id) + "?q=Oppama");
    bool marked = false;
    for (const auto& p : h.at("highlighted").at("paragraphs")) {
        marked = marked || p.get<std::string>().find("<mark>Oppama</mark>") != std::string::npos;
    }
    CHECK(marked);
    const auto missing = s.get_json("/api/articles/no-such-article", 404);
    CHECK(missing.at("error") == "not_found");
    s.get_json("/api/articles/no-such-article/similar", 404);
    s.get_json("/api/articles/" + std::string(600, 'x'), 404);
}

TEST_CASE("articles: ids that are URLs or hold spaces are reached through the hit's url") {
    // NewsAPI gives no id (its URL is one); a JSON Feed id may hold '/', ':', ',' and spaces.
    ServerProcess s(shared_index());
    const auto hits = search(s, "narwhal", "&per_page=10").at("hits");
    std::set<std::string> expected = {"https://news.example/2024/01/narwhal-tusks?ref=rss&utm=x",
                                      "tag:feed.example,2024:/narwhal pods/2"};
    REQUIRE(ids_of(hits) == expected);
    for (const auto& hit : hits) {
        const auto id = hit.at("id").get<std::string>();
        const auto url = hit.at("url").get<std::string>();
        CHECK(url == "/api/articles/" + percent_encode(id));
        const auto a = s.get_json(url);
        CHECK(a.at("id") == id);
        CHECK(s.get_json(url + "/similar").at("id") == id);
    }
    const auto newsapi = s.get_json("/api/articles/" + percent_encode(*expected.begin()));
    CHECK(newsapi.at("source") == "Example Newswire");
    CHECK(newsapi.at("published") == "2024-01-05");
    CHECK(newsapi.at("url") == *expected.begin());
    CHECK(newsapi.at("authors") == json::array({"Nora Narwhal"}));
    CHECK(newsapi.at("paragraphs") ==
          json::array({"Narwhal tusks carry millions of nerve endings that sense the water "
                       "around them"}));
    const auto feed = s.get_json("/api/articles/" + percent_encode(*expected.rbegin()));
    CHECK(feed.at("authors") == json::array({"Ivy Ice"}));
    CHECK(feed.at("paragraphs").size() == 2);
    // Sent unencoded, the '/' of an id splits the path: not an article address.
    s.get_json("/api/articles/tag:feed.example,2024:/narwhal%20pods/2", 404);
}

TEST_CASE("search: dated results are counted by month, and a month's range narrows to it") {
    ServerProcess s(shared_index());
    // The two narwhal records of data/feeds.jsonl, dated 5 and 6 January 2024.
    const auto buckets = search(s, "narwhal").at("facets").at("published");
    CHECK(buckets == json::parse(R"([{"value": "2024-01", "count": 2, "from": "2024-01-01",
                                      "to": "2024-01-31"}])"));
    const auto narrowed = search(s, "narwhal", "&from=2024-01-06&to=2024-01-31");
    CHECK(narrowed.at("total").at("estimated") == 1);
    CHECK(narrowed.at("facets").at("published").at(0).at("count") == 1);
    // The bundled pages have no dates: a search of them alone counts no month.
    CHECK(search(s, "Foxconn Nissan Oppama").at("facets").at("published") == json::array());
}

TEST_CASE("articles: similar excludes the article and its duplicates") {
    ServerProcess s(shared_index());
    const auto hit = search(s, "Foxconn Nissan Oppama").at("hits").at(0);
    const auto id = hit.at("id").get<std::string>();
    const auto r = s.get_json("/api/articles/" + percent_encode(id) + "/similar");
    CHECK(r.at("id") == id);
    REQUIRE_FALSE(r.at("hits").empty());
    CHECK(r.at("hits").size() <= 5);
    for (const auto& h : r.at("hits")) CHECK_FALSE(is_newsletter(h));
    CHECK(
        s.get_json("/api/articles/" + percent_encode(id) + "/similar?limit=1").at("hits").size() ==
        1);
    s.get_json("/api/articles/" + percent_encode(id) + "/similar?limit=0", 400);
    s.get_json("/api/articles/" + percent_encode(id) + "/similar?limit=21", 400);
}

TEST_CASE("articles: the newsletter's nearest neighbour is the other Foxconn story") {
    // The newsletter leads with Foxconn's plans for Japanese EVs; 004 is a page on the same plans.
    // Xapian's default expansion weights ranked the newsletter's beef-exports item above it,
    // and a stop word of the query was marked in the neighbours' titles.
    ServerProcess s(shared_index());
    const auto r = s.get_json("/api/articles/001_e7c17cc93f2e231c-0/similar");
    REQUIRE_FALSE(r.at("hits").empty());
    CHECK(r.at("hits").at(0).at("id") == "004_c3e94b2513e9714b-0");
    for (const auto& h : r.at("hits")) {
        const auto title = h.at("title").get<std::string>();
        for (const char* stop : {"<mark>to</mark>", "<mark>and</mark>", "<mark>in</mark>"})
            CHECK(title.find(stop) == std::string::npos);
    }
}

TEST_CASE("stats: counts of the index") {
    ServerProcess s(shared_index());
    const auto st = s.get_json("/api/stats");
    CHECK(st.at("articles").get<int>() >= 5);
    CHECK(st.at("duplicate_clusters").get<int>() >= 1);
    CHECK(st.at("sources").size() >= 1);
    CHECK(st.contains("revision"));
    CHECK(st.contains("last_indexed"));
    // The bundled pages say "2 days ago", never a day; the two feed records of data/feeds.jsonl
    // give one each.
    CHECK(st.at("dates") == json{{"first", "2024-01-05"}, {"last", "2024-01-06"}, {"articles", 2}});
    const auto ready = s.get_json("/readyz");
    CHECK(ready.at("status") == "ready");
    CHECK(ready.at("articles") == st.at("articles"));
}

TEST_CASE("feed: a search as an Atom feed, newest first, with a tag that saves an unchanged poll") {
    ServerProcess s(shared_index());
    auto c = s.client();
    const auto r = c.Get("/api/feed?q=narwhal", {{"Host", "news.example:8080"}});
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    const auto& xml = r->body;
    // The two narwhal records, the one of 6 January first, linked to the page's article view.
    const auto newer = xml.find("<published>2024-01-06T00:00:00Z</published>");
    const auto older = xml.find("<published>2024-01-05T00:00:00Z</published>");
    CHECK(newer < older);
    CHECK(older != std::string::npos);
    CHECK(
        xml.find("<link rel=\"alternate\" type=\"text/html\" href=\"http://news.example:8080/"
                 "?article=tag%3Afeed.example%2C2024%3A%2Fnarwhal%20pods%2F2&amp;q=narwhal\"/>") !=
        std::string::npos);
    CHECK(xml.find("<title>News search: &quot;narwhal&quot;</title>") != std::string::npos);
    CHECK(xml.find("<author><name>Ivy Ice</name></author>") != std::string::npos);
    CHECK(xml.find("&lt;mark&gt;Narwhal&lt;/mark&gt;") != std::string::npos);
    // The same entries as the search sorted by date.
    const auto hits = search(s, "narwhal", "&sort=date").at("hits");
    REQUIRE(hits.size() == 2);
    const auto first_id = "/api/articles/" + percent_encode(hits[0].at("id").get<std::string>());
    CHECK(xml.find("<id>http://news.example:8080" + first_id + "</id>") < older);

    const auto etag = r->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    const auto again =
        c.Get("/api/feed?q=narwhal", {{"Host", "news.example:8080"}, {"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    // Another search is another feed, with another tag.
    const auto other = c.Get("/api/feed?q=narwhal&sort=relevance", {{"If-None-Match", etag}});
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK(other->get_header_value("ETag") != etag);
    // Its parameters are the search's: a bad one is the search's 400.
    const auto bad = s.get_json("/api/feed?q=narwhal&from=2024-13-01", 400);
    CHECK(bad.at("error") == "bad_request");
}

TEST_CASE("opensearch: the description a browser adds the site from, at the address it used") {
    ServerProcess s(shared_index());
    auto c = s.client();
    const auto r = c.Get("/opensearch.xml", {{"Host", "news.example:8080"}});
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") ==
          "application/opensearchdescription+xml; charset=utf-8");
    CHECK(r->body.find("template=\"http://news.example:8080/?q={searchTerms}\"") !=
          std::string::npos);
    // A Host that is not a host name is not echoed.
    const auto odd = c.Get("/opensearch.xml", {{"Host", "x\"/><script>"}});
    REQUIRE(odd);
    CHECK(odd->body.find("template=\"http://localhost/?q={searchTerms}\"") != std::string::npos);
    CHECK(odd->body.find("<script") == std::string::npos);
}
