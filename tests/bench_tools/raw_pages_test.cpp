// The raw pages of the "indexer with cleaning" row (bench/tools/common/raw_pages.hpp): what is
// furniture on a real page, how a page is laid out, and that the cleaner takes the furniture of
// every real page in data/corpus/ off again, so that the row measures cleaning real-looking
// pages down to the articles of the bench corpus.
#include "common/raw_pages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clean/page_cleaner.hpp"

TEST_CASE("raw pages: furniture is what lies above the first and below the last kept line") {
    const std::string page =
        "Menu\nHome | World\n  Rates rise again \nThe bank raised rates.\nAdvertisement\n"
        "Markets fell.\nRelated Articles\nOther story\n";
    const std::vector<std::string> kept{"Rates rise again", "The bank raised rates.",
                                        "Markets fell."};
    const auto f = bench::furniture_of(page, kept);
    REQUIRE(f);
    CHECK(f->before == std::vector<std::string>{"Menu", "Home | World"});
    CHECK(f->after == std::vector<std::string>{"Related Articles", "Other story"});
    CHECK_FALSE(bench::furniture_of(page, std::vector<std::string>{"Not on the page"}));
    CHECK_FALSE(bench::furniture_of("", kept));
}

TEST_CASE("raw pages: a page is the furniture around the title twice and a paragraph a line") {
    const bench::Furniture f{{"Menu"}, {"Share", "Comments"}};
    const std::vector<std::string> paragraphs{"First\nline.", "Second."};
    CHECK(bench::lay_out_page(f, "Title", paragraphs) ==
          "Menu\nTitle\nTitle\nFirst line.\nSecond.\nShare\nComments\n");
}

TEST_CASE("raw pages: the cleaner takes the furniture of every real page off an article again") {
    const auto pages = bench::read_raw_pages(std::string(NEWS_SOURCE_DIR) + "/data/corpus");
    REQUIRE(pages.size() >= 2);
    CHECK(pages.front().origin < pages.back().origin);
    const std::string title = "Harbour authority approves second container terminal";
    const std::vector<std::string> paragraphs{
        "The port authority on Tuesday approved plans for a second container terminal, which "
        "officials said would double the harbour's capacity by the end of the decade.",
        "The project, estimated at 1.2 billion dollars, will be financed by a consortium of "
        "shipping companies and the regional government, according to the authority's filing.",
        "Local fishermen have opposed the expansion, saying dredging would damage breeding "
        "grounds, and a court challenge is expected early next year.",
        "Construction is due to begin in the spring, the authority said in a statement."};
    int with_furniture = 0;
    for (const auto& page : pages) {
        CAPTURE(page.origin);
        const auto f = bench::furniture_of(
            page.text, bench::kept_texts(news::clean_page(page.text, page.origin)));
        REQUIRE(f);
        with_furniture += f->before.size() + f->after.size() > 0 ? 1 : 0;
        const auto cleaned = news::clean_page(bench::lay_out_page(*f, title, paragraphs), "made");
        REQUIRE(cleaned.size() == 1);
        CHECK(cleaned[0].title == title);
        CHECK(cleaned[0].paragraphs == paragraphs);
    }
    CHECK(with_furniture >= 3);
}
