#include "core/clean/line_rules.hpp"

#include <algorithm>
#include <array>

#include "core/clean/line_text.hpp"
#include "core/text/ascii.hpp"

namespace news::clean {
namespace {

using ascii::lower;  // other bytes (UTF-8 included) pass through

// A line reads as prose when it is a sentence of at least this many words.
constexpr std::size_t kProseWords = 12;

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

// Drops a leading "[SECTION] " tag: "[ASIA] Latest Stories" -> "Latest Stories".
std::string without_section_tag(std::string_view line) {
    std::string t = trim(line);
    if (t.starts_with('[')) {
        const auto close = t.find(']');
        if (close != std::string::npos) return trim(std::string_view(t).substr(close + 1));
    }
    return t;
}

}  // namespace

bool is_prose(std::string_view line) {
    if (line.starts_with("\xE2\x80\xA2") || line.starts_with("- ")) return false;
    const bool statement = ends_sentence(line) && !line.ends_with('?');
    return (statement && word_count(line) >= kProseWords) || word_count(line) > 30;
}

bool is_list_header(std::string_view line) {
    const std::string l = label(without_section_tag(line));
    // "More from Opinion", "More from Reuters": a short label, not a sentence.
    return in(kListHeaders, l) || (l.starts_with("more from ") && word_count(l) <= 5);
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
    // A caption labelled as one; the label is in the first 12 bytes.
    if (starts_with_any(lower(std::string_view(t).substr(0, 12)),
                        {"photo:", "image:", "picture:", "pictured:", "file photo:", "photograph:",
                         "(photo"}) &&
        word_count(t) <= 40)
        return true;
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
