#include "core/clean/page_header.hpp"

#include <algorithm>

#include "core/clean/header_lines.hpp"
#include "core/clean/line_rules.hpp"

namespace news::clean {
namespace {

// The headline is looked for among this many lines at the top of a page.
constexpr std::size_t kHeaderLines = 6;

// A header line under the headline: a byline, a date or a time (with the outlet glued to it).
bool is_header_line(const std::string& line) {
    return byline(line) || dateline(line) || source_and_time(line);
}

// A name alone right above a date or time line is the byline ("Jane Smith" / "Published …").
bool is_name_over_date(const std::vector<std::string>& lines, std::size_t i) {
    return i + 1 < lines.size() && looks_like_name(lines[i]) &&
           (dateline(lines[i + 1]) || source_and_time(lines[i + 1]));
}

// Whether line i says who wrote the article or when.
bool is_credit(const std::vector<std::string>& lines, std::size_t i) {
    return i < lines.size() && (is_header_line(lines[i]) || is_name_over_date(lines, i));
}

// The headline's line: among the first few, the first headline-like line that a copy of itself
// or credit lines follow, right under it or under a standfirst (pages repeat the headline and
// put section labels, kickers or banners above it); else the first line, if it reads as a
// headline. Nothing once prose starts.
std::optional<std::size_t> find_title(const std::vector<std::string>& lines) {
    for (std::size_t j = 0; j + 1 < lines.size() && j < kHeaderLines; ++j) {
        if (is_prose(lines[j])) break;
        if (!looks_like_headline(lines[j]) || is_credit(lines, j)) continue;
        if (lines[j + 1] == lines[j] || is_credit(lines, j + 1) || is_credit(lines, j + 2))
            return j;
    }
    if (lines.size() > 1 && looks_like_headline(lines[0]) && !source_and_time(lines[0])) return 0;
    return std::nullopt;
}

}  // namespace

void add_author(Article& a, std::string name) {
    if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end()) {
        a.authors.push_back(std::move(name));
    }
}

// Title and the metadata lines under it. Lines above the title are labels, not article text.
HeaderEnd read_header(const std::vector<std::string>& lines, Article& a) {
    HeaderEnd end;
    std::size_t i = 0;
    if (const auto title = find_title(lines)) {
        i = *title;
        a.title = lines[i++];
    }
    while (i < lines.size()) {
        const std::string& line = lines[i];
        if (!a.title.empty() && line == a.title) {
            ++i;
        } else if (auto st = source_and_time(line)) {
            if (!st->source.empty() && !a.source) a.source = st->source;
            if (!a.published_text) a.published_text = st->time;
            ++i;
        } else if (auto d = dateline(line)) {
            if (!a.published_text) {
                a.published_text = std::move(d->text);
                a.published = std::move(d->date);
            }
            ++i;
        } else if (auto b = byline(line)) {
            for (auto& name : b->authors) add_author(a, std::move(name));
            if (!b->source.empty() && !a.source) a.source = std::move(b->source);
            ++i;
        } else if (is_name_over_date(lines, i)) {
            add_author(a, line);
            ++i;
        } else if (!a.title.empty() && !end.standfirst && is_credit(lines, i + 1)) {
            end.standfirst = line;
            ++i;
        } else {
            break;
        }
    }
    end.body = i;
    return end;
}

}  // namespace news::clean
