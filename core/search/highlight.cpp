#include "core/search/highlight.hpp"

#include <xapian/unicode.h>

#include <algorithm>
#include <cstdint>

#include "core/search/sought_terms.hpp"
#include "core/text/ascii.hpp"
#include "core/text/fold.hpp"

namespace news {
namespace {

// A short stem may differ from its word early ("dying" gives "die"): only its first letter is
// trusted when deciding whether a word is worth stemming.
constexpr std::size_t kShortStem = 3;
// Punctuation after the last word of a snippet ("." or ".”") is kept when it is this short.
constexpr std::size_t kMaxTrailingPunctuation = 8;

const Xapian::Stem& english() {
    // One per thread: Xapian::Stem's reference count is not atomic.
    thread_local const Xapian::Stem stem("english");
    return stem;
}

// The code point at `i` and its length in bytes; an invalid byte reads as U+FFFD of length 1.
std::size_t decode(std::string_view s, std::size_t i, unsigned& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) {
        cp = 0xFFFD;
        return 1;
    }
    cp = b & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    return len;
}

constexpr std::array<bool, 128> kAsciiWord = [] {
    std::array<bool, 128> t{};
    for (int c = 0; c < 128; ++c) {
        t[c] = ascii::is_alnum(static_cast<char>(c)) ||
               c == '_';  // Unicode's connector punctuation, as Xapian's is_wordchar has it
    }
    return t;
}();

bool is_word_char(unsigned cp) {
    return cp < 0x80 ? kAsciiWord[cp] : Xapian::Unicode::is_wordchar(cp);
}

bool is_apostrophe(unsigned cp) {
    return cp == '\'' || cp == 0x2019;
}

bool is_digit(unsigned cp) {
    return cp < 0x80 && ascii::is_digit(static_cast<char>(cp));
}

struct WordSpan {
    std::uint32_t begin, end;
    int term;
};

// Two words joined by a hyphen that the query asks for as one ("startup" for "start-up", which
// the index also holds joined: core/text/compounds.hpp), or by '&' ("AT&T", which the index
// holds as "ATT": core/text/normalize.hpp), become one marked word.
void join_compounds(std::string_view text, const QueryWords& words, std::vector<WordSpan>& spans) {
    std::size_t kept = 0;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        WordSpan s = spans[k];
        if (k + 1 < spans.size() && s.term < 0 && spans[k + 1].term < 0 &&
            spans[k + 1].begin == s.end + 1 && (text[s.end] == '-' || text[s.end] == '&')) {
            const WordSpan& next = spans[k + 1];
            std::string joined(text.substr(s.begin, s.end - s.begin));
            joined.append(text.substr(next.begin, next.end - next.begin));
            if (const int t = words.term_of(joined); t >= 0) {
                s = {s.begin, next.end, t};
                ++k;
            }
        }
        spans[kept++] = s;
    }
    spans.resize(kept);
}

// Words as the indexer's term generator splits them, near enough for marking: runs of word
// characters, held together by an apostrophe between letters ("Nissan's") and by a point or
// comma between digits ("1,000.5").
std::vector<WordSpan> word_spans(std::string_view text, const QueryWords& words) {
    std::vector<WordSpan> out;
    std::size_t i = 0;
    unsigned cp = 0;
    // Reads the character at i into cp; true when it is a word character. ASCII, most of any
    // text, goes without decoding.
    auto word_char_at = [&](std::size_t at, std::size_t& len) {
        const auto b = static_cast<unsigned char>(text[at]);
        if (b < 0x80) {
            cp = b;
            len = 1;
            return kAsciiWord[b];
        }
        len = decode(text, at, cp);
        return is_word_char(cp);
    };
    std::size_t len = 0;
    while (i < text.size()) {
        if (!word_char_at(i, len)) {
            i += len;
            continue;
        }
        const std::size_t begin = i;
        unsigned last = cp;
        i += len;
        while (i < text.size()) {
            if (word_char_at(i, len)) {
                last = cp;
                i += len;
                continue;
            }
            const bool joins = is_apostrophe(cp) || ((cp == '.' || cp == ',') && is_digit(last));
            if (!joins || i + len >= text.size()) break;
            const unsigned joiner = cp;
            std::size_t next_len = 0;
            const bool next_word = word_char_at(i + len, next_len);
            if (is_apostrophe(joiner) ? !next_word : !is_digit(cp)) break;
            last = joiner;
            i += len;
        }
        out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i),
                       words.term_of(text.substr(begin, i - begin))});
    }
    join_compounds(text, words, out);
    return out;
}

