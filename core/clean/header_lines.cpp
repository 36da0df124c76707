#include "core/clean/header_lines.hpp"

#include <algorithm>
#include <array>

#include "core/clean/line_rules.hpp"
#include "core/model/published_date.hpp"
#include "core/text/ascii.hpp"

namespace news::clean {
namespace {

using ascii::lower;

constexpr std::array<std::string_view, 7> kTimeUnits = {"second", "minute", "hour", "day",
                                                        "week",   "month",  "year"};

// Labels a header puts before a date: "Updated", "Published on", "Last updated:".
std::string_view without_date_label(std::string_view t) {
    const std::string l = lower(t);
    for (std::string_view label : {"last updated", "first published", "updated on", "published on",
                                   "posted on", "updated", "published", "posted", "date"}) {
        if (l.starts_with(label) &&
            (l.size() == label.size() || l[label.size()] == ' ' || l[label.size()] == ':')) {
            t.remove_prefix(label.size());
            while (!t.empty() && (t.front() == ':' || t.front() == ' ')) t.remove_prefix(1);
            return t;
        }
    }
    return t;
}

// One author of a byline: a name, or a single capitalised word ("By Reuters").
bool author_like(std::string_view name) {
    return looks_like_name(name) || (word_count(name) == 1 && starts_upper(name));
}

// "Jane Doe, John Roe and Ann Lee" -> the three names; nothing when a part is not a name.
std::optional<std::vector<std::string>> author_list(std::string_view text) {
    std::string joined(text);
    for (std::string_view sep : {" and ", " & "}) {
        for (auto at = joined.find(sep); at != std::string::npos; at = joined.find(sep, at + 1)) {
            joined.replace(at, sep.size(), ", ");
        }
    }
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at <= joined.size()) {
        const auto comma = std::min(joined.find(',', at), joined.size());
        std::string name = trim(std::string_view(joined).substr(at, comma - at));
        if (!name.empty()) {
            if (!author_like(name)) return std::nullopt;
            names.push_back(std::move(name));
        }
        at = comma + 1;
    }
    if (names.empty()) return std::nullopt;
    return names;
}

}  // namespace

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

std::optional<Byline> byline(std::string_view line) {
    const std::string t = trim(line);
    if (t.starts_with("By ") || t.starts_with("by ") || t.starts_with("BY ")) {
        std::string_view rest = std::string_view(t).substr(3);
        Byline out;
        // "… | Reuters", "… - Reuters", "… — Reuters": the outlet after the names.
        for (std::string_view bar : {" | ", " \xE2\x80\x94 ", " - "}) {
            const auto at = rest.rfind(bar);
            if (at == std::string_view::npos) continue;
            std::string source = trim(rest.substr(at + bar.size()));
            if (word_count(source) > 4 || !starts_upper(source)) return std::nullopt;
            out.source = std::move(source);
            rest = rest.substr(0, at);
            break;
        }
        auto names = author_list(rest);
        if (!names) return std::nullopt;
        out.authors = std::move(*names);
        return out;
    }
    // "Kantaro Komiya, Daniel Leussink": two or more full names alone on a line.
    if (auto names = author_list(t);
        names && names->size() >= 2 && std::all_of(names->begin(), names->end(), [](const auto& n) {
            return looks_like_name(n);
        })) {
        return Byline{std::move(*names), {}};
    }
    // "Daniel Kim Views": the name beside a view counter whose number was not captured.
    for (std::string_view suffix : {" Views", " views"}) {
        if (t.ends_with(suffix)) {
            std::string name = trim(std::string_view(t).substr(0, t.size() - suffix.size()));
            if (looks_like_name(name)) return Byline{{std::move(name)}, {}};
        }
    }
    return std::nullopt;
}

std::optional<Dateline> dateline(std::string_view line) {
    const std::string t = trim(line);
    const std::string_view text = without_date_label(t);
    if (text.empty() || word_count(text) > 10) return std::nullopt;
    auto date = published_date(text);
    if (!date) return std::nullopt;
    return Dateline{std::string(text), std::move(*date)};
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

std::optional<std::string> wire_source(std::string_view paragraph) {
    // The place: capitals, spaces and the punctuation of "WASHINGTON, D.C." or "ST. LOUIS".
    std::size_t i = 0;
    std::size_t letters = 0;
    for (; i < paragraph.size() && paragraph[i] != '('; ++i) {
        const char c = paragraph[i];
        if (ascii::is_upper(c)) {
            ++letters;
        } else if (c != ' ' && c != ',' && c != '.' && c != '-' && c != '\'') {
            return std::nullopt;
        }
    }
    if (letters < 2 || i == paragraph.size() || paragraph[i - 1] != ' ') return std::nullopt;
    const auto close = paragraph.find(')', i);
    if (close == std::string_view::npos) return std::nullopt;
    std::string outlet = trim(paragraph.substr(i + 1, close - i - 1));
    const std::string_view after = paragraph.substr(close + 1);
    const bool dash = after.starts_with(" - ") || after.starts_with(" \xE2\x80\x94 ") ||
                      after.starts_with(" \xE2\x80\x93 ");
    if (!dash || outlet.empty() || word_count(outlet) > 3 || !starts_upper(outlet))
        return std::nullopt;
    return outlet;
}

}  // namespace news::clean
