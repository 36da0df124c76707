// The response writer must produce what nlohmann's dump() produces, faster.
#include "core/text/json_writer.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/model/article.hpp"

namespace {

using nlohmann::json;

std::string reference(const json& v) {
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("write_json equals dump() byte for byte on API-shaped values") {
    const json values[] = {
        json::parse(R"({"query":"Foxconn \"Nissan\"","corrected_query":null,"page":1,
                        "took_ms":1.734,"total":{"estimated":2,"lower_bound":2},
                        "hits":[{"title":"<mark>Foxconn</mark> eyes Japan\u2014made EVs caf\u00e9",
                                 "score":462.72612345,"percent":100,"authors":[],
                                 "snippet":"tab\there, newline\n, back\\slash, nul \u0000 bell \u0007 del \u007f",
                                 "emoji":"\ud83d\ude00 \u4e2d\u6587"}],"ok":true,"no":false})"),
        json(-42),
        json(std::uint64_t{18446744073709551615ULL}),
        json(0.5),
        json(12.0),
        json(-0.001),
        json(1e300),
        json(3.0e-7),
        json::array(),
        json::object(),
        json(""),
        json("plain"),
    };
    for (const auto& v : values) {
        CAPTURE(reference(v));
        CHECK(news::write_json(v) == reference(v));
    }
}

TEST_CASE("write_json replaces invalid UTF-8 and stays parseable") {
    const std::string bad[] = {"\xff",
                               "a\xc3",
                               "\xe0\x80\x80",
                               "\xed\xa0\x80",
                               "\xf4\x90\x80\x80",
                               "ok \xc3\xa9 then \x80 end"};
    for (const auto& s : bad) {
        const std::string out = news::write_json(json(s));
        CAPTURE(out);
        const auto back = json::parse(out);
        CHECK(back.get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
    }
    CHECK(news::write_json(json("ok \xc3\xa9")) == "\"ok \xc3\xa9\"");
}

TEST_CASE("write_json writes non-finite numbers as null, as dump() does") {
    CHECK(news::write_json(json(std::numeric_limits<double>::infinity())) == "null");
    CHECK(news::write_json(json(std::nan(""))) == "null");
}

TEST_CASE("write_json equals the strict dump() of an article (what the article slot stores)") {
    news::Article a;
    a.id = "feed-\"1\"";
    a.title =
        "Caf\xC3\xA9 \xE2\x80\x9Cquotes\xE2\x80\x9D\ttab \\ back \x7F del \x01 ctl "
        "\xF0\x9F\x98\x80";
    a.title_derived = true;
    a.source = "Reuters";
    a.authors = {"A. Writer", "B \"Nick\" Writer"};
    a.published = "2025-07-08";
    a.headings = {{"Heading \xE4\xB8\xAD", 2}};
    a.paragraphs = {"First\nparagraph.", "", "Third </script> paragraph."};
    a.origin = "feed.jsonl";
    a.origin_position = 18446744073709551615ULL;
    const json article = a;
    CHECK(news::write_json(article) == article.dump());
    a = news::Article{};  // empty optionals and lists too
    CHECK(news::write_json(json(a)) == json(a).dump());
}
