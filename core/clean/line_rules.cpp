#include "core/clean/line_rules.hpp"

#include <array>

#include "core/text/ascii.hpp"

namespace news::clean {
namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

using ascii::lower;  // other bytes (UTF-8 included) pass through

// The line as a label: lower-case, trailing ".", ":", "…" and spaces dropped.
std::string label(std::string_view line) {
    std::string l = lower(trim(line));
    for (;;) {
        if (l.ends_with("...")) {
            l.resize(l.size() - 3);
        } else if (l.ends_with("\xE2\x80\xA6")) {  // …
            l.resize(l.size() - 3);
        } else if (!l.empty() && (l.back() == '.' || l.back() == ':' || l.back() == ' ')) {
            l.pop_back();
        } else {
            break;
        }
    }
    return l;
}

bool contains(std::string_view hay, std::string_view needle) {
    return hay.find(needle) != std::string_view::npos;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!ascii::is_digit(c)) return false;
    }
    return true;
}

// Labels sites print as whole lines around (not inside) articles.
constexpr std::array<std::string_view, 44> kChromeLabels = {"advertisement",
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
                                                            "log in",
                                                            "sign in",
                                                            "related",
                                                            "more",
                                                            "top",
                                                            "close",
                                                            "reply"};

// Headers of lists of links to other stories.
constexpr std::array<std::string_view, 24> kListHeaders = {"suggested reads",
                                                           "suggested reading",
                                                           "latest stories",
                                                           "latest news",
                                                           "latest",
                                                           "weekly best articles",
                                                           "popular now",
                                                           "most popular",
                                                           "most read",
                                                           "must-reads",
                                                           "must reads",
                                                           "you may also like",
                                                           "you might also like",
                                                           "recommended",
                                                           "recommended for you",
                                                           "more stories",
                                                           "more from this section",
                                                           "trending",
                                                           "trending now",
                                                           "top stories",
                                                           "editor's picks",
                                                           "editors' picks",
                                                           "read next",
                                                           "further reading"};

constexpr std::array<std::string_view, 4> kRelatedHeaders = {"related articles", "related stories",
                                                             "related news", "related coverage"};

constexpr std::array<std::string_view, 7> kTimeUnits = {"second", "minute", "hour", "day",
                                                        "week",   "month",  "year"};

// Drops a leading "[SECTION] " tag: "[ASIA] Latest Stories" -> "Latest Stories".
std::string without_section_tag(std::string_view line) {
    std::string t = trim(line);
    if (t.starts_with('[')) {
        const auto close = t.find(']');
        if (close != std::string::npos) return trim(std::string_view(t).substr(close + 1));
    }
    return t;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
    for (const auto& x : set) {
        if (x == s) return true;
    }
    return false;
}

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

bool is_separator(std::string_view t) {
    return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "\xE2\x80\xA2" ||
           t == "*" || t == "***" || t == "|" || t == "/";
}

bool starts_upper(std::string_view s) {
    return !s.empty() && ascii::is_upper(s[0]);
}

}  // namespace

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    auto nbsp_at = [&](std::size_t i) {
        return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0;
    };
    while (b < e) {
        if (is_space(static_cast<unsigned char>(s[b]))) {
            ++b;
        } else if (nbsp_at(b)) {
            b += 2;
        } else {
            break;
        }
    }
    while (e > b) {
        if (is_space(static_cast<unsigned char>(s[e - 1]))) {
            --e;
        } else if (e >= b + 2 && nbsp_at(e - 2)) {
            e -= 2;
        } else {
            break;
        }
    }
    return std::string(s.substr(b, e - b));
}

std::size_t word_count(std::string_view line) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : line) {
        const bool space = is_space(static_cast<unsigned char>(c));
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

bool ends_sentence(std::string_view line) {
    std::string t = trim(line);
    // Closing quotes and brackets after the punctuation: ."  .'  .”  .’  .)
    for (;;) {
        if (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x99")) {
            t.resize(t.size() - 3);
        } else if (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')')) {
            t.pop_back();
        } else {
            break;
        }
    }
    if (t.ends_with("\xE2\x80\xA6")) return true;
    return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
}

bool is_chrome_line(std::string_view line) {
    const std::string t = trim(line);
    if (t.empty()) return false;
    if (is_separator(t) || all_digits(t)) return true;
    const std::string l = label(t);
    if (in(kChromeLabels, l) || is_counted_label(l)) return true;
    if (l.starts_with("share it on") || l.starts_with("share on ")) return true;
    if (l.starts_with("get started now")) return true;
    return is_app_promotion(l) || is_ai_feature_promotion(l) || is_navigation(l) ||
           is_image_placeholder(l) || is_signup(l);
}

bool is_list_header(std::string_view line) {
    return in(kListHeaders, label(without_section_tag(line)));
}

bool is_related_header(std::string_view line) {
    return in(kRelatedHeaders, label(line));
}

bool is_list_item(std::string_view line) {
    const std::string t = trim(line);
    if (t.empty() || is_separator(t) || all_digits(t)) return true;
    if (t.starts_with("\xE2\x80\xA2") || t.starts_with("- ") || t.starts_with("* ")) return true;
    // "3. Headline" / "3) Headline"
    std::size_t i = 0;
    while (i < t.size() && ascii::is_digit(t[i])) ++i;
    if (i > 0 && i < t.size() && (t[i] == '.' || t[i] == ')')) return true;
    // Category labels: "BUSINESS", "WORLD".
    bool upper = true;
    for (const char c : t) {
        if (ascii::is_lower(c)) upper = false;
    }
    if (upper && word_count(t) <= 2) return true;
    // A bare headline: no sentence ending, or a short one.
    return looks_like_headline(t) || (word_count(t) <= 12 && !ends_sentence(t));
}

