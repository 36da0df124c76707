#include "core/text/normalize.hpp"

#include <array>
#include <cstdint>
#include <unordered_set>

#include "core/text/ascii.hpp"
#include "core/text/fold.hpp"

namespace news {
namespace {

using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_upper;
using ascii::lower;
using ascii::to_lower;
using ascii::to_upper;

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// ---------------------------------------------------------------- pass 1: punctuation

// Decodes one UTF-8 sequence starting at s[i]; returns the code point (or 0xFFFD) and its length.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 >= 0xE0 && b0 < 0xF0) {
        const int c1 = cont(1), c2 = cont(2);
        if (c1 >= 0 && c2 >= 0) return {((b0 & 0x0F) << 12) | (c1 << 6) | c2, 3};
    } else if (b0 >= 0xC0 && b0 < 0xE0) {
        const int c1 = cont(1);
        if (c1 >= 0) return {((b0 & 0x1F) << 6) | c1, 2};
    }
    return {0xFFFD, 1};
}

// Replacement for punctuation code points that have an ASCII search equivalent, or nullptr.
const char* punctuation_replacement(char32_t cp) {
    switch (cp) {
        case 0x00A0:  // no-break space
        case 0x2009:  // thin space
        case 0x202F:  // narrow no-break space
            return " ";
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032:
            return "'";
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033:
            return "\"";
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2212:
            return "-";
        case 0x2014:
        case 0x2015:
            return " - ";
        case 0x2026:
            return "...";
        default:
            return nullptr;
    }
}

// End of the run of ASCII bytes from `i` that map_punctuation copies unchanged: all but '%',
// '-', '&' and non-ASCII bytes.
std::size_t plain_ascii_run(std::string_view in, std::size_t i) {
    while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80 && in[i] != '%' &&
           in[i] != '-' && in[i] != '&')
        ++i;
    return i;
}

// The '&' at `at` joins two short runs of capitals into one name ("AT&T", "S&P", "R&D", "M&A"):
// 1 to 3 capitals on each side, no other letter or digit touching them. The parser would split
// the name at '&' into letters that find anything; joined ("ATT") it is one word, as other
// sources write it.
bool joins_capitals(std::string_view in, std::size_t at) {
    std::size_t b = at;
    while (b > 0 && is_upper(in[b - 1])) --b;
    std::size_t e = at + 1;
    while (e < in.size() && is_upper(in[e])) ++e;
    const std::size_t left = at - b, right = e - at - 1;
    const bool alone =
        (b == 0 || !ascii::is_alnum(in[b - 1])) && (e == in.size() || !ascii::is_alnum(in[e]));
    return left >= 1 && left <= 3 && right >= 1 && right <= 3 && alone;
}

std::string map_punctuation(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    for (std::size_t i = 0; i < in.size();) {
        // Most bytes are ASCII that stays as it is: copy each such run at once.
        const std::size_t plain = plain_ascii_run(in, i);
        out.append(in.substr(i, plain - i));
        if ((i = plain) == in.size()) break;
        const char c = in[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {
                out += " - ";  // "--" is an em dash typed in ASCII
                while (i < in.size() && in[i] == '-') ++i;
                continue;
            }
            if (c == '&' && joins_capitals(in, i)) {
                ++i;
                continue;
            }
            if (c == '%') {
                if (!out.empty() && out.back() != ' ') out += ' ';
                out += "percent";
                ++i;
                continue;
            }
            out += c;
            ++i;
            continue;
        }
        const auto [cp, len] = decode(in, i);
        if (const char* rep = punctuation_replacement(cp)) {
            out += rep;
        } else if (const auto folded = fold_diacritic(cp)) {
            out += *folded;
        } else {
            out.append(in.substr(i, len));
        }
        i += len;
    }
    return out;
}

// ---------------------------------------------------------------- spelling rules

