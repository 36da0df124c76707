#include "core/search/open_phrase.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text/ascii.hpp"

namespace news {

std::optional<OpenPhrase> open_phrase(std::string_view text) {
    std::size_t quote = std::string_view::npos;
    bool open = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        open = !open;
        if (open) quote = i;
    }
    if (!open || !ascii::is_word_byte(text.back())) return std::nullopt;
    std::size_t last = text.size();
    while (last > quote + 1 && ascii::is_word_byte(text[last - 1])) --last;
    OpenPhrase p;
    std::size_t start = quote;
    if (quote > 0 && text[quote - 1] == ':') {
        std::size_t f = quote - 1;
        while (f > 0 && ascii::is_word_byte(text[f - 1])) --f;
        if (f < quote - 1) {
            p.field = std::string(text.substr(f, quote - 1 - f));
            start = f;
        }
    }
    p.before = std::string(text.substr(0, start));
    p.words = std::string(text.substr(quote + 1, last - quote - 1));
    p.last = std::string(text.substr(last));
    return p;
}

namespace {

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && ascii::is_space(s.back())) s.remove_suffix(1);
    return s;
}

// The word `s` ends in (after trailing spaces), and `s` before it.
std::pair<std::string_view, std::string_view> last_word(std::string_view s) {
    s = trim_right(s);
    std::size_t word = s.size();
    while (word > 0 && ascii::is_word_byte(s[word - 1])) --word;
    return {s.substr(0, word), s.substr(word)};
}

bool is_operator(std::string_view word) {
    static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                                   "XOR", "NEAR", "ADJ"};
    return std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
}

// Whether `s` holds a group or an operator word, which bind by precedence across the phrase.
bool has_structure(std::string_view s) {
    if (s.find_first_of("()") != std::string_view::npos) return true;
    bool found = false;
    ascii::for_each_word(
        s, [&](std::size_t b, std::size_t e) { found = found || is_operator(s.substr(b, e - b)); });
    return found;
}

// Whether `s` holds a `+item`: the parser requires all of them together, which a join of the
// parsed part and the phrase cannot express.
bool has_required(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+' && (i == 0 || ascii::is_space(s[i - 1]))) return true;
    }
    return false;
}

}  // namespace

std::optional<LinkedPhrase> link_of(std::string_view before) {
    // A sign belongs to the phrase only when it touches it and starts an item.
    if (!before.empty() && (before.back() == '-' || before.back() == '+')) {
        const std::string_view rest = before.substr(0, before.size() - 1);
        if (!rest.empty() && !ascii::is_space(rest.back())) return std::nullopt;
        if (has_structure(rest)) return std::nullopt;
        if (before.back() == '-') return LinkedPhrase{trim_right(rest), PhraseLink::kExclude};
        if (has_required(rest)) return std::nullopt;
        return LinkedPhrase{trim_right(rest), PhraseLink::kRequire};
    }
    auto [rest, word] = last_word(before);
    if (word.empty() && !trim_right(before).empty()) {
        const char c = trim_right(before).back();
        if (c == '-' || c == '+') return std::nullopt;  // a lone sign, apart from the phrase
    }
    if (!is_operator(word)) return LinkedPhrase{before, PhraseLink::kDefault};
    PhraseLink link = PhraseLink::kAnd;
    if (word == "NOT") {
        link = PhraseLink::kExclude;
        if (const auto [r, w] = last_word(rest); w == "AND") {
            if (trim_right(r).empty()) return std::nullopt;  // `AND NOT` needs a left side
            rest = r;
        }
    } else if (word == "OR") {
        link = PhraseLink::kOr;
    } else if (word == "XOR") {
        link = PhraseLink::kXor;
    } else if (word != "AND") {
        return std::nullopt;  // NEAR, ADJ
    }
    rest = trim_right(rest);
    if (has_structure(rest)) return std::nullopt;
    if (rest.empty() && link != PhraseLink::kExclude) return std::nullopt;
    return LinkedPhrase{rest, link};
}

}  // namespace news
