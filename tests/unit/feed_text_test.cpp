#include "core/ingest/feed_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "read_record.hpp"

TEST_CASE("feed text: an RSS author's e-mail address gives way to the name after it") {
    CHECK(news::rss_author_name("jane@example.org (Jane Doe)") == "Jane Doe");
    CHECK(news::rss_author_name("j.doe@news.example.co.uk (Jane O'Doe, Tokyo)") ==
          "Jane O'Doe, Tokyo");
    // Not an address and a name: left as it is.
    CHECK(news::rss_author_name("Jane Doe (Reuters)") == "Jane Doe (Reuters)");
    CHECK(news::rss_author_name("jane@example.org") == "jane@example.org");
    CHECK(news::rss_author_name("@jane (Jane)") == "@jane (Jane)");
    CHECK(news::rss_author_name("jane@ (Jane)") == "jane@ (Jane)");
    CHECK(news::rss_author_name("jane@example.org ()") == "jane@example.org ()");
    CHECK(news::rss_author_name("jane@example.org (Jane") == "jane@example.org (Jane");
    CHECK(news::rss_author_name("") == "");
}

TEST_CASE("feed text: NewsAPI's cut marker is not text") {
    CHECK(news::without_cut_marker("Shares rose on Friday as the board… [+2345 chars]") ==
          "Shares rose on Friday as the board");
    CHECK(news::without_cut_marker("Shares rose... [+12 chars]\n") == "Shares rose");
    CHECK(news::without_cut_marker("Shares rose [+7 chars]") == "Shares rose");
    // Anything else stays.
    CHECK(news::without_cut_marker("Shares rose [+ chars]") == "Shares rose [+ chars]");
    CHECK(news::without_cut_marker("Shares rose [12 chars]") == "Shares rose [12 chars]");
    CHECK(news::without_cut_marker("[+12 chars] at the start.") == "[+12 chars] at the start.");
    CHECK(news::without_cut_marker("Plain text.") == "Plain text.");
    CHECK(news::without_cut_marker("[+3 chars]") == "");
}

TEST_CASE("feed text: applied to a record's authors and body on both readers") {
    const auto a = news::testing::read_record(
        R"j({"id":"f1","title":"T","author":"jane@example.org (Ren&eacute;e Doe)",)j"
        R"j("body":"Zorblat shares rose on Friday\u2026 [+2345 chars]"})j");
    CHECK(a.authors == std::vector<std::string>{"Renée Doe"});
    CHECK(a.paragraphs == std::vector<std::string>{"Zorblat shares rose on Friday"});
    const auto b = news::testing::read_record(
        R"j({"id":"f2","title":"T","authors":["ann@x.example (Ann)","Bo"],)j"
        R"j("body":"Rose… [+9 chars]"})j");
    CHECK(b.authors == std::vector<std::string>{"Ann", "Bo"});
    CHECK(b.paragraphs == std::vector<std::string>{"Rose"});
}
