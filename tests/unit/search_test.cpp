// The search library over a small index written by the real index writer, so query building
// and the schema cannot drift apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/index/index_writer.hpp"
#include "core/search/api_error.hpp"
#include "core/search/query_builder.hpp"
#include "core/search/searcher.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

using nlohmann::json;

news::Article make(std::string id, std::string title, std::string source,
                   std::vector<std::string> paragraphs, std::optional<std::string> date = {}) {
    news::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.source = std::move(source);
    a.paragraphs = std::move(paragraphs);
    a.published = std::move(date);
    a.origin = "fixture.jsonl";
    return a;
}

const std::string kNissan =
    "Nissan Motor appears to have found a potential saviour in Foxconn, who is in talks with "
    "Nissan to begin producing its own electric vehicles at the Oppama plant in Yokosuka.";

using news::testing::ScratchPath;

// Writes the articles `put` gives to a fresh index in `dir`; returns its path.
std::string write_index(const ScratchPath& dir,
                        const std::function<void(news::IndexWriter&)>& put) {
    news::IndexWriterOptions options;
    options.db_path = dir.string();
    news::IndexWriter writer(options);
    writer.begin_file("fixture.jsonl", "h");
    put(writer);
    writer.end_file();
    writer.commit();
    return dir.string();
}

// One fixture index for every test in this file, built once.
const std::string& fixture_index() {
    static const ScratchPath dir("news-search-test");
    static const std::string path = write_index(dir, [](news::IndexWriter& writer) {
        writer.put(make("nissan-1", "Foxconn eyes Japan-made EVs", "Nikkei Asia",
                        {kNissan, "The collaboration could improve utilisation rates at the site."},
                        "2025-07-08"));
        writer.put(
            make("nissan-2", "Foxconn eyes Japan-made EVs", "FT",
                 {kNissan, "The collaboration could improve utilization rates at the site!"}));
        writer.put(make("markup", "Carmakers <b>race</b> to electric", "Reuters",
                        {"Electric carmakers posted <script>alert(1)</script> and "
                         "<img src=x onerror=alert(1)> in a press release about batteries."},
                        "2024-01-02"));
        writer.put(make("cocoa", "Bahia cocoa review", "Reuters",
                        {"Showers continued throughout the week in the Bahia cocoa zone, "
                         "alleviating the drought since early January."},
                        "2023-05-01"));
        writer.put(make("battery", "Battery plant for electric vehicles", "Nikkei Asia",
                        {"A new battery plant will supply electric vehicles built by Nissan and "
                         "other carmakers in Japan from next year."}));
    });
    return path;
}

news::Searcher searcher() {
    return news::Searcher({fixture_index(), {}});
}

json search(const news::QueryPairs& pairs) {
    auto s = searcher();
    return s.search(news::parse_search_params(pairs, {}));
}

std::vector<std::string> ids(const json& response) {
    std::vector<std::string> out;
    for (const auto& h : response["hits"]) out.push_back(h["id"]);
    return out;
}

int status_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const news::ApiError& e) {
        return e.status();
    }
    return 200;
}

}  // namespace

TEST_CASE("search params: invalid values are 400s that name the parameter") {
    const news::SearchLimits limits;
    auto parse = [&](news::QueryPairs p) { return news::parse_search_params(p, limits); };
    CHECK(parse({{"q", "x"}, {"page", "2"}, {"per_page", "5"}}).per_page == 5);
    for (const news::QueryPairs& bad : {news::QueryPairs{{"page", "0"}},
                                        {{"page", "x"}},
                                        {{"per_page", "101"}},
                                        {{"per_page", "1e3"}},
                                        {{"sort", "best"}},
                                        {{"collapse", "maybe"}},
                                        {{"op", "xor"}},
                                        {{"from", "2025-13-01"}},
                                        {{"from", "2025-02-01"}, {"to", "2025-01-01"}},
                                        {{"q", std::string(1001, 'a')}},
                                        {{"q", "bad \xFF utf8"}},
                                        {{"page", "1000"}, {"per_page", "100"}}}) {
        CHECK_MESSAGE(status_of([&] { parse(bad); }) == 400, bad.front().first);
    }
    try {
        parse({{"per_page", "abc"}});
    } catch (const news::ApiError& e) {
        CHECK(std::string(e.what()).find("per_page") != std::string::npos);
    }
}