// Words the suffix rules would wrongly rewrite (American English spells them the same).
const std::unordered_set<std::string_view>& rule_exceptions() {
    static const std::unordered_set<std::string_view> kWords = {
        // -ise words that are not -ize in American English
        "advertise", "advise", "apprise", "arise", "chastise", "circumcise", "comprise",
        "compromise", "concise", "demise", "despise", "devise", "enfranchise", "enterprise",
        "excise", "exercise", "expertise", "franchise", "improvise", "incise", "likewise",
        "merchandise", "otherwise", "paradise", "precise", "premise", "promise", "reprise",
        "revise", "supervise", "surmise", "surprise", "televise", "treatise", "clockwise",
        "anticlockwise", "counterclockwise", "sunrise", "moonrise", "uprise", "mortise", "valise",
        "cerise", "chemise", "preise", "disenfranchise", "prise",
        // -our words that keep the u
        "contour", "detour", "devour", "velour", "troubadour", "paramour", "tambour", "pompadour",
        "glamour",
        // -tre / -bre words that keep the ending
        "macabre", "timbre", "maitre", "notre", "contre", "outre", "entre", "hatred"};
    return kWords;
}

struct SuffixRule {
    std::string_view from;
    std::string_view to;
    std::string_view lemma_suffix;  // the ending of the base word, to look up exceptions
    std::size_t min_stem;           // letters that must precede the rule's core ending
    bool consonant_before;          // the letter before the ending must be a consonant
};

// Longest suffixes first within each family; the first rule that matches wins.
constexpr std::array kRules = {
    // -ise -> -ize
    SuffixRule{"isations", "izations", "ise", 3, true},
    SuffixRule{"isation", "ization", "ise", 3, true},
    SuffixRule{"ising", "izing", "ise", 3, true},
    SuffixRule{"isers", "izers", "ise", 3, true},
    SuffixRule{"iser", "izer", "ise", 3, true},
    SuffixRule{"ised", "ized", "ise", 3, true},
    SuffixRule{"ises", "izes", "ise", 3, true},
    SuffixRule{"ise", "ize", "ise", 3, true},
    // -yse -> -yze
    SuffixRule{"ysing", "yzing", "yse", 3, false},
    SuffixRule{"ysed", "yzed", "yse", 3, false},
    SuffixRule{"yses", "yzes", "yse", 3, false},
    SuffixRule{"yse", "yze", "yse", 3, false},
    // -our -> -or
    SuffixRule{"ourites", "orites", "our", 3, false},
    SuffixRule{"ourite", "orite", "our", 3, false},
    SuffixRule{"ourable", "orable", "our", 3, false},
    SuffixRule{"ourably", "orably", "our", 3, false},
    SuffixRule{"ouring", "oring", "our", 3, false},
    SuffixRule{"ourers", "orers", "our", 3, false},
    SuffixRule{"ourer", "orer", "our", 3, false},
    SuffixRule{"oured", "ored", "our", 3, false},
    SuffixRule{"ourful", "orful", "our", 3, false},
    SuffixRule{"ourless", "orless", "our", 3, false},
    SuffixRule{"ourist", "orist", "our", 3, false},
    SuffixRule{"ourism", "orism", "our", 3, false},
    SuffixRule{"oural", "oral", "our", 3, false},
    SuffixRule{"ours", "ors", "our", 3, false},
    SuffixRule{"our", "or", "our", 3, false},
    // -tre / -bre -> -ter / -ber
    SuffixRule{"tres", "ters", "tre", 2, false},
    SuffixRule{"tred", "tered", "tre", 2, false},
    SuffixRule{"tre", "ter", "tre", 2, false},
    SuffixRule{"bres", "bers", "bre", 2, false},
    SuffixRule{"bre", "ber", "bre", 2, false},
    // -logue -> -log
    SuffixRule{"logues", "logs", "logue", 2, false},
    SuffixRule{"logue", "log", "logue", 2, false},
    // doubled l before a suffix: travelled -> traveled
    SuffixRule{"elled", "eled", "el", 3, true},
    SuffixRule{"elling", "eling", "el", 3, true},
};

