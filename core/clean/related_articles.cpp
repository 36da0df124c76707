#include "core/clean/related_articles.hpp"

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
    std::string title, source, time;
};

}  // namespace

std::vector<Article> parse_related(const std::vector<std::string>& lines) {
    std::vector<Card> cards;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto st = source_and_time(lines[i]);
        if (!st) continue;
        Card c;
        c.time = st->time;
        c.header = i;
        c.source = st->source;
        if (c.source.empty() && i > 0 && word_count(lines[i - 1]) <= kMaxOutletWords &&
            (cards.empty() || i - 1 > cards.back().body)) {
            c.source = lines[i - 1];
            c.header = i - 1;
        }
        std::size_t j = i + 1;
        if (j < lines.size() && bulleted_label(lines[j]) == c.source) ++j;
        if (j < lines.size() && looks_like_headline(lines[j])) c.title = lines[j++];
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
