#include "core/clean/related_articles.hpp"

#include <optional>

#include "core/clean/header_lines.hpp"
#include "core/clean/line_rules.hpp"

namespace news::clean {
namespace {

// A story needs real text, not a one-line teaser: at least this many words in one line.
constexpr std::size_t kMinTextWords = 15;
constexpr std::size_t kMaxOutletWords = 5;

struct Card {
    std::size_t header = 0;  // first line of the card (title copies or outlet)
    std::size_t body = 0;    // first text line
    std::string title, source, time, date;
};

// What every card has: a relative time, maybe glued to its outlet ("Nikkei Asia2 days ago"), or
// a date line ("March 5, 2024", which also gives the ISO date).
std::optional<Card> anchor(std::string_view line) {
    Card c;
    if (auto st = source_and_time(line)) {
        c.source = std::move(st->source);
        c.time = std::move(st->time);
    } else if (auto d = dateline(line)) {
        c.time = std::move(d->text);
        c.date = std::move(d->date);
    } else {
        return std::nullopt;
    }
    return c;
}

// A title above the anchor line ("Ferry strike ends", then the date, then the text): only where
// it cannot be an outlet's name, being longer than one or printed twice, as scrapers copy titles.
bool title_above(const std::vector<std::string>& lines, std::size_t at) {
    if (!looks_like_headline(lines[at])) return false;
    return word_count(lines[at]) > kMaxOutletWords || (at > 0 && lines[at - 1] == lines[at]);
}

}  // namespace

std::vector<Article> parse_related(const std::vector<std::string>& lines) {
    std::vector<Card> cards;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto found = anchor(lines[i]);
        if (!found) continue;
        Card c = std::move(*found);
        c.header = i;
        const bool free_above = i > 0 && (cards.empty() || i - 1 > cards.back().body);
        const bool glued_source = !c.source.empty();
        if (!glued_source && free_above && word_count(lines[i - 1]) <= kMaxOutletWords) {
            c.source = lines[i - 1];
            c.header = i - 1;
        }
        std::size_t j = i + 1;
        if (j < lines.size() && bulleted_label(lines[j]) == c.source) ++j;
        if (j < lines.size() && looks_like_headline(lines[j])) {
            c.title = lines[j++];
        } else if (free_above && title_above(lines, i - 1)) {
            // The card's title is above its anchor, and no outlet is named but a glued one.
            if (!glued_source) c.source.clear();
            c.title = lines[i - 1];
            c.header = i - 1;
        }
        c.body = j;
        // Copies of the title printed above the outlet belong to this card, not the last text.
        while (c.header > 0 && !c.title.empty() && lines[c.header - 1] == c.title &&
               (cards.empty() || c.header - 1 > cards.back().body)) {
            --c.header;
        }
        cards.push_back(std::move(c));
        i = j > 0 ? j - 1 : i;
    }

    std::vector<Article> out;
    for (std::size_t k = 0; k < cards.size(); ++k) {
        const Card& c = cards[k];
        const std::size_t end = k + 1 < cards.size() ? cards[k + 1].header : lines.size();
        Article a;
        a.title = c.title;
        if (!c.source.empty()) a.source = c.source;
        a.published_text = c.time;
        if (!c.date.empty()) a.published = c.date;
        bool has_text = false;
        for (std::size_t i = c.body; i < end; ++i) {
            if (lines[i] == c.title) continue;
            has_text = has_text || word_count(lines[i]) >= kMinTextWords;
            a.paragraphs.push_back(lines[i]);
        }
        if (!a.title.empty() && has_text) out.push_back(std::move(a));
    }
    return out;
}

}  // namespace news::clean