bool is_link_bar(std::string_view line) {
    std::size_t bars = 0, longest = 0, words = 0;
    for (const char c : line) {
        if (c == '|') {
            ++bars;
            longest = std::max(longest, words);
            words = 0;
        } else if (c == ' ') {
            ++words;
        }
    }
    longest = std::max(longest, words);
    return bars >= 2 && longest <= 6;
}

bool is_caption(std::string_view line) {
    const std::string t = trim(line);
    const auto photo = t.rfind("Photo: ");
    if (photo != std::string::npos && word_count(std::string_view(t).substr(photo)) <= 5)
        return true;
    if (t.find("(Photo by ") != std::string::npos && t.size() < 200) return true;
    // "… on December 18, 2023./Reuters-Yonhap News": a credit glued after the last full stop.
    const auto slash = t.rfind("./");
    return slash != std::string::npos && slash + 2 < t.size() &&
           starts_upper(std::string_view(t).substr(slash + 2)) &&
           word_count(std::string_view(t).substr(slash + 2)) <= 4;
}

bool is_email(std::string_view line) {
    const std::string t = trim(line);
    const auto at = t.find('@');
    if (at == std::string::npos || at == 0 || t.find(' ') != std::string::npos) return false;
    const auto dot = t.find('.', at);
    return dot != std::string::npos && dot + 1 < t.size() &&
           t.find('@', at + 1) == std::string::npos;
}

bool looks_like_name(std::string_view line) {
    const std::string t = trim(line);
    const auto n = word_count(t);
    if (n < 2 || n > 4) return false;
    bool at_word_start = true;
    for (const char c : t) {
        const auto u = static_cast<unsigned char>(c);
        if (ascii::is_digit(c) || c == ',' || c == '.' || c == ':' || c == '!' || c == '?' ||
            c == '|' || c == '@')
            return false;
        if (at_word_start && u < 0x80 && !ascii::is_upper(c)) return false;
        at_word_start = c == ' ';
    }
    return true;
}

std::optional<std::string> byline_author(std::string_view line) {
    const std::string t = trim(line);
    if (t.starts_with("By ") || t.starts_with("by ")) {
        std::string name = trim(std::string_view(t).substr(3));
        if (looks_like_name(name) || (word_count(name) == 1 && starts_upper(name))) return name;
        return std::nullopt;
    }
    // "Daniel Kim Views": the name beside a view counter whose number was not captured.
    for (std::string_view suffix : {" Views", " views"}) {
        if (t.ends_with(suffix)) {
            std::string name = trim(std::string_view(t).substr(0, t.size() - suffix.size()));
            if (looks_like_name(name)) return name;
        }
    }
    return std::nullopt;
}

std::optional<SourceTime> source_and_time(std::string_view line) {
    const std::string t = trim(line);
    if (!t.ends_with(" ago") || word_count(t) > 8) return std::nullopt;
    // Walk back over "<unit>[s] ago" and the number before it.
    std::string_view body = std::string_view(t).substr(0, t.size() - 4);
    std::string unit_found;
    for (auto unit : kTimeUnits) {
        for (const std::string& form : {std::string(unit) + "s", std::string(unit)}) {
            if (body.ends_with(" " + form)) {
                unit_found = form;
                break;
            }
        }
        if (!unit_found.empty()) break;
    }
    if (unit_found.empty()) return std::nullopt;
    std::size_t end_number = body.size() - unit_found.size() - 1;
    std::size_t start = end_number;
    while (start > 0 && ascii::is_digit(body[start - 1])) --start;
    if (start == end_number) return std::nullopt;
    SourceTime out;
    out.time = t.substr(start);
    std::string prefix = trim(std::string_view(t).substr(0, start));
    // "time" is the label of a clock icon that scrapers glue to the time.
    if (prefix == "time" || prefix == "Time" || prefix == "Published" || prefix == "Updated") {
        prefix.clear();
    }
    out.source = prefix;
    return out;
}

std::optional<std::string> bulleted_label(std::string_view line) {
    const std::string t = trim(line);
    for (std::string_view bullet : {"\xE2\x80\xA2", "-", "*"}) {
        if (t.starts_with(bullet)) {
            std::string rest = trim(std::string_view(t).substr(bullet.size()));
            if (!rest.empty() && word_count(rest) <= 5) return rest;
        }
    }
    return std::nullopt;
}

bool ends_open_quote(std::string_view line) {
    const std::string t = trim(line);
    if (t.empty()) return false;
    // A quote mark with a space before it at the very end opens a quotation.
    if (t.ends_with(" '") || t.ends_with(" \"") || t.ends_with(" \xE2\x80\x98") ||
        t.ends_with(" \xE2\x80\x9C")) {
        return true;
    }
    return false;
}

bool looks_like_heading(std::string_view line) {
    const std::string t = trim(line);
    const auto n = word_count(t);
    if (n == 0 || n > 10 || !starts_upper(t)) return false;
    const char last = t.back();
    if (last == '.' || last == ',' || last == ':' || last == ';' || last == '|') return false;
    return !is_email(t) && t.find('|') == std::string::npos;
}

bool looks_like_headline(std::string_view line) {
    const std::string t = trim(line);
    const auto n = word_count(t);
    if (n < 2 || n > 25) return false;
    return !ends_sentence(t) || t.back() == '?';
}

}  // namespace news::clean
