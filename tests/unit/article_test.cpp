#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/model/article.hpp"

TEST_CASE("article JSON round-trips every field") {
    news::Article a;
    a.id = "x-1";
    a.title = "Foxconn eyes Japan-made EVs";
    a.title_derived = true;
    a.source = "Nikkei Asia";
    a.authors = {"Cissy Zhou"};
    a.published_text = "2 days ago";
    a.published = "2025-07-08";
    a.headings = {{"Painful spikes", 2}};
    a.paragraphs = {"one", "two", "three"};
    a.origin = "001.txt";
    a.origin_position = 1;
    a.embedded_in = "001-0";
    nlohmann::json j = a;
    CHECK(j["source"] == "Nikkei Asia");
    CHECK(j["headings"][0]["before"] == 2);
    CHECK(j.get<news::Article>() == a);
}

TEST_CASE("absent optionals are null and read back as absent") {
    news::Article a;
    a.id = "y";
    nlohmann::json j = a;
    CHECK(j["source"].is_null());
    CHECK(j["published"].is_null());
    auto back = nlohmann::json::parse(R"({"id":"y","title":"t"})").get<news::Article>();
    CHECK_FALSE(back.source.has_value());
    CHECK(back.title == "t");
    CHECK(news::body_text(a).empty());
}

TEST_CASE("body text joins paragraphs with blank lines") {
    news::Article a;
    a.paragraphs = {"a", "b"};
    CHECK(news::body_text(a) == "a\n\nb");
}
