#pragma once
// Single-line tests for the lines under a headline that say who wrote an article, for which
// outlet and when: bylines, date lines and relative times. Pure functions of one line, as in
// core/clean/line_rules.hpp; docs/cleaning.md lists them with their reasons.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::clean {

// A person's name as bylines give it: 2-4 capitalised words, no digits or sentence punctuation.
bool looks_like_name(std::string_view line);

// An explicit byline: "By Jane Doe", "By Jane Doe and John Roe | Reuters" (authors, then the
// outlet after a bar or dash), two or more full names alone ("Kantaro Komiya, Daniel
// Leussink"), "Daniel Kim Views" (name + view counter).
struct Byline {
    std::vector<std::string> authors;
    std::string source;  // empty when the line names none
};
std::optional<Byline> byline(std::string_view line);

// A date line under a headline: "Updated March 5, 2024 10:32 AM GMT", "Published 5 March 2024",
// "2024-03-05". The text without its label, and the ISO date (core/model/published_date.hpp).
struct Dateline {
    std::string text;
    std::string date;
};
std::optional<Dateline> dateline(std::string_view line);

// Relative or absolute publication time alone or glued to an outlet name:
// "Nikkei Asia2 days ago" -> {"Nikkei Asia", "2 days ago"}; "time7 hours ago" -> {"", "7 hours
// ago"}.
struct SourceTime {
    std::string source;  // empty when the line names none
    std::string time;
};
std::optional<SourceTime> source_and_time(std::string_view line);

// The outlet of a wire dateline opening a story: "TOKYO (Reuters) - Japan's Honda …" ->
// "Reuters"; also "WASHINGTON, D.C. (AP) — …".
std::optional<std::string> wire_source(std::string_view paragraph);

}  // namespace news::clean