std::string apply_rules(std::string_view w) {
    for (const auto& r : kRules) {
        if (w.size() <= r.from.size() || !w.ends_with(r.from)) continue;
        const std::string_view stem = w.substr(0, w.size() - r.from.size());
        if (stem.size() < r.min_stem) continue;
        if (r.consonant_before && (is_vowel(stem.back()) || stem.back() == 'y')) continue;
        std::string lemma(stem);
        lemma += r.lemma_suffix;
        if (rule_exceptions().contains(lemma) || rule_exceptions().contains(w))
            return std::string(w);
        // "-cise" and "-vise" words (precise, revise) never take -ize.
        if (r.lemma_suffix == "ise" && (stem.back() == 'c' || stem.back() == 'v'))
            return std::string(w);
        std::string out(stem);
        out += r.to;
        return out;
    }
    return std::string(w);
}

// ---------------------------------------------------------------- pass 2: words

// Appends `word` in the case of `original`: all capitals when it is (and has two letters or
// more), else a capital first letter when it has one. Written in place, without a copy of the
// word.
void append_recased(std::string& out, std::string_view original, std::string_view word) {
    const std::size_t start = out.size();
    out.append(word);
    bool all_upper = original.size() > 1;
    for (char c : original) all_upper = all_upper && is_upper(c);
    if (all_upper) {
        for (std::size_t k = start; k < out.size(); ++k) out[k] = to_upper(out[k]);
    } else if (!original.empty() && is_upper(original.front()) && !word.empty()) {
        out[start] = to_upper(out[start]);
    }
}

const char* magnitude_word(std::string_view lower_word) {
    if (lower_word == "mn" || lower_word == "mln") return "million";
    if (lower_word == "bn" || lower_word == "bln") return "billion";
    if (lower_word == "tn" || lower_word == "trn") return "trillion";
    if (lower_word == "pct") return "percent";
    return nullptr;
}

class WordPass {
  public:
    WordPass(std::string_view s, const SpellingVariants& v, AmericanizeMemo* memo = nullptr)
        : s_(s), variants_(v), memo_(memo) {
        out_.reserve(s.size() + 16);
    }

    std::string run() {
        while (i_ < s_.size()) {
            // Everything up to the next letter that starts a word is copied as one run (byte
            // by byte it was a tenth of this pass).
            std::size_t j = i_;
            while (j < s_.size() && !(is_alpha(s_[j]) && !word_byte_before(j))) ++j;
            out_.append(s_.substr(i_, j - i_));
            i_ = j;
            if (i_ < s_.size()) word();
        }
        return std::move(out_);
    }

  private:
    bool word_byte_before(std::size_t i) const {
        if (i == 0) return false;
        const char p = s_[i - 1];
        return is_alpha(p) || static_cast<unsigned char>(p) >= 0x80;
    }

    std::size_t letters_from(std::size_t j) const {
        std::size_t k = j;
        while (k < s_.size() && is_alpha(s_[k])) ++k;
        return k;
    }

    bool word_ends_at(std::size_t k) const {
        return k >= s_.size() || (!is_alpha(s_[k]) && static_cast<unsigned char>(s_[k]) < 0x80);
    }

    // Previous non-space output is a digit, with at most one space between.
    bool follows_number() const {
        std::size_t n = out_.size();
        if (n > 0 && out_[n - 1] == ' ') --n;
        return n > 0 && is_digit(out_[n - 1]);
    }

    // "U.S." / "U.K." / "U.S.A." -> letters without dots; returns false when not an initialism.
    bool initialism() {
        std::size_t k = i_;
        std::string letters;
        while (k + 1 < s_.size() && is_upper(s_[k]) && s_[k + 1] == '.' &&
               (k == i_ || !is_alpha(s_[k - 1]))) {
            letters += s_[k];
            k += 2;
        }
        if (letters.size() < 2) return false;
        if (k < s_.size() && is_alpha(s_[k])) return false;  // "U.S.Steel"-like run-on: leave
        out_ += letters;
        i_ = k;
        return true;
    }