TEST_CASE("the example query ranks the story first, once, with its copy listed and words marked") {
    const json r = search({{"q", "Foxconn Nissan Oppama"}});
    REQUIRE(!r["hits"].empty());
    const json& first = r["hits"][0];
    CHECK((first["id"] == "nissan-1" || first["id"] == "nissan-2"));
    CHECK(first["duplicates"].size() == 1);
    const std::string snippet = first["snippet"];
    for (const char* word :
         {"<mark>Foxconn</mark>", "<mark>Nissan</mark>", "<mark>Oppama</mark>"}) {
        CHECK_MESSAGE(snippet.find(word) != std::string::npos, snippet);
    }
    const auto found = ids(r);
    CHECK(std::count_if(found.begin(), found.end(),
                        [](const std::string& id) { return id.starts_with("nissan-"); }) == 1);
    const auto all = ids(search({{"q", "Foxconn Nissan Oppama"}, {"collapse", "false"}}));
    CHECK(std::count_if(all.begin(), all.end(),
                        [](const std::string& id) { return id.starts_with("nissan-"); }) == 2);
}

TEST_CASE("markup in an article never reaches a snippet or title unescaped") {
    const json r = search({{"q", "press release batteries"}});
    REQUIRE(!r["hits"].empty());
    const std::string snippet = r["hits"][0]["snippet"], title = r["hits"][0]["title"];
    CHECK(snippet.find("<script") == std::string::npos);
    CHECK(snippet.find("<img") == std::string::npos);
    CHECK(snippet.find("&lt;script&gt;") != std::string::npos);
    CHECK(title.find("&lt;b&gt;") != std::string::npos);
}

TEST_CASE("phrases, booleans, fields, love/hate and wildcards") {
    CHECK(ids(search({{"q", "\"Oppama plant\""}, {"collapse", "false"}})).size() == 2);
    CHECK(ids(search({{"q", "\"plant Oppama\""}})).empty());
    CHECK(ids(search({{"q", "electric NOT Nissan"}})) == std::vector<std::string>{"markup"});
    CHECK(ids(search({{"q", "cocoa OR battery"}})).size() == 3);  // "batteries" stems alike
    CHECK(ids(search({{"q", "title:cocoa"}})) == std::vector<std::string>{"cocoa"});
    CHECK(ids(search({{"q", "title:Nissan"}, {"op", "and"}})).empty());
    CHECK(ids(search({{"q", "source:Reuters cocoa"}, {"op", "and"}})) ==
          std::vector<std::string>{"cocoa"});
    CHECK(ids(search({{"q", "electric -Nissan"}})) == std::vector<std::string>{"markup"});
    CHECK(ids(search({{"q", "foxc*"}})).size() == 1);
    CHECK(status_of([] { search({{"q", "cocoa OR"}}); }) == 400);  // Xapian's message, not a 500
}

std::set<std::string> id_set(const json& response) {
    const auto v = ids(response);
    return {v.begin(), v.end()};
}

