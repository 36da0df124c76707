// One test per cleaning rule (docs/cleaning.md), each with cases where the rule must fire and
// cases where it must not.
#include <doctest/doctest.h>

#include "core/clean/chrome_lines.hpp"
#include "core/clean/header_lines.hpp"
#include "core/clean/line_rules.hpp"
#include "core/clean/page_cleaner.hpp"

using namespace news::clean;

namespace {

// A page with a headline and two real paragraphs around the line under test.
news::Article clean_one(const std::string& middle) {
    const std::string page =
        "Carmakers race to build batteries\n"
        "The first paragraph of the story explains what happened to the factory this week.\n" +
        middle +
        "\nThe last paragraph of the story says what the company expects to happen next year.\n";
    auto articles = news::clean_page(page, "t.txt");
    REQUIRE(!articles.empty());
    return articles.front();
}

bool has_paragraph(const news::Article& a, std::string_view text) {
    for (const auto& p : a.paragraphs) {
        if (p == text) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("rule chrome-line: stand-alone site labels are dropped") {
    for (const char* line :
         {"Advertisement", "Hashtags", "Comments", "No comments yet...", "Leave a Reply",
          "Share it on...", "logo", "Comments0", "300", "-", "Try Our AI Features",
          "Explore what Daily8 AI can do for you:", "DOWNLOAD THE APP", "app-storeplay-store",
          "Orange background", "Skip to content", "Quick access to main page (top)",
          "Sign up here to receive our newsletter each week."}) {
        CHECK_MESSAGE(is_chrome_line(line), line);
        CHECK_MESSAGE(clean_one(line).paragraphs.size() == 2, line);
    }
}

TEST_CASE("rule chrome-line does not fire on real sentences that use the same words") {
    const std::string comments =
        "Comments from the minister drew criticism from opposition lawmakers on Tuesday.";
    const std::string advert =
        "The company said its Advertisement budget would be cut by half next year.";
    CHECK_FALSE(is_chrome_line(comments));
    CHECK_FALSE(is_chrome_line(advert));
    CHECK(has_paragraph(clean_one(comments), comments));
    CHECK(has_paragraph(clean_one(advert), advert));
}

TEST_CASE("rule link-list: a list header and the headlines under it are dropped") {
    const auto a = clean_one(
        "Suggested reads\n-\nIndonesia's talent exodus worries industry (Nikkei Asia)\n-\n"
        "Why carmakers need to bring back buttons (FT)\n"
        "[ASIA] Latest Stories\n  • North Korea's Secret Talks with Putin: What Is Going On?\n"
        "You May Also Like\n  • 1\n    Ford Announces Job Cuts in Europe\n    BUSINESS\n");
    CHECK(a.paragraphs.size() == 2);
    CHECK(is_list_header("Weekly Best Articles"));
    CHECK(is_list_header("Must-Reads"));
    CHECK(is_list_header("More from Opinion"));
    CHECK_FALSE(is_list_header("More from the minister's speech is expected on Friday"));
    CHECK_FALSE(is_list_header("Latest figures show a rise in sales"));
}

TEST_CASE("rule link-list ends at the first line of prose") {
    const std::string prose =
        "#techAsia is co-ordinated by our desk in Tokyo, with assistance from the desk in London.";
    const auto a = clean_one("Suggested reads\n1. A headline about chips (FT)\n" + prose);
    CHECK(has_paragraph(a, prose));
}

TEST_CASE("rule podcast-banner: a link bar takes the promotion above it") {
    const auto a = clean_one(
        "Robots fail to deliver\nWelcome to the Tech podcast. Every week we talk about tech.\n"
        "In this episode, our reporter speaks with an analyst about robots.\n"
        "Find us on Apple Podcasts | Spotify | Amazon Music | YouTube");
    CHECK(a.paragraphs.size() == 2);
    CHECK_FALSE(is_link_bar("Prices rose 5% | analysts expected a smaller increase in the month"));
}

TEST_CASE("rule chrome-line: consent banners, share bars, story links, tags, copyright, sections") {
    for (const char* line :
         {"We use cookies to improve your experience. By continuing you agree to our Cookie "
          "Policy. Accept all cookies",
          "This website uses cookies. OK",
          "Facebook Twitter LinkedIn Email",
          "Share: Facebook | X | WhatsApp",
          "Read more: Honda and GM to co-develop affordable EVs",
          "READ MORE: Why carmakers need buttons",
          "Tags: Toyota, Batteries, Electric vehicles",
          "Filed under: Business",
          "\xC2\xA9 2024 Reuters. All rights reserved.",
          "Copyright 2024 The Daily Planet",
          "World  Business  Markets  Tech  Opinion",
          "4 min read",
          "12 mins read",
          "Reading time: 4 minutes",
          "Home > Business > Autos",
          "News \xE2\x80\xBA World \xE2\x80\xBA Asia",
          "Advertisement \xC2\xB7 Scroll to continue",
          "Purchase Licensing Rights, opens new tab",
          "Sign up here.",
          "Join the conversation",
          "Show comments",
          "Open in app"}) {
        CHECK_MESSAGE(is_chrome_line(line), line);
        CHECK_MESSAGE(clean_one(line).paragraphs.size() == 2, line);
    }
    // The same words in sentences of an article stay.
    for (const char* line :
         {"Regulators said sites must ask users to accept cookies before tracking them.",
          "The bakery's cookie sales rose 20% after it cut prices, the company said.",
          "Facebook and Twitter were both fined by the regulator on Tuesday.",
          "Read more about the plan in the company's annual report, the spokesman said.",
          "The newspaper said all rights reserved for the league would be sold next year.",
          "Toyota to build battery plant in North Carolina", "Shares rose 4 min after the open",
          "Prices > costs > wages, the report said.",
          "Advertisement revenue fell 10% in the quarter, the company said."}) {
        CHECK_FALSE_MESSAGE(is_chrome_line(line), line);
    }
}

TEST_CASE("rule caption: photo captions with their credit are dropped") {
    CHECK(is_caption("Photo: A Toyota logo at the Tokyo Motor Show. (Reuters)"));
    CHECK(is_caption("Image: Getty Images"));
    CHECK(is_caption("The N7 electric car displayed during the Auto Show. Photo: AFP"));
    CHECK(is_caption("The minister speaks in Tokyo on December 18, 2023./Reuters-Yonhap News"));
    CHECK_FALSE(is_caption("The photo: a reporter's account of the night the plant closed down."));
    CHECK(clean_one("The N7 electric car displayed during the Auto Show. Photo: AFP")
              .paragraphs.size() == 2);
}

TEST_CASE("rule char-refs: references a scraper kept are read as their characters") {
    const auto a = news::clean_page(
        "Pel&#233; visits S&atilde;o Paulo\n"
        "The footballer Pel&eacute; returned to the city on Monday &amp; met AT&T staff there.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].title == "Pelé visits São Paulo");
    REQUIRE(a[0].paragraphs.size() == 1);
    CHECK(a[0].paragraphs[0] ==
          "The footballer Pelé returned to the city on Monday & met AT&T staff there.");
}

TEST_CASE("rule title: the headline is the first short line, duplicates collapse") {
    const auto a = news::clean_page(
        "logo\nFoxconn eyes Japan-made EVs\n\nFoxconn eyes Japan-made EVs\n\n"
        "Nikkei Asia2 days ago\n"
        "Hello everyone, this is a newsletter about technology in Asia this week.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].title == "Foxconn eyes Japan-made EVs");
    CHECK_FALSE(a[0].title_derived);
    CHECK(a[0].paragraphs.size() == 1);
}

TEST_CASE("rule derived-title: a page without a headline gets its first sentence") {
    const auto a = news::clean_page(
        "Taiwanese technology giant Foxconn, meanwhile, is laying the groundwork to take advantage "
        "of Japan's ramping up of electric vehicle production. It names partners.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].title_derived);
    CHECK(a[0].title.size() <= 80 + 3);
    CHECK(a[0].title.starts_with("Taiwanese technology giant Foxconn"));
    CHECK(a[0].title.ends_with("\xE2\x80\xA6"));
}

TEST_CASE("rule source-time: outlet and time glued together are split") {
    auto st = source_and_time("Nikkei Asia2 days ago");
    REQUIRE(st);
    CHECK(st->source == "Nikkei Asia");
    CHECK(st->time == "2 days ago");
    st = source_and_time("time7 hours ago");
    REQUIRE(st);
    CHECK(st->source.empty());
    CHECK(st->time == "7 hours ago");
    CHECK_FALSE(source_and_time("The plant was built many years ago"));
    CHECK_FALSE(source_and_time("Sales rose two years ago"));
}

TEST_CASE("rule byline: authors only from explicit bylines") {
    const auto authors = [](std::string_view line) {
        const auto b = byline(line);
        return b ? b->authors : std::vector<std::string>{};
    };
    CHECK(authors("By Jane Doe") == std::vector<std::string>{"Jane Doe"});
    CHECK(authors("Daniel Kim Views") == std::vector<std::string>{"Daniel Kim"});
    CHECK(authors("By Jane Doe and John Roe") == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(authors("By Jane Doe, John Roe and Ann Lee") ==
          std::vector<std::string>{"Jane Doe", "John Roe", "Ann Lee"});
    const auto with_outlet = byline("By Jane Doe and John Roe | Reuters");
    REQUIRE(with_outlet);
    CHECK(with_outlet->authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(with_outlet->source == "Reuters");
    CHECK(byline("By Jane Doe")->source.empty());
    CHECK_FALSE(byline("By the end of the year"));
    CHECK_FALSE(byline("By Jane Doe and the rest of the team"));
    CHECK_FALSE(byline("by then, prices had risen - and so had wages"));
    CHECK_FALSE(byline("writes Nikkei Asia's Cissy Zhou"));
    // Full names alone: two or more, so a short capitalised headline is not taken for one.
    CHECK(authors("Kantaro Komiya, Daniel Leussink") ==
          std::vector<std::string>{"Kantaro Komiya", "Daniel Leussink"});
    CHECK_FALSE(byline("Honda Nissan Merger Talks"));
    CHECK_FALSE(byline("Honda and Nissan"));
    const auto a = clean_one("Daniel Kim\ncontent@example.com");
    CHECK(a.authors == std::vector<std::string>{"Daniel Kim"});
    CHECK(a.paragraphs.size() == 2);
    CHECK(a.headings.empty());
}

TEST_CASE("rule heading: short capitalised lines between paragraphs are section headings") {
    const auto a = clean_one("Painful spikes");
    REQUIRE(a.headings.size() == 1);
    CHECK(a.headings[0].text == "Painful spikes");
    CHECK(a.headings[0].before == 1);
    CHECK(looks_like_heading("Just-in-time co-operation?"));
    CHECK_FALSE(looks_like_heading("He said so."));
    CHECK_FALSE(looks_like_heading("and then the rest of it"));
}

TEST_CASE("rule open-quote: a quotation broken across two lines is joined") {
    const auto a = clean_one("It plans to roll out 10 '\nnew-energy vehicles ' (NEVs) by 2027.");
    CHECK(has_paragraph(a, "It plans to roll out 10 ' new-energy vehicles ' (NEVs) by 2027."));
    CHECK_FALSE(ends_open_quote("He called it 'hard'"));
}

TEST_CASE("rule lead-in: a fragment broken off the first paragraph is joined to it") {
    const auto a = news::clean_page(
        "Nissan looks to export electric cars\nJapanese carmaker\n"
        "Nissan Motor is looking to expand in the global market with new vehicles.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    REQUIRE(a[0].paragraphs.size() == 1);
    CHECK(a[0].paragraphs[0].starts_with("Japanese carmaker Nissan Motor"));
}

TEST_CASE("rule related-articles: complete stories become articles, bare links are dropped") {
    const std::string page =
        "Main headline of the page\n"
        "The page's own story has a paragraph of real text about the main event of the day.\n"
        "Related Articles\n\n"
        "Used car dealers suffer\nUsed car dealers suffer\n\nNikkei Asia\n\ntime2 hours ago\n\n"
        "  • Nikkei Asia\n\nUsed car dealers suffer\n\n"
        "Used Japanese cars have strong demand overseas, as they are generally kept in good "
        "condition, and bankruptcies of dealers are rising.\n\n"
        "HKFP\n8 hours ago\n- HKFP\nA bare headline with no text\n"
        "DOWNLOAD THE APP\n";
    const auto a = news::clean_page(page, "rel.txt");
    REQUIRE(a.size() == 2);
    CHECK(a[0].paragraphs.size() == 1);
    CHECK(a[1].id == "rel-1");
    CHECK(a[1].title == "Used car dealers suffer");
    CHECK(a[1].source == "Nikkei Asia");
    CHECK(a[1].published_text == "2 hours ago");
    CHECK(a[1].embedded_in == "rel-0");
    CHECK(a[1].paragraphs.size() == 1);
}

TEST_CASE("rule related-articles: cards anchored by a date, and titles above the anchor") {
    const std::string own =
        "Main headline of the page\n"
        "The page's own story has a paragraph of real text about the main event of the day.\n"
        "Related Stories\n";
    const std::string text =
        "Toyota Motor Corp said on Tuesday it would invest more in a new battery plant in the "
        "state, adding jobs.\n";
    // Title, date, text: the title is above the date, and the date gives `published`.
    auto a = news::clean_page(own + "Toyota to build a battery plant in North Carolina\n" +
                                  "March 5, 2024\n" + text + "Reuters\nUpdated 2024-03-04\n" +
                                  "Honda and GM co-develop cheaper EVs\n" + text,
                              "dated.txt");
    REQUIRE(a.size() == 3);
    CHECK(a[1].title == "Toyota to build a battery plant in North Carolina");
    CHECK_FALSE(a[1].source);
    CHECK(a[1].published_text == "March 5, 2024");
    CHECK(a[1].published == "2024-03-05");
    CHECK(a[1].paragraphs.size() == 1);
    CHECK(a[1].embedded_in == "dated-0");
    // Outlet, date, title, text: as the cards anchored by a relative time.
    CHECK(a[2].title == "Honda and GM co-develop cheaper EVs");
    CHECK(a[2].source == "Reuters");
    CHECK(a[2].published == "2024-03-04");
    CHECK(a[2].paragraphs.size() == 1);

    // A short title above a relative time counts when the scraper printed it twice; a short
    // line above it once may be an outlet's name, and is never made a title.
    a = news::clean_page(own + "Ferry strike ends\nFerry strike ends\n3 hours ago\n" + text +
                             "Nikkei Asia\n2 hours ago\n" + text,
                         "short.txt");
    REQUIRE(a.size() == 2);
    CHECK(a[1].title == "Ferry strike ends");
    CHECK_FALSE(a[1].source);
    CHECK(a[1].published_text == "3 hours ago");
    CHECK_FALSE(a[1].published);
    CHECK(a[1].paragraphs == std::vector<std::string>{text.substr(0, text.size() - 1)});
}

TEST_CASE("the cleaner survives hostile bytes") {
    CHECK(news::clean_page("", "e.txt").empty());
    CHECK(news::clean_page(std::string("\0\0\0", 3), "n.txt").empty());
    const auto a =
        news::clean_page("Head line here\nBroken \xFF bytes in a paragraph of text.\r\n", "b.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].paragraphs[0].find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("rule dateline: a date under the headline is the article's date") {
    const auto d = dateline("Updated March 5, 2024 10:32 AM GMT");
    REQUIRE(d);
    CHECK(d->text == "March 5, 2024 10:32 AM GMT");
    CHECK(d->date == "2024-03-05");
    CHECK(dateline("Published: 5 March 2024")->date == "2024-03-05");
    CHECK(dateline("2024-03-05")->date == "2024-03-05");
    CHECK_FALSE(dateline("Updated 03/05/2024"));  // day and month order unknown
    CHECK_FALSE(dateline("Sales rose in March 2024 as the plant opened"));
}

TEST_CASE("rule title: the headline under labels and banners, with its byline and date") {
    const auto a = news::clean_page(
        "Skip to content\nMenu\nSign in\n"
        "We use cookies to improve your experience. Accept all cookies\n"
        "World  Business  Markets  Tech\n"
        "Electric cars\n"
        "Toyota to build battery plant in North Carolina\n"
        "Toyota to build battery plant in North Carolina\n"
        "By Jane Doe and John Roe | Reuters\n"
        "Updated March 5, 2024 10:32 AM GMT\n"
        "Facebook Twitter LinkedIn Email\n"
        "Toyota Motor Corp said on Tuesday it would invest $1.3 billion in a new battery plant.\n"
        "Photo: A Toyota logo at the Tokyo Motor Show. (Reuters)\n"
        "Read more: Honda and GM to co-develop affordable EVs\n"
        "Analysts said the investment reflected pressure from policy incentives at home.\n"
        "Tags: Toyota, Batteries, Electric vehicles\n"
        "\xC2\xA9 2024 Reuters. All rights reserved.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].title == "Toyota to build battery plant in North Carolina");
    CHECK(a[0].authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(a[0].source == "Reuters");
    CHECK(a[0].published == "2024-03-05");
    CHECK(a[0].published_text == "March 5, 2024 10:32 AM GMT");
    CHECK(a[0].headings.empty());
    CHECK(a[0].paragraphs ==
          std::vector<std::string>{
              "Toyota Motor Corp said on Tuesday it would invest $1.3 billion in a new battery "
              "plant.",
              "Analysts said the investment reflected pressure from policy incentives at home."});
    // Without a copy, byline or date under it, a line further down is not taken for the title.
    const auto b = news::clean_page(
        "Electric cars\nToyota to build battery plant\n"
        "Toyota Motor Corp said on Tuesday it would invest $1.3 billion in a new battery plant.\n",
        "p.txt");
    REQUIRE(b.size() == 1);
    CHECK(b[0].title == "Electric cars");
}

TEST_CASE("rule wire-source: a wire dateline names the outlet of a page that names none") {
    CHECK(wire_source("TOKYO (Reuters) - Japan's Honda Motor said on Monday it would merge.") ==
          "Reuters");
    CHECK(wire_source("WASHINGTON, D.C. (AP) \xE2\x80\x94 The Senate voted on Tuesday.") == "AP");
    CHECK_FALSE(wire_source("Toyota (TM) - the carmaker - said on Monday it would invest."));
    CHECK_FALSE(wire_source("TOKYO - Japan's Honda Motor said on Monday it would merge."));
    CHECK_FALSE(wire_source("US (and Japanese) firms - all of them - gained."));
    const auto a = news::clean_page(
        "Honda, Nissan agree to study merger\nDecember 23, 2024\n"
        "TOKYO (Reuters) - Japan's Honda Motor and Nissan Motor said on Monday they would merge.\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].source == "Reuters");
    CHECK(a[0].paragraphs[0].starts_with("TOKYO (Reuters) - "));  // the text stays as published
}

TEST_CASE("rule standfirst: the line between headline and byline is the article's first text") {
    const auto a = news::clean_page(
        "Opinion\nWhy Japan's carmakers are betting on hybrids\n"
        "The shift to fully electric cars has slowed, and Toyota's bet looks wiser by the day\n"
        "Jane Smith\nPublished 12 February 2024\n"
        "While Western rivals poured billions into battery-only models, Toyota kept faith.\n"
        "Join the conversation\nShow comments\n"
        "More from Opinion\nEurope's EV slowdown is a warning\nCan Nissan survive alone?\n",
        "p.txt");
    REQUIRE(a.size() == 1);
    CHECK(a[0].title == "Why Japan's carmakers are betting on hybrids");
    CHECK(a[0].authors == std::vector<std::string>{"Jane Smith"});
    CHECK(a[0].published == "2024-02-12");
    CHECK(a[0].headings.empty());
    CHECK(
        a[0].paragraphs ==
        std::vector<std::string>{
            "The shift to fully electric cars has slowed, and Toyota's bet looks wiser by the day",
            "While Western rivals poured billions into battery-only models, Toyota kept faith."});
    // A name with no date under it is not taken for a byline.
    const auto b = clean_one("Jane Smith");
    CHECK(b.authors.empty());
}
