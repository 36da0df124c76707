// The simdjson reading of JSON Lines records must give exactly the article the nlohmann
// reading gives, and leave every line it is not sure of (errors included) to nlohmann.

#include "core/ingest/jsonl_fast.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/ingest/jsonl.hpp"

namespace {

enum class Path { fast, nlohmann, either };

void check_same(const std::string& line, Path path) {
    const news::JsonlRecord slow = news::parse_jsonl_line_nlohmann(line, "f.jsonl");
    const auto fast = news::parse_jsonl_fast(line, "f.jsonl");
    if (path != Path::either)
        CHECK_MESSAGE(fast.has_value() == (path == Path::fast), "line: " << line);
    if (fast) {
        REQUIRE_MESSAGE(slow.article.has_value(), "line: " << line);
        CHECK_MESSAGE(*fast == *slow.article, "line: " << line);
    }
    const news::JsonlRecord both = news::parse_jsonl_line(line, "f.jsonl");
    CHECK(both.article == slow.article);
    CHECK(both.error == slow.error);
}

}  // namespace

TEST_CASE("jsonl fast path: the same articles as nlohmann's reading") {
    const std::vector<std::string> fast = {
        R"({"id":"n1","title":"T","body":"One.\n\nTwo.","source":"BBC","author":"Jo Bloggs",)"
        R"("url":"http://x","published":"2025-01-02","extra":1})",
        R"(  {"id": 42, "title": "  Spaced  ", "body": " \n\n Para  one \n line two\n\n\n"}  )",
        R"({"id":-7,"title":"T","authors":["A  B"," ","C"],"author":"ignored"})",
        R"({"id":"x","title":"T","authors":null,"author":"ignored","source":null,"body":null})",
        R"({"id":"x","title":"T","date":"2024-02-30","source":"","url":" "})",
        R"({"id":"x","title":"T","published":"","date":"2024-03-01T10:00"})",
        R"({"id":"x","title":"T\"quoted\" \\ \/ \t tab","nested":{"id":"inner","a":[1,2.5e3]}})",
        "{\"id\":\"x\",\"title\":\"caf\xc3\xa9 \xe2\x80\x94 \xe6\x9d\xb1\"}\r",
    };
    for (const auto& line : fast) check_same(line, Path::fast);
}

TEST_CASE("jsonl fast path: odd lines and errors are left to nlohmann") {
    const std::vector<std::string> slow = {
        "{not json",
        "",
        "[1,2]",
        R"("just a string")",
        R"({"title":"no id"})",
        R"({"id":"x"})",
        R"({"id":"  ","title":"T"})",
        R"({"id":"x","title":"  "})",
        R"({"id":"x","title":"T","title":"second wins in nlohmann"})",
        R"({"id":"x","title":"T","creator":"Jo"})",
        R"({"id":"x","title":"T","dc:creator":["Jo","Al"]})",
        R"({"id":"x","id":"y","title":"T"})",
        R"({"id":"x","title":"T","content":"the body under another name"})",
        R"({"id":"x","title":"T","body":null,"summary":"S"})",
        R"({"id":"x","title":"T","body":"B","content_html":"<p>H</p>"})",
        R"({"title":"T","body":"B","url":"https://x.example/a"})",
        R"({"guid":"g","title":"T"})",
        R"({"id":"x","title":"T","link":"https://x.example/a"})",
        R"({"id":"x","title":"T","publishedAt":"2024-01-05T09:30:00Z"})",
        R"({"id":"x","title":"T","source":{"name":"BBC News"}})",
        R"({"id":"x","title":"T","authors":[{"name":"Jo"}]})",
        R"({"id":18446744073709551615,"title":"T"})",
        R"({"id":1.5,"title":"T"})",
        R"({"id":123456789012345678901234567890,"title":"T"})",
        R"({"id":"x","title":7})",
        R"({"id":"x","title":"T","authors":[1]})",
        R"({"id":"x","title":"T","body":["a"]})",
        R"({"id":"x","title":"T","date":5,"published":"2024-01-01"})",
        R"({"id":"x","title":"caf\u00e9"})",
        R"({"id":"x","title":"\ud800"})",
        "{\"id\":\"x\",\"title\":\"raw\ttab\"}",
        "{\"id\":\"x\",\"title\":\"T\"}\f",
        R"({"id":"x","title":"T"} trailing)",
        R"({"id":"x","title":"T","n":1e400})",
        R"({"id":")" + std::string(300, 'a') + R"(","title":"T"})",
    };
    for (const auto& line : slow) check_same(line, Path::nlohmann);
    // Whichever path reads these, the article (or the error) is nlohmann's.
    for (const std::string line :
         {R"({"id":-0,"title":"T"})", "\xef\xbb\xbf{\"id\":\"x\",\"title\":\"T\"}"}) {
        check_same(line, Path::either);
    }
}

TEST_CASE("jsonl fast path: the bench-like sample feed reads alike") {
    std::ifstream in(std::string(NEWS_TEST_DATA_DIR) + "/fuzz/search_index.jsonl");
    std::size_t lines = 0, read_fast = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        const auto slow = news::parse_jsonl_line_nlohmann(line, "f.jsonl");
        const auto fast = news::parse_jsonl_fast(line, "f.jsonl");
        if (fast) CHECK(slow.article == fast);
        read_fast += fast ? 1 : 0;
    }
    CHECK(lines > 0);
    CHECK(read_fast == lines);
}
