#include "core/clean/page_cleaner.hpp"

#include <algorithm>
#include <optional>

#include "core/clean/chrome_lines.hpp"
#include "core/clean/header_lines.hpp"
#include "core/clean/line_rules.hpp"
#include "core/clean/page_header.hpp"
#include "core/clean/related_articles.hpp"
#include "core/model/derived_title.hpp"
#include "core/text/ascii.hpp"
#include "core/text/char_refs.hpp"
#include "core/text/utf8.hpp"

namespace news {
namespace {

using namespace news::clean;

// A lead-in fragment ("Japanese carmaker") broken off the first paragraph has at most this many
// words.
constexpr std::size_t kLeadInWords = 4;

using ascii::lower;

std::vector<std::string> split_lines(std::string_view raw) {
    std::string text = repair_utf8(raw);
    std::erase(text, '\0');
    decode_char_refs_in(text);  // a scraper that kept "&amp;" and "&#233;" as it found them
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(trim(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

bool mentions_podcast(std::string_view line) {
    const std::string l = lower(line);
    return l.find("podcast") != std::string::npos || l.find("episode") != std::string::npos;
}

// Drops chrome lines and link lists; keeps the order of everything else. A link bar takes the
// promotion above it (a podcast or show banner: its title and the lines that describe it).
std::vector<std::string> drop_chrome(const std::vector<std::string>& lines) {
    std::vector<std::string> kept;
    bool in_list = false;
    for (const auto& line : lines) {
        if (line.empty()) continue;
        if (is_list_header(line)) {
            in_list = true;
            continue;
        }
        if (in_list) {
            if (is_list_item(line) && !is_prose(line)) continue;
            in_list = false;
        }
        if (is_chrome_line(line) || is_caption(line)) continue;
        if (is_link_bar(line)) {
            bool promo = false;
            while (!kept.empty() && mentions_podcast(kept.back())) {
                kept.pop_back();
                promo = true;
            }
            if (promo && !kept.empty() && looks_like_headline(kept.back())) kept.pop_back();
            continue;
        }
        kept.push_back(line);
    }
    return kept;
}

void read_body(const std::vector<std::string>& lines, std::size_t i, Article& a) {
    for (; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (is_email(line)) {
            // The name just above a contact address is the byline.
            if (!a.headings.empty() && a.headings.back().before == a.paragraphs.size() &&
                looks_like_name(a.headings.back().text)) {
                add_author(a, a.headings.back().text);
                a.headings.pop_back();
            } else if (!a.paragraphs.empty() && looks_like_name(a.paragraphs.back())) {
                add_author(a, a.paragraphs.back());
                a.paragraphs.pop_back();
            }
            continue;
        }
        const bool lead_in = a.paragraphs.empty() && a.headings.empty() &&
                             word_count(line) <= kLeadInWords && !ends_sentence(line);
        while ((lead_in || ends_open_quote(line)) && i + 1 < lines.size() &&
               !is_email(lines[i + 1])) {
            line += ' ';
            line += lines[++i];
            if (!ends_open_quote(line)) break;
        }
        const bool heading = !a.paragraphs.empty() && looks_like_heading(line) &&
                             i + 1 < lines.size() && !is_email(lines[i + 1]);
        if (heading) {
            a.headings.push_back({line, a.paragraphs.size()});
        } else {
            a.paragraphs.push_back(line);
        }
    }
    // A heading with nothing under it is a leftover label, not a section.
    while (!a.headings.empty() && a.headings.back().before == a.paragraphs.size()) {
        a.headings.pop_back();
    }
}

std::string stem_of(std::string_view origin) {
    auto slash = origin.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? origin : origin.substr(slash + 1);
    if (auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
        name = name.substr(0, dot);
    }
    return std::string(name);
}

}  // namespace

std::vector<Article> clean_page(std::string_view raw, std::string_view origin) {
    const std::vector<std::string> lines = split_lines(raw);
    const auto related = std::find_if(lines.begin(), lines.end(),
                                      [](const std::string& l) { return is_related_header(l); });
    const std::vector<std::string> main_lines = drop_chrome({lines.begin(), related});
    std::vector<std::string> related_lines;
    if (related != lines.end()) related_lines = drop_chrome({related + 1, lines.end()});

    const std::string stem = stem_of(origin);
    std::vector<Article> out;
    Article page;
    const HeaderEnd header = read_header(main_lines, page);
    if (header.standfirst) page.paragraphs.push_back(*header.standfirst);
    read_body(main_lines, header.body, page);
    if (!page.source && !page.paragraphs.empty()) page.source = wire_source(page.paragraphs[0]);
    if (page.title.empty() && !page.paragraphs.empty()) {
        page.title = derive_title(page.paragraphs.front());
        page.title_derived = true;
    }
    const bool has_page = !page.paragraphs.empty();
    if (has_page) {
        page.id = stem + "-0";
        page.origin = std::string(origin);
        out.push_back(std::move(page));
    }
    std::size_t position = 1;
    for (auto& story : parse_related(related_lines)) {
        story.id = stem + "-" + std::to_string(position);
        story.origin = std::string(origin);
        story.origin_position = position++;
        if (has_page) story.embedded_in = stem + "-0";
        out.push_back(std::move(story));
    }
    return out;
}

}  // namespace news