    void word() {
        if (initialism()) return;
        std::size_t end = letters_from(i_);
        // co-operation -> cooperation: join the co- prefix with the word it qualifies.
        if (end - i_ == 2 && to_lower(s_[i_]) == 'c' && to_lower(s_[i_ + 1]) == 'o' &&
            end + 1 < s_.size() && s_[end] == '-' && is_alpha(s_[end + 1])) {
            const std::size_t rest_end = letters_from(end + 1);
            std::string joined(s_.substr(i_, 2));
            joined.append(s_.substr(end + 1, rest_end - end - 1));
            i_ = rest_end;
            emit_word(joined, word_ends_at(rest_end));
            return;
        }
        const std::string_view w = s_.substr(i_, end - i_);
        i_ = end;
        emit_word(w, word_ends_at(end));
    }

    void emit_word(std::string_view w, bool ascii_word) {
        if (!ascii_word) {  // part of a word with non-ASCII letters: leave as written
            out_.append(w);
            return;
        }
        std::string& lw = lower_;  // reused: no allocation per word
        lw.assign(w);
        for (auto& c : lw) c = to_lower(c);
        if (const char* mag = magnitude_word(lw); mag && follows_number()) {
            if (!out_.empty() && out_.back() != ' ') out_ += ' ';
            out_ += mag;
            return;
        }
        if (lw == "per" && per_cent_follows()) {
            out_ += "percent";
            return;
        }
        if (memo_) {
            append_recased(out_, w, (*memo_)(lw));
        } else {
            append_recased(out_, w, americanize_word(lw, variants_));
        }
    }

    // After "per": " cent" as a whole word; consumes it.
    bool per_cent_follows() {
        std::size_t k = i_;
        if (k >= s_.size() || s_[k] != ' ') return false;
        while (k < s_.size() && s_[k] == ' ') ++k;
        const std::size_t end = letters_from(k);
        if (lower(s_.substr(k, end - k)) != "cent" || !word_ends_at(end)) return false;
        i_ = end;
        return true;
    }

    std::string_view s_;
    const SpellingVariants& variants_;
    AmericanizeMemo* memo_;
    std::string out_;
    std::string lower_;
    std::size_t i_ = 0;
};

}  // namespace

std::string americanize_word(std::string_view lower_word, const SpellingVariants& variants) {
    if (auto it = variants.find(lower_word); it != variants.end()) return it->second;
    if (lower_word.size() > 1 && lower_word.back() == 's') {
        if (auto it = variants.find(lower_word.substr(0, lower_word.size() - 1));
            it != variants.end())
            return it->second + "s";
    }
    return apply_rules(lower_word);
}

std::string normalize_for_index(std::string_view text, const SpellingVariants& variants) {
    const std::string pass1 = map_punctuation(text);
    return WordPass(pass1, variants).run();
}

AmericanizeMemo::AmericanizeMemo(SpellingVariants variants, std::size_t max_entries)
    : variants_(std::move(variants)), max_entries_(max_entries == 0 ? 1 : max_entries) {}

const std::string& AmericanizeMemo::operator()(const std::string& lower_word) {
    if (const std::string* known = memo_.find(lower_word)) return *known;
    if (memo_.size() >= max_entries_) memo_.clear();
    std::string& added = *memo_.try_emplace(lower_word).first;
    added = americanize_word(lower_word, variants_);
    return added;
}

std::string normalize_for_index(std::string_view text, AmericanizeMemo& memo) {
    const std::string pass1 = map_punctuation(text);
    return WordPass(pass1, memo.variants(), &memo).run();
}

std::vector<std::string> search_words(std::string_view text, bool keep_case) {
    std::vector<std::string> words;
    words.reserve(text.size() / 6);
    ascii::for_each_word(text, [&](std::size_t begin, std::size_t end) {
        const auto w = text.substr(begin, end - begin);
        words.push_back(keep_case ? std::string(w) : lower(w));
    });
    return words;
}

std::string serialize_variants(const SpellingVariants& variants) {
    std::string out;
    for (const auto& [brit, amer] : variants) {
        out += brit;
        out += '=';
        out += amer;
        out += '\n';
    }
    return out;
}

SpellingVariants parse_variants(std::string_view text) {
    SpellingVariants out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == line.size()) continue;
        out.emplace(lower(line.substr(0, eq)), lower(line.substr(eq + 1)));
    }
    return out;
}

}  // namespace news