TEST_CASE("a query of nothing but excluded words finds every article without them") {
    using Ids = std::set<std::string>;
    // Xapian alone would read "-Nissan" as "Nissan": exactly the articles excluded.
    const json minus = search({{"q", "-Nissan"}});
    CHECK(id_set(minus) == Ids{"markup", "cocoa"});
    CHECK(minus["total"]["estimated"] == 2);
    for (const auto& h : minus["hits"]) CHECK(!h["snippet"].get<std::string>().empty());
    CHECK(id_set(search({{"q", "NOT Nissan"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan"}, {"op", "or"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan"}, {"op", "and"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan -cocoa"}})) == Ids{"markup"});
    CHECK(id_set(search({{"q", "-\"Oppama plant\""}})) == Ids{"markup", "cocoa", "battery"});
    CHECK(id_set(search({{"q", "-title:Foxconn"}})) == Ids{"markup", "cocoa", "battery"});
    CHECK(id_set(search({{"q", "-(cocoa OR battery)"}})) == Ids{"nissan-1"});  // "batteries" too
    CHECK(id_set(search({{"q", "-Niss"}, {"partial", "true"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan"}, {"sort", "date"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan"}, {"source", "Reuters"}})) == Ids{"markup", "cocoa"});
    CHECK(id_set(search({{"q", "-Nissan"}, {"source", "Nikkei Asia"}})).empty());
    // Half typed, as search-as-you-type sends it: read as before, never a 400.
    for (const char* q : {"-\"", "-(", "-AND", "-"}) {
        CAPTURE(q);
        CHECK(status_of([&] { search({{"q", q}, {"partial", "true"}}); }) == 200);
    }
}

TEST_CASE("excluded items become NOT items only when nothing else is asked for") {
    CHECK(news::exclusions_as_not("-foxconn") == "NOT foxconn");
    CHECK(news::exclusions_as_not("-foxconn  -honda") == "NOT foxconn  NOT honda");
    CHECK(news::exclusions_as_not("-\"oppama plant\" -title:ev") ==
          "NOT \"oppama plant\" NOT title:ev");
    CHECK(news::exclusions_as_not("-(foxconn OR honda)") == "NOT (foxconn OR honda)");
    CHECK(!news::exclusions_as_not("nissan -foxconn"));
    CHECK(!news::exclusions_as_not("-foxconn nissan"));
    CHECK(!news::exclusions_as_not("- foxconn"));
    CHECK(!news::exclusions_as_not("co-operation"));
    CHECK(!news::exclusions_as_not(""));
    CHECK(!news::exclusions_as_not("  "));
}

TEST_CASE("a wildcard that expands past the limit is capped and says so") {
    news::SearcherOptions options{fixture_index(), {}};
    options.limits.max_wildcard_expansion = 1;
    news::Searcher s(options);
    const json r = s.search(news::parse_search_params({{"q", "c*"}}, options.limits));
    CHECK(r.contains("warnings"));
}

TEST_CASE("partial: the last word is a prefix") {
    CHECK(ids(search({{"q", "Bahia coc"}, {"partial", "true"}})) ==
          std::vector<std::string>{"cocoa"});
    // Without partial the word is taken whole, and too short to be read as a typo of "cocoa".
    const json whole = search({{"q", "Bahia coc"}, {"op", "and"}});
    CHECK(whole["hits"].empty());
    CHECK(whole["corrected_query"].is_null());
}

namespace {

// A search as the page sends it while the query is typed, with every copy listed.
json typed(const std::string& q, news::QueryPairs extra = {}) {
    extra.push_back({"q", q});
    extra.push_back({"partial", "true"});
    extra.push_back({"collapse", "false"});
    return search(extra);
}

}  // namespace

TEST_CASE("partial: a phrase still being typed ends in a prefix") {
    using Ids = std::set<std::string>;
    CHECK(id_set(typed("\"electric veh")) == Ids{"nissan-1", "nissan-2", "battery"});
    CHECK(id_set(typed("\"electric car")) == Ids{"markup"});  // "Electric carmakers"
    CHECK(typed("\"vehicles elec")["hits"].empty());          // the order still counts
    CHECK(id_set(typed("title:\"electric veh")) == Ids{"battery"});
    CHECK(id_set(typed("Oppama \"electric veh", {{"op", "and"}})) == Ids{"nissan-1", "nissan-2"});
    const json batt = typed("\"new batt");
    REQUIRE(id_set(batt) == Ids{"battery"});
    CHECK(batt["hits"][0]["snippet"].get<std::string>().find(
              "<mark>new</mark> <mark>battery</mark>") != std::string::npos);
    // Taken as typed without partial, once closed, or after an operator that needs it whole.
    CHECK(search({{"q", "\"electric veh"}})["hits"].empty());
    CHECK(typed("\"electric veh\"")["hits"].empty());
    CHECK(status_of([&] { typed("Nissan AND \"electric veh"); }) == 200);
    CHECK(status_of([&] { typed("(Nissan \"electric veh"); }) == 200);
    CHECK(status_of([&] { typed("Nissan OR Foxconn AND \"electric veh"); }) == 200);
}

TEST_CASE("partial: a phrase still being typed keeps the operator typed before it") {
    using Ids = std::set<std::string>;
    // Excluded, the phrase being typed already leaves out what it matches.
    const json excluded = typed("-\"electric veh");
    CHECK(id_set(excluded) == Ids{"cocoa", "markup"});
    CHECK(typed("Nissan -\"electric veh")["hits"].empty());
    CHECK(id_set(typed("Nissan -title:\"electric veh")) == Ids{"nissan-1", "nissan-2"});
    // An excluded word is not marked: "Electric carmakers" stays plain in the snippet.
    for (const auto& h : excluded["hits"]) {
        CHECK(h["snippet"].get<std::string>().find("<mark>") == std::string::npos);
    }
    // The other items' + and - and the operators' precedence hold as in the whole query.
    CHECK(id_set(typed("-Oppama +\"electric veh", {{"op", "or"}})) == Ids{"battery"});
    CHECK(id_set(typed("+Oppama \"electric veh", {{"op", "or"}})) == Ids{"nissan-1", "nissan-2"});
    CHECK(id_set(typed("-Oppama \"electric veh", {{"op", "or"}})) == Ids{"battery"});
    CHECK(id_set(typed("cocoa OR Foxconn AND \"electric veh")) ==
          Ids{"cocoa", "nissan-1", "nissan-2"});
    // Whatever comes before it, the phrase being typed finds what the finished phrase finds
    // (every "electric veh..." in these articles is "electric vehicles").
    for (const std::string before : {"",
                                     "-",
                                     "NOT ",
                                     "carmakers -",
                                     "carmakers AND NOT ",
                                     "Nissan NOT ",
                                     "+",
                                     "cocoa +",
                                     "-Oppama +",
                                     "+Oppama ",
                                     "-Oppama ",
                                     "Foxconn AND ",
                                     "cocoa OR ",
                                     "Foxconn XOR ",
                                     "cocoa OR Foxconn AND ",
                                     "(Foxconn OR cocoa) AND ",
                                     "(Nissan Foxconn) -",
                                     "-title:",
                                     "Nissan +title:",
                                     "batt* "}) {
        for (const std::string op : {"", "and", "or"}) {
            news::QueryPairs extra;
            if (!op.empty()) extra.push_back({"op", op});
            auto closed = extra;
            closed.push_back({"q", before + "\"electric vehicles\""});
            closed.push_back({"collapse", "false"});
            CAPTURE(before);
            CAPTURE(op);
            CHECK(id_set(typed(before + "\"electric veh", extra)) == id_set(search(closed)));
        }
    }
    CHECK(status_of([&] { typed("Nissan NEAR \"electric veh"); }) == 200);
}

TEST_CASE("partial: an operator still waiting for its right side leaves the results as they were") {
    for (const std::string before :
         {"Nissan", "Foxconn", "\"electric vehicles\"", "title:battery"}) {
        const auto expected = id_set(typed(before + " "));
        REQUIRE(!expected.empty());
        for (const char* op : {" AND", " OR", " NOT", " AND NOT", " XOR", " NEAR", " AND "}) {
            CAPTURE(before);
            CAPTURE(op);
            CHECK(id_set(typed(before + op)) == expected);
        }
    }
    // Without partial (Enter), still the 400 that says what the operator needs.
    CHECK(status_of([&] { search({{"q", "Nissan AND"}}); }) == 400);
}

TEST_CASE("British and American spellings find each other") {
    CHECK(ids(search({{"q", "utilization"}, {"collapse", "false"}})).size() == 2);
    CHECK(ids(search({{"q", "saviour"}, {"collapse", "false"}})).size() == 2);
}

TEST_CASE("spelling: nothing found -> corrected query answered, the correction is reported") {
    const json r = search({{"q", "Foxcon Nisan"}});
    CHECK(!r["corrected_query"].is_null());
    CHECK(!r["hits"].empty());
    CHECK(r["query"] == "Foxcon Nisan");
    // The answer's snippets mark the corrected words, which are the ones the articles hold.
    for (const auto& h : r["hits"]) {
        CHECK(h["snippet"].get<std::string>().find("<mark>Nissan</mark>") != std::string::npos);
    }
    CHECK(search({{"q", "Bahia cocao"}, {"op", "and"}})["corrected_query"] == "Bahia cocoa");
}

TEST_CASE("spelling: a short word is not guessed at, and a stop word is never the answer") {
    // "fox" is one edit from "for", a stop word in every article of some indexes.
    const json fox = search({{"q", "fox"}});
    CHECK(fox["hits"].empty());
    CHECK(fox["corrected_query"].is_null());
    CHECK(fox["suggestion"].is_null());
    // The words the policy allows are still corrected beside one it refuses.
    CHECK(search({{"q", "fox Nisan"}})["corrected_query"] == "fox nissan");
}

TEST_CASE("adaptive matching: all words first, then most of them, op=and stays strict") {
    const auto adaptive = ids(search({{"q", "cocoa drought Yokosuka"}}));
    CHECK(adaptive.size() >= 2);
    CHECK(adaptive.front() == "cocoa");
    CHECK(ids(search({{"q", "cocoa drought Yokosuka"}, {"op", "and"}})).empty());
    // Stop words only: searched as words (Xapian keeps them when nothing else is left). Every
    // article holds "the" or "and"; the two copies of the Nissan story show as one.
    CHECK(ids(search({{"q", "the of and"}})).size() == 4);
}

TEST_CASE("facets count the whole match set, source and date filters narrow it") {
    const json r = search({{"q", "electric"}, {"per_page", "1"}, {"collapse", "false"}});
    int total = 0;
    for (const auto& f : r["facets"]["source"]) total += f["count"].get<int>();
    CHECK(total == 4);
    CHECK(r["hits"].size() == 1);
    CHECK(ids(search({{"q", "electric"}, {"source", "Reuters"}})) ==
          std::vector<std::string>{"markup"});
    CHECK(
        ids(search({{"q", "electric OR cocoa"}, {"source", "Reuters"}, {"from", "2024-01-01"}})) ==
        std::vector<std::string>{"markup"});
    CHECK(ids(search({{"q", "electric OR cocoa"}, {"source", "Reuters"}, {"to", "2023-12-31"}})) ==
          std::vector<std::string>{"cocoa"});
}

TEST_CASE("sort by date puts the newest dated article first") {
    const auto r = ids(
        search({{"q", "electric OR cocoa OR Foxconn"}, {"sort", "date"}, {"collapse", "false"}}));
    REQUIRE(r.size() >= 3);
    CHECK(r.front() == "nissan-1");
}

TEST_CASE("with no query words the articles come newest first, undated ones last") {
    // A filter alone (or an empty box) gives nothing to rank by; in index order the undated
    // copy "nissan-2" came second.
    for (const char* q : {"", "\""}) {
        CAPTURE(q);
        const auto r = ids(search({{"q", q}, {"collapse", "false"}}));
        REQUIRE(r.size() == 5);
        CHECK(std::vector<std::string>(r.begin(), r.begin() + 3) ==
              std::vector<std::string>{"nissan-1", "markup", "cocoa"});
    }
    CHECK(ids(search({{"q", ""}, {"source", "Nikkei Asia"}, {"collapse", "false"}})) ==
          std::vector<std::string>{"nissan-1", "battery"});
}

TEST_CASE("paging: pages do not overlap and past the end is empty") {
    const auto p1 = ids(search({{"q", "electric"}, {"per_page", "2"}, {"collapse", "false"}}));
    const auto p2 =
        ids(search({{"q", "electric"}, {"per_page", "2"}, {"page", "2"}, {"collapse", "false"}}));
    CHECK(p1.size() == 2);
    CHECK(p2.size() == 2);
    for (const auto& id : p2) CHECK(std::find(p1.begin(), p1.end(), id) == p1.end());
    CHECK(ids(search({{"q", "electric"}, {"page", "50"}})).empty());
}

TEST_CASE("article, highlighted article, unknown article") {
    auto s = searcher();
    const json a = s.article("cocoa", std::nullopt);
    CHECK(a["title"] == "Bahia cocoa review");
    CHECK(!a.contains("highlighted"));
    const json h = s.article("cocoa", std::string_view("drought"));
    CHECK(h["highlighted"]["paragraphs"][0].get<std::string>().find("<mark>drought</mark>") !=
          std::string::npos);
    CHECK(status_of([&] { s.article("nope", std::nullopt); }) == 404);
    CHECK(s.article("nissan-1", std::nullopt)["duplicates"].size() == 1);
}

TEST_CASE("a word sought in the title alone is marked in the title, not in the body") {
    const json r = search({{"q", "title:cocoa"}});
    REQUIRE(r["hits"].size() == 1);
    CHECK(r["hits"][0]["title"] == "Bahia <mark>cocoa</mark> review");
    const std::string snippet = r["hits"][0]["snippet"];
    CHECK(snippet.find("cocoa") != std::string::npos);
    CHECK(snippet.find("<mark>") == std::string::npos);
    CHECK(search({{"q", "title:\"cocoa review\""}})["hits"][0]["title"] ==
          "Bahia <mark>cocoa</mark> <mark>review</mark>");
    const json both = search({{"q", "title:review drought"}});
    REQUIRE(both["hits"].size() == 1);
    CHECK(both["hits"][0]["title"] == "Bahia cocoa <mark>review</mark>");
    CHECK(both["hits"][0]["snippet"].get<std::string>().find("<mark>drought</mark>") !=
          std::string::npos);
    // Another field's words are no title words.
    CHECK(search({{"q", "source:Reuters title:cocoa"}})["hits"][0]["title"] ==
          "Bahia <mark>cocoa</mark> review");
    auto s = searcher();
    const json h = s.article("cocoa", std::string_view("title:cocoa"));
    CHECK(h["highlighted"]["title"] == "Bahia <mark>cocoa</mark> review");
    CHECK(h["highlighted"]["paragraphs"][0].get<std::string>().find("<mark>") == std::string::npos);
    const json excluded = s.article("cocoa", std::string_view("drought -title:review"));
    CHECK(excluded["highlighted"]["title"] == "Bahia cocoa review");
}

TEST_CASE("the article view marks a misspelt word as the search corrected it") {
    auto s = searcher();
    const auto marks = [&](std::string_view q) {
        const json h = s.article("cocoa", q);
        return h["highlighted"]["paragraphs"][0].get<std::string>();
    };
    CHECK(marks("Bahia cocao").find("<mark>cocoa</mark>") != std::string::npos);
    CHECK(marks("Bahia cocao").find("<mark>Bahia</mark>") != std::string::npos);
    CHECK(marks("drougth").find("<mark>drought</mark>") != std::string::npos);
    // No correction the search would not make: "zon" is too short to be read as "zone".
    CHECK(marks("zon").find("<mark>") == std::string::npos);
}

TEST_CASE("an excluded word is never marked, in the article view or in snippets") {
    auto s = searcher();
    for (const char* q : {"-drought", "NOT drought", "Bahia -drought", "cocoa NOT drought"}) {
        CAPTURE(q);
        const json h = s.article("cocoa", std::string_view(q));
        const std::string body = h["highlighted"]["paragraphs"][0].get<std::string>();
        CHECK(body.find("<mark>drought</mark>") == std::string::npos);
        CHECK(body.find("drought") != std::string::npos);
    }
    const std::string marked =
        s.article("cocoa", std::string_view("Bahia -drought"))["highlighted"]["paragraphs"][0]
            .get<std::string>();
    CHECK(marked.find("<mark>Bahia</mark>") != std::string::npos);
    // Found through "electric", an article holding the excluded word is shown unmarked for it.
    const json r = search({{"q", "electric OR (cocoa -carmakers)"}, {"collapse", "false"}});
    bool seen = false;
    for (const auto& hit : r["hits"]) {
        const std::string snippet = hit["snippet"].get<std::string>();
        seen = seen || snippet.find("carmakers") != std::string::npos;
        CHECK(snippet.find("<mark>carmakers</mark>") == std::string::npos);
    }
    CHECK(seen);
}

TEST_CASE("similar articles exclude the article and its duplicates") {
    auto s = searcher();
    const json r = s.similar("nissan-1", 5);
    for (const auto& h : r["hits"]) {
        CHECK(h["id"] != "nissan-1");
        CHECK(h["id"] != "nissan-2");
    }
    CHECK(!r["hits"].empty());
    CHECK(status_of([&] { s.similar("nope", 5); }) == 404);
}

TEST_CASE("stats and a missing index") {
    auto s = searcher();
    const json st = s.stats();
    CHECK(st["articles"] == 5);
    CHECK(st["duplicate_clusters"] == 1);
    CHECK(st["sources"].size() == 3);
    CHECK(st["dates"] == json{{"first", "2023-05-01"}, {"last", "2025-07-08"}, {"articles", 3}});
    CHECK(status_of([] { news::Searcher({"/nonexistent/index/dir", {}}); }) == 503);
}

TEST_CASE("search: the dated results by year, or by month within one year") {
    const json years = search({{"q", "electric"}});
    // nissan-1 (2025) stands for its undated duplicate; battery has no date.
    CHECK(years["facets"]["published"] ==
          json::parse(R"([{"value": "2024", "count": 1, "from": "2024-01-01", "to": "2024-12-31"},
                          {"value": "2025", "count": 1, "from": "2025-01-01", "to": "2025-12-31"}])"));
    const json months = search({{"q", "electric"}, {"from", "2024-01-01"}, {"to", "2024-12-31"}});
    CHECK(months["facets"]["published"] ==
          json::parse(
              R"([{"value": "2024-01", "count": 1, "from": "2024-01-01", "to": "2024-01-31"}])"));
    CHECK(search({{"q", "supply"}, {"collapse", "false"}})["facets"]["published"] == json::array());
    const json all = search({{"q", ""}, {"source", "Reuters"}});
    CHECK(all["facets"]["published"].size() == 2);  // 2023 and 2024
}

TEST_CASE("stats: no date span when no article has a date, and one that shrinks on removal") {
    const ScratchPath dir("news-search-test-dates");
    write_index(dir, [](news::IndexWriter& writer) {
        writer.put(make("undated", "Battery plant", "FT", {"A battery plant in Japan."}));
    });
    CHECK(news::Searcher({dir.string(), {}}).stats()["dates"].is_null());
    write_index(dir, [](news::IndexWriter& writer) {
        writer.put(make("old", "Cocoa", "FT", {"Cocoa review."}, "1961-04-12"));
        writer.put(make("new", "Cocoa again", "FT", {"Cocoa review again."}, "2024-01-05"));
    });
    CHECK(news::Searcher({dir.string(), {}}).stats()["dates"] ==
          json{{"first", "1961-04-12"}, {"last", "2024-01-05"}, {"articles", 2}});
    {
        news::IndexWriterOptions options;
        options.db_path = dir.string();
        news::IndexWriter writer(options);
        writer.begin_file("fixture.jsonl", "h2");  // the file again, without "old"
        writer.put(make("new", "Cocoa again", "FT", {"Cocoa review again."}, "2024-01-05"));
        writer.end_file();
        writer.commit();
    }
    CHECK(news::Searcher({dir.string(), {}}).stats()["dates"] ==
          json{{"first", "2024-01-05"}, {"last", "2024-01-05"}, {"articles", 1}});
}

TEST_CASE("searchers on many threads at once: stats, date sorts and empty queries stay whole") {
    // Each thread has its own Searcher, as the server's workers do. What they share must be
    // thread-safe: a Xapian::Query copied from one global object (Query::MatchAll) is not, its
    // reference count raced and the server crashed under load.
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            auto s = searcher();
            news::QueryPairs sorted{{"q", ""}, {"sort", "date"}, {"source", "FT"}};
            for (int i = 0; i < 300; ++i) {
                if (s.stats()["articles"] != 5) ++wrong;
                const auto r = s.search(news::parse_search_params(sorted, {}));
                if (r["hits"].empty()) ++wrong;
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(wrong == 0);
}

TEST_CASE("collapsing keeps the best-ranked article of each cluster, on every page") {
    // Ten stories, three copies each (outlets), the stories' relevance to "harvest" rising with k.
    const ScratchPath dir("news-search-collapse");
    write_index(dir, [](news::IndexWriter& writer) {
        const char* outlets[] = {"Reuters", "BBC News", "AP"};
        const char* topics[] = {"wheat",  "coffee", "cotton", "sugar", "maize",
                                "barley", "cocoa",  "rice",   "soy",   "oats"};
        for (int k = 0; k < 10; ++k) {
            // Words of its own for each story, so that only a story's copies are alike.
            std::string text;
            for (int w = 0; w < 40; ++w) text += std::string(topics[k]) + std::to_string(w) + " ";
            for (int r = 0; r <= k; ++r) text += "harvest ";
            for (int j = 0; j < 3; ++j) {
                writer.put(make(std::string(topics[k]) + "-" + std::to_string(j),
                                std::string(topics[k]) + " report", outlets[j], {text}));
            }
        }
    });
    news::Searcher s({dir.string(), {}});
    auto run = [&](news::QueryPairs pairs) {
        return s.search(news::parse_search_params(pairs, {}));
    };
    // A word goes through term_ranker; a phrase through Xapian's matcher, whose ranked pass also
    // counts. Stories 1..9 say "harvest harvest", story 0 says it once.
    struct Case {
        std::string q;
        std::size_t articles;
        std::size_t stories;
    };
    for (const Case& c : {Case{"harvest", 30, 10}, Case{"\"harvest harvest\"", 27, 9}}) {
        CAPTURE(c.q);
        const json all = run({{"q", c.q}, {"collapse", "false"}, {"per_page", "100"}});
        REQUIRE(all["hits"].size() == c.articles);
        CHECK(all["total"]["estimated"] == c.articles);
        // The expected order: the uncollapsed ranking with every later copy of a story dropped.
        std::vector<std::string> expected;
        std::set<std::string> clusters;
        for (const auto& h : all["hits"]) {
            const std::string id = h["id"];
            if (clusters.insert(s.article(id, std::nullopt)["cluster"].get<std::string>()).second)
                expected.push_back(id);
        }
        REQUIRE(expected.size() == c.stories);
        for (const int per_page : {1, 3, 4, 10}) {
            std::vector<std::string> paged;
            for (int page = 1; page <= 10; ++page) {
                const json r = run({{"q", c.q},
                                    {"per_page", std::to_string(per_page)},
                                    {"page", std::to_string(page)}});
                CHECK(r["total"]["estimated"] == c.stories);
                // Facets count articles, every copy included.
                for (const auto& f : r["facets"]["source"]) CHECK(f["count"] == c.stories);
                CHECK(r["facets"]["source"].size() == 3);
                for (const auto& id : ids(r)) paged.push_back(id);
            }
            CAPTURE(per_page);
            CHECK(paged == expected);
        }
    }
}

TEST_CASE("totals and facets of a query Xapian ranks cover every match, even where it prunes") {
    // An OR of a rare word and a common one: once the page holds articles with the rare word,
    // Xapian's matcher skips articles that have only the common word, so a count taken from the
    // ranked pass is exact only because that pass is told to check every match.
    const ScratchPath dir("news-search-prune");
    write_index(dir, [](news::IndexWriter& writer) {
        auto words = [](int i, const char* lead) {
            // Words of its own for each article, so that no two are near-duplicates.
            std::string text = lead;
            for (int w = 0; w < 30; ++w) text += " w" + std::to_string(i) + "x" + std::to_string(w);
            return text;
        };
        for (int i = 0; i < 10; ++i) {
            writer.put(make("rare-" + std::to_string(i), "rare " + std::to_string(i), "Reuters",
                            {words(i, "zebra zebra zebra common")}));
        }
        for (int i = 10; i < 300; ++i) {
            writer.put(make("common-" + std::to_string(i), "common " + std::to_string(i),
                            i % 2 ? "Reuters" : "BBC News", {words(i, "common")}));
        }
    });
    news::Searcher s({dir.string(), {}});
    for (const char* collapse : {"true", "false"}) {
        CAPTURE(collapse);
        const json r = s.search(news::parse_search_params(
            {{"q", "zebra common"}, {"op", "or"}, {"per_page", "1"}, {"collapse", collapse}}, {}));
        CHECK(r["total"]["estimated"] == 300);
        int counted = 0;
        for (const auto& f : r["facets"]["source"]) counted += f["count"].get<int>();
        CHECK(counted == 300);
        REQUIRE(r["hits"].size() == 1);
        CHECK(r["hits"][0]["id"].get<std::string>().starts_with("rare-"));
    }
}

TEST_CASE("an article the indexer changes is shown changed: the article cache is per revision") {
    const ScratchPath dir("news-search-cache");
    write_index(dir, [](news::IndexWriter& writer) {
        writer.put(make("harbour", "Harbour report", "Reuters",
                        {"The harbour crane was idle on Monday, dockers said."}));
        writer.put(make("other", "Other report", "Reuters", {"Nothing about cranes here."}));
    });
    const auto params = news::parse_search_params({{"q", "harbour"}}, {});
    news::Searcher cached({dir.string(), {}});
    news::Searcher uncached({dir.string(), {}, /*article_cache_bytes=*/0});
    auto snippet = [&](news::Searcher& s) {
        const json r = s.search(params);
        REQUIRE(r["hits"].size() == 1);
        return r["hits"][0]["snippet"].get<std::string>();
    };
    const std::string before = snippet(cached);
    CHECK(before.find("idle on Monday") != std::string::npos);
    CHECK(snippet(cached) == before);  // from the cache this time
    CHECK(snippet(uncached) == before);

    {  // The same id (so the same docid) with new text, in a new revision.
        news::IndexWriterOptions options;
        options.db_path = dir.string();
        news::IndexWriter writer(options);
        writer.begin_file("fixture.jsonl", "h2");
        writer.put(make("harbour", "Harbour report", "Reuters",
                        {"The harbour crane worked through Tuesday night, dockers said."}));
        writer.put(make("other", "Other report", "Reuters", {"Nothing about cranes here."}));
        writer.end_file();
        writer.commit();
    }
    cached.refresh();
    uncached.refresh();
    const std::string after = snippet(cached);
    CHECK(after.find("through Tuesday night") != std::string::npos);
    CHECK(after.find("idle on Monday") == std::string::npos);
    CHECK(snippet(uncached) == after);
}
