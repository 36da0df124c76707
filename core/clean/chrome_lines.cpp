#include "core/clean/chrome_lines.hpp"

#include <array>

#include "core/clean/line_text.hpp"
#include "core/text/ascii.hpp"

namespace news::clean {
namespace {

// Every kind of chrome is a short line: longer ones are article text and skip the tests.
constexpr std::size_t kChromeMaxWords = 60;

// Labels sites print as whole lines around (not inside) articles.
constexpr std::array<std::string_view, 56> kChromeLabels = {"advertisement",
                                                            "advertisements",
                                                            "sponsored",
                                                            "sponsored content",
                                                            "ad",
                                                            "hashtags",
                                                            "tags",
                                                            "logo",
                                                            "comments",
                                                            "comment",
                                                            "no comments yet",
                                                            "be the first to comment",
                                                            "leave a reply",
                                                            "leave a comment",
                                                            "post a comment",
                                                            "share",
                                                            "share it on",
                                                            "share this",
                                                            "share this article",
                                                            "share this story",
                                                            "print",
                                                            "menu",
                                                            "search",
                                                            "skip to content",
                                                            "skip to main content",
                                                            "back to top",
                                                            "read more",
                                                            "continue reading",
                                                            "listen to this article",
                                                            "follow us",
                                                            "newsletter",
                                                            "try our ai features",
                                                            "download the app",
                                                            "get the app",
                                                            "sign up",
                                                            "subscribe",
                                                            "subscribe now",
                                                            "subscribe here",
                                                            "sign up here",
                                                            "scroll to continue",
                                                            "scroll to continue with content",
                                                            "log in",
                                                            "sign in",
                                                            "related",
                                                            "more",
                                                            "top",
                                                            "close",
                                                            "reply",
                                                            "join the conversation",
                                                            "show comments",
                                                            "view comments",
                                                            "load comments",
                                                            "read comments",
                                                            "open in app",
                                                            "open in the app",
                                                            "read in app"};

// "Comments0", "Comments (3)", "Shares 12": a chrome label with its counter.
bool is_counted_label(std::string_view l) {
    std::size_t i = 0;
    while (i < l.size() && ascii::is_alpha(l[i])) ++i;
    if (i == 0 || i == l.size()) return false;
    const std::string word(l.substr(0, i));
    std::string rest = trim(l.substr(i));
    if (rest.starts_with('(') && rest.ends_with(')')) rest = rest.substr(1, rest.size() - 2);
    const bool counter_word = word == "comments" || word == "comment" || word == "shares" ||
                              word == "views" || word == "likes" || word == "replies";
    return counter_word && all_digits(rest);
}

bool is_app_promotion(std::string_view l) {
    const bool store = contains(l, "app store") || contains(l, "app-store") ||
                       contains(l, "play store") || contains(l, "play-store") ||
                       contains(l, "google play");
    if (store && (contains(l, "download") || word_count(l) <= 3)) return true;
    return contains(l, "download the app") || contains(l, "download our app");
}

bool is_ai_feature_promotion(std::string_view l) {
    return l.starts_with("explore what") && contains(l, "can do for you");
}

bool is_navigation(std::string_view l) {
    return l.starts_with("skip to ") || l.starts_with("quick access to") ||
           l.starts_with("jump to ") || contains(l, "direct access to main content");
}

// Alt text of a decorative image: "Orange background", "Blue background image".
bool is_image_placeholder(std::string_view l) {
    return word_count(l) <= 3 && (l.ends_with(" background") || l.ends_with(" background image"));
}

bool is_signup(std::string_view l) {
    return (l.starts_with("sign up") || l.starts_with("subscribe")) &&
           (contains(l, "receive") || contains(l, "newsletter") || contains(l, "inbox") ||
            contains(l, "each week") || contains(l, "every week") || contains(l, "daily"));
}

// "We use cookies to improve your experience … Accept all cookies". A sentence about cookies in
// an article neither opens like a site speaking of itself nor ends with a button.
bool is_consent_banner(std::string_view l) {
    if (!contains(l, "cookie")) return false;
    return starts_with_any(
               l, {"we use", "this site", "this website", "our site", "our website", "by using",
                   "by continuing", "we and our partners", "we value your privacy"}) ||
           ends_with_any(l, {"accept", "accept all", "accept all cookies", "accept cookies",
                             "got it", "i agree", "agree", "ok"});
}

constexpr std::array<std::string_view, 11> kSocialNetworks = {
    "facebook",  "twitter",   "linkedin",  "whatsapp", "reddit", "telegram",
    "pinterest", "messenger", "flipboard", "tumblr",   "bluesky"};
constexpr std::array<std::string_view, 9> kShareActions = {
    "x", "email", "e-mail", "mail", "print", "copy", "link", "share", "sms"};

// "Facebook Twitter LinkedIn Email", "Share: Facebook | X | WhatsApp": share buttons.
// Words are split at anything but letters, digits and '-'; the first other word ends the test.
bool is_share_bar(std::string_view l) {
    std::size_t networks = 0;
    std::size_t at = 0;
    while (at < l.size()) {
        const auto word_byte = [&](std::size_t i) { return ascii::is_alnum(l[i]) || l[i] == '-'; };
        while (at < l.size() && !word_byte(at)) ++at;
        std::size_t end = at;
        while (end < l.size() && word_byte(end)) ++end;
        if (end == at) break;
        const std::string_view w = l.substr(at, end - at);
        if (in(kSocialNetworks, w)) {
            ++networks;
        } else if (!in(kShareActions, w)) {
            return false;
        }
        at = end;
    }
    return networks >= 2;
}

// "Read more: Honda and GM to co-develop affordable EVs": a link to another story.
bool is_story_link(std::string_view l) {
    return starts_with_any(
               l, {"read more:", "read also:", "also read:", "read:", "see also:", "related:",
                   "more:", "watch:", "listen:", "click here", "more on this story"}) &&
           word_count(l) <= 25;
}

// "Tags: Toyota, Batteries, Electric vehicles".
bool is_tag_list(std::string_view l) {
    return starts_with_any(l, {"tags:", "topics:", "filed under:", "categories:", "keywords:",
                               "related topics:"}) &&
           word_count(l) <= 40;
}

// "© 2024 Reuters. All rights reserved.", "Copyright 2024 …", "… All Rights Reserved".
bool is_copyright(std::string_view l) {
    return (starts_with_any(l, {"\xC2\xA9", "copyright", "(c) "}) ||
            l.ends_with("all rights reserved")) &&
           word_count(l) <= 20;
}

// "World  Business  Markets  Tech  Opinion": section links a scraper joined with wide spaces.
bool is_section_bar(std::string_view t) {
    if (t.find("  ") == std::string_view::npos && t.find('\t') == std::string_view::npos)
        return false;
    std::size_t segments = 0;
    std::size_t at = 0;
    while (at < t.size()) {
        std::size_t end = at;
        while (end < t.size() && t[end] != '\t' &&
               !(t[end] == ' ' && end + 1 < t.size() && t[end + 1] == ' '))
            ++end;
        const std::string_view segment = t.substr(at, end - at);
        if (!segment.empty()) {
            const auto words = word_count(segment);
            if (words > 3 || !starts_upper(segment) ||
                segment.find_first_of(".,;:!?") != std::string_view::npos)
                return false;
            ++segments;
        }
        at = end;
        while (at < t.size() && (t[at] == ' ' || t[at] == '\t')) ++at;
    }
    return segments >= 3;
}

// "4 min read", "5 mins read", "3 min listen", "Reading time: 4 minutes".
bool is_reading_time(std::string_view l) {
    if (l.starts_with("reading time") || l.starts_with("estimated reading time"))
        return word_count(l) <= 6;
    std::size_t i = 0;
    while (i < l.size() && ascii::is_digit(l[i])) ++i;
    if (i == 0) return false;
    const std::string r = trim(l.substr(i));
    for (std::string_view unit : {"min", "mins", "minute", "minutes"}) {
        for (std::string_view what : {" read", " listen", " watch"}) {
            if (r == std::string(unit) + std::string(what)) return true;
        }
    }
    return false;
}

// "Home > Business > Autos", "News › World › Asia": where the page sits on the site.
bool is_breadcrumb(std::string_view t) {
    if (t.find_first_of(">\xBB") == std::string_view::npos &&
        t.find("\xE2\x80\xBA") == std::string_view::npos)
        return false;
    std::size_t separators = 0;
    std::size_t words = 0;
    std::string_view rest = t;
    while (!rest.empty()) {
        std::size_t cut = std::string_view::npos, width = 0;
        for (std::string_view sep : {" > ", " \xE2\x80\xBA ", " \xC2\xBB "}) {  // > › »
            const auto at = rest.find(sep);
            if (at < cut) {
                cut = at;
                width = sep.size();
            }
        }
        const std::string_view segment = rest.substr(0, cut);
        words = word_count(segment);
        if (words == 0 || words > 3 || !starts_upper(trim(segment))) return false;
        if (cut == std::string_view::npos) break;
        ++separators;
        rest = rest.substr(cut + width);
    }
    return separators >= 2;
}

// "Advertisement · Scroll to continue", "Purchase Licensing Rights, opens new tab": an ad slot's
// label, and a link's text with the note screen readers get.
bool is_ad_or_link_label(std::string_view l) {
    return (starts_with_any(l, {"advertisement \xC2\xB7", "advertisement -", "advertisement |",
                                "advertisement \xE2\x80\x93"}) ||
            ends_with_any(l, {", opens new tab", "opens in new tab", "opens in a new tab",
                              "(opens in new window)", "opens in a new window"})) &&
           word_count(l) <= 10;
}

}  // namespace

bool is_chrome_line(std::string_view line) {
    const std::string t = trim(line);
    if (t.empty() || word_count(t) > kChromeMaxWords) return false;
    if (is_separator(t) || all_digits(t)) return true;
    // Lower-case, trailing punctuation dropped: prefix tests read it as they would the line.
    const std::string l = label(t);
    if (in(kChromeLabels, l) || is_counted_label(l)) return true;
    if (l.starts_with("share it on") || l.starts_with("share on ")) return true;
    if (l.starts_with("get started now")) return true;
    return is_app_promotion(l) || is_ai_feature_promotion(l) || is_navigation(l) ||
           is_image_placeholder(l) || is_signup(l) || is_consent_banner(l) || is_share_bar(l) ||
           is_story_link(l) || is_tag_list(l) || is_copyright(l) || is_section_bar(t) ||
           is_reading_time(l) || is_breadcrumb(t) || is_ad_or_link_label(l);
}

}  // namespace news::clean
