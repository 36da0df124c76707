// The fast reader of stored articles must see what the article model writes.
#include "core/search/stored_hit.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/model/article.hpp"

TEST_CASE("read_stored_hit reads back every field a result shows") {
    news::Article a;
    a.id = "001_x-0";
    a.title = "Foxconn \"eyes\" Japan\\made EVs \u2014 caf\u00e9";
    a.source = "Nikkei Asia";
    a.authors = {"Cissy Zhou", "Ann \"Q\" Lee"};
    a.published_text = "2 days ago";
    a.published = "2024-02-01";
    a.paragraphs = {"First paragraph.", "Second\twith tab and \u00e9.", ""};
    const std::string data = nlohmann::json(a).dump();

    const auto hit = news::read_stored_hit(data);
    REQUIRE(hit.has_value());
    CHECK(hit->id == a.id);
    CHECK(hit->title == a.title);
    CHECK(hit->source == "Nikkei Asia");
    CHECK(hit->authors == nlohmann::json(a.authors));
    CHECK(hit->published_text == "2 days ago");
    CHECK(hit->published == "2024-02-01");
    CHECK(hit->paragraphs == a.paragraphs);

    const auto no_body = news::read_stored_hit(data, false);
    REQUIRE(no_body.has_value());
    CHECK(no_body->paragraphs.empty());
    CHECK(no_body->title == a.title);
}

TEST_CASE("read_stored_hit: absent optionals are null, not an object is nullopt") {
    news::Article a;
    a.id = "plain";
    a.title = "Plain";
    const auto hit = news::read_stored_hit(nlohmann::json(a).dump());
    REQUIRE(hit.has_value());
    CHECK(hit->source.is_null());
    CHECK(hit->published.is_null());
    CHECK(hit->authors.empty());
    CHECK_FALSE(news::read_stored_hit("not json").has_value());
    CHECK_FALSE(news::read_stored_hit("[1, 2]").has_value());
    CHECK_FALSE(news::read_stored_hit("").has_value());
}