// Lower case as the term generator makes terms from normalised text (a typographic apostrophe
// becomes ', a letter with a diacritic its ASCII letter).
std::string lowered(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        const auto b = static_cast<unsigned char>(word[i]);
        if (b < 0x80) {
            out += ascii::to_lower(static_cast<char>(b));
            ++i;
            continue;
        }
        unsigned cp = 0;
        i += decode(word, i, cp);
        if (cp == 0x2019) {
            out += '\'';
        } else if (const auto folded = fold_diacritic(cp)) {
            for (const char c : *folded) out += ascii::to_lower(c);  // as the index folds it
        } else {
            Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(cp));
        }
    }
    return out;
}

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
}

// text[begin, end) escaped, the words of `spans` that are query words marked.
std::string render(std::string_view text, const std::vector<WordSpan>& spans, std::size_t from,
                   std::size_t to, std::size_t begin, std::size_t end) {
    std::string out;
    out.reserve(end - begin + 32);
    std::size_t at = begin;
    for (std::size_t k = from; k < to; ++k) {
        const WordSpan& w = spans[k];
        if (w.term < 0) continue;
        append_escaped(out, text.substr(at, w.begin - at));
        out += kMarkOpen;
        append_escaped(out, text.substr(w.begin, w.end - w.begin));
        out += kMarkClose;
        at = w.end;
    }
    append_escaped(out, text.substr(at, end - at));
    return out;
}

// The opening of a text with no query word in it, cut at a space so no character is split.
std::string opening(std::string_view text, std::size_t length) {
    if (text.size() <= length) return escape_html(text);
    const auto cut = text.rfind(' ', length);
    return escape_html(text.substr(0, cut == std::string_view::npos ? 0 : cut)) +
           std::string(kEllipsis);
}

struct Window {
    std::size_t first = 0, last = 0;  // spans [first, last)
};

// The window of whole words at most `length` bytes long with the most distinct query words,
// then the most matches; the earliest on a tie. Empty (last == first) when no word matches.
Window best_window(const std::vector<WordSpan>& spans, std::size_t terms, std::size_t length) {
    std::vector<int> count(terms, 0);
    int distinct = 0, matches = 0;
    long best_score = 0;
    Window best;
    std::size_t j = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (j < i) j = i;
        while (j < spans.size() && spans[j].end - spans[i].begin <= length) {
            if (const int t = spans[j].term; t >= 0) {
                distinct += count[static_cast<std::size_t>(t)]++ == 0;
                ++matches;
            }
            ++j;
        }
        const long score = static_cast<long>(distinct) * 65536 + matches;
        if (score > best_score) {
            best_score = score;
            best = {i, j};
        }
        if (j > i) {
            if (const int t = spans[i].term; t >= 0) {
                distinct -= --count[static_cast<std::size_t>(t)] == 0;
                --matches;
            }
        }
    }
    return best;
}

}  // namespace

QueryWords::QueryWords(const Xapian::Query& query, std::string_view field)
    : needles_(passage_needles(query)) {
    std::unordered_map<std::string, int> numbers;  // one number per bare word or stem
    for (const auto& term : sought_terms(query)) {
        auto body = body_term(term);
        if (!body && !field.empty()) {
            body = field_term(term, field);
            // The needles are the body's; a field's stems need their own way in.
            if (body && body->stemmed) field_needles_.push_back(needle_of(*body));
        }
        if (!body) continue;
        std::string& bare = body->text;
        const int n = numbers.try_emplace(bare, static_cast<int>(numbers.size())).first->second;
        first_byte_[static_cast<unsigned char>(bare[0])] = true;
        (body->stemmed ? stems_ : words_).emplace(std::move(bare), n);
    }
    terms_ = numbers.size();
}

std::optional<QueryWords> QueryWords::with_field(const Xapian::Query& query,
                                                 std::string_view field) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        if (field_term(*t, field)) return QueryWords(query, field);
    }
    return std::nullopt;
}

bool QueryWords::could_stem_to_term(std::string_view lowered_word) const {
    const auto starts = [&](const std::string& n) {
        return n.size() <= kShortStem ? lowered_word.front() == n.front()
                                      : lowered_word.starts_with(n);
    };
    return std::any_of(needles_.begin(), needles_.end(), starts) ||
           std::any_of(field_needles_.begin(), field_needles_.end(), starts);
}

int QueryWords::term_of(std::string_view word) const {
    if (terms_ == 0 || word.empty()) return -1;
    // Most words of a text start with a letter no query word starts with: no lower-casing,
    // no lookup. (The first byte of a word and of its stem agree in English.)
    const auto first = static_cast<unsigned char>(ascii::to_lower(word[0]));
    if (first < 0x80 && !first_byte_[first]) return -1;
    std::string w = lowered(word);
    if (const auto it = seen_.find(w); it != seen_.end()) return it->second;
    int term = -1;
    if (const auto u = words_.find(w); u != words_.end()) {
        term = u->second;
    } else if (!stems_.empty() && could_stem_to_term(w)) {
        if (const auto s = stems_.find(english()(w)); s != stems_.end()) term = s->second;
    }
    seen_.emplace(std::move(w), term);
    return term;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text);
    return out;
}

std::string snippet(const QueryWords& words, std::string_view text, std::size_t length) {
    const auto spans = word_spans(text, words);
    if (text.size() <= length) return render(text, spans, 0, spans.size(), 0, text.size());
    const Window best = best_window(spans, words.term_count(), length);
    if (best.last == best.first) return opening(text, length);

    // Centre the query words found: half the room left over goes before the first of them.
    std::size_t first_match = best.first, last_match = best.last - 1;
    while (spans[first_match].term < 0) ++first_match;
    while (spans[last_match].term < 0) --last_match;
    const std::size_t used = spans[last_match].end - spans[first_match].begin;
    const std::size_t room = length > used ? (length - used) / 2 : 0;
    const std::size_t earliest =
        spans[first_match].begin > room ? spans[first_match].begin - room : 0;
    std::size_t s = first_match;
    while (s > 0 && spans[s - 1].begin >= earliest) --s;
    std::size_t e = s;
    while (e < spans.size() && spans[e].end - spans[s].begin <= length) ++e;
    if (e <= last_match) e = last_match + 1;  // a single word longer than `length`

    const std::size_t begin = s == 0 ? 0 : spans[s].begin;
    std::size_t end = spans[e - 1].end;
    const std::size_t stop = e < spans.size() ? spans[e].begin : text.size();
    std::size_t punct = end;
    while (punct < stop && !ascii::is_space(text[punct])) ++punct;
    if (punct - end <= kMaxTrailingPunctuation) end = punct;
    std::size_t tail = end;
    while (tail < text.size() && ascii::is_space(text[tail])) ++tail;

    std::string out;
    if (begin > 0) out += kEllipsis;
    out += render(text, spans, s, e, begin, end);
    if (tail < text.size()) out += kEllipsis;
    return out;
}

std::string snippet(const QueryWords& words, const Passage& passage, std::size_t length) {
    std::string out = snippet(words, passage.text, length);
    // A passage that does not begin or end with the body is a cut too.
    if (out.empty()) return out;
    if (!passage.from_start && !out.starts_with(kEllipsis)) out.insert(0, kEllipsis);
    if (!passage.to_end && !out.ends_with(kEllipsis)) out += kEllipsis;
    return out;
}

std::string highlight_all(const QueryWords& words, std::string_view text) {
    const auto spans = word_spans(text, words);
    return render(text, spans, 0, spans.size(), 0, text.size());
}

}  // namespace news
