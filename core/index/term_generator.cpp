#include "core/index/term_generator.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include "core/index/stopwords.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

// Xapian::TermGenerator's default: longer words are dropped (and take no position).
constexpr std::size_t kMaxWordLength = 64;

// Which ASCII characters Xapian counts as word characters (letters, digits, '_'), asked of
// Xapian itself so that the two splitters cannot disagree.
const std::array<bool, 128>& ascii_word_chars() {
    static const std::array<bool, 128> table = [] {
        std::array<bool, 128> t{};
        for (unsigned c = 0; c < t.size(); ++c) t[c] = Xapian::Unicode::is_wordchar(c);
        return t;
    }();
    return table;
}

bool all_ascii(std::string_view s) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {  // eight bytes at a time: news text is mostly ASCII
        std::uint64_t chunk;
        std::memcpy(&chunk, s.data() + i, 8);
        if (chunk & 0x8080'8080'8080'8080ULL) return false;
    }
    for (; i < s.size(); ++i) {
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    }
    return true;
}

using ascii::is_digit;
using ascii::is_upper;
using ascii::to_lower;

}  // namespace

TermGenerator::TermGenerator(Xapian::Stem stemmer, std::size_t max_memo)
    : stemmer_(std::move(stemmer)), max_memo_(max_memo == 0 ? 1 : max_memo) {
    // The settings DocumentBuilder gave Xapian's generator before this class existed. With
    // STEM_ALL_Z, Xapian consults the stopper only for STOP_ALL, so stop words are indexed
    // all the same; the stopper stays so that the fallback is configured exactly as before.
    fallback_.set_stemmer(stemmer_);
    fallback_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    fallback_.set_stopper(&english_stopper());
    fallback_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void TermGenerator::set_document(Xapian::Document& doc) {
    doc_ = &doc;
    termpos_ = 0;
}

void TermGenerator::clear_document() {
    doc_ = nullptr;
    termpos_ = 0;
}

void TermGenerator::index_text(std::string_view text, Xapian::termcount wdf_inc,
                               std::string_view prefix) {
    if (all_ascii(text)) {
        index_ascii(text, wdf_inc, memo_for(prefix));
    } else {
        index_with_xapian(text, wdf_inc, prefix);
    }
}

TermGenerator::PrefixMemo& TermGenerator::memo_for(std::string_view prefix) {
    for (auto& m : memos_) {
        if (m.prefix == prefix) return m;
    }
    return memos_.emplace_back(PrefixMemo{std::string(prefix), {}});
}

void TermGenerator::index_with_xapian(std::string_view text, Xapian::termcount wdf_inc,
                                      std::string_view prefix) {
    fallback_.set_document(*doc_);  // (resets its position: set it after)
    fallback_.set_termpos(termpos_);
    fallback_.index_text(Xapian::Utf8Iterator(text.data(), text.size()), wdf_inc,
                         std::string(prefix));
    termpos_ = fallback_.get_termpos();
    fallback_.set_document(Xapian::Document());
}

// The word rules of Xapian::TermGenerator (xapian-core's parse_terms) restricted to ASCII:
// acronyms with dots ("U.S." -> "us"), words joined by one infix character ("AT&T", "O'Neil",
// "1,000.5" between digits), and up to three '+' or '#' suffixes ("C++", "C#") unless a word
// character follows them ("fish+chips").
void TermGenerator::index_ascii(std::string_view text, Xapian::termcount wdf_inc,
                                PrefixMemo& memo) {
    const auto& word_chars = ascii_word_chars();
    const std::size_t n = text.size();
    const auto is_word = [&](std::size_t i) {
        return word_chars[static_cast<unsigned char>(text[i])];
    };
    std::string& w = word_;
    std::size_t i = 0;
    for (;;) {
        while (i < n && !is_word(i)) ++i;
        if (i == n) return;
        w.clear();

        // Capitals separated by dots, not followed by a word character, make one term.
        if (is_upper(text[i])) {
            std::size_t p = i;
            do {
                w += to_lower(text[p++]);
            } while (p < n && text[p] == '.' && ++p < n && is_upper(text[p]));
            if (w.size() > 1 && (p == n || !is_word(p))) {
                i = p;
                add_word(w, wdf_inc, memo);
                continue;
            }
            w.clear();
        }

        bool at_end = false;
        for (;;) {
            char prev;
            do {
                prev = to_lower(text[i]);
                w += prev;
                ++i;
            } while (i < n && is_word(i));
            if (i == n) {
                at_end = true;
                break;
            }
            if (i + 1 == n || !is_word(i + 1)) break;
            const char infix = text[i];
            const bool joins = is_digit(prev) && is_digit(text[i + 1])
                                   ? infix == ',' || infix == '.' || infix == ';'
                                   : infix == '\'' || infix == '&';
            if (!joins) break;
            w += infix;
            ++i;
        }
        if (!at_end) {
            const std::size_t len = w.size();
            unsigned count = 0;
            while (text[i] == '+' || text[i] == '#') {
                if (++count > 3) {
                    w.resize(len);
                    break;
                }
                w += text[i];
                if (++i == n) {
                    at_end = true;
                    break;
                }
            }
            if (!at_end && is_word(i)) w.resize(len);
        }
        add_word(w, wdf_inc, memo);
    }
}

const std::string& TermGenerator::term_for(const std::string& word, PrefixMemo& memo) {
    if (memo.terms.size() >= max_memo_ && memo.terms.find(word) == nullptr) memo.terms.clear();
    auto [term, added] = memo.terms.try_emplace(word);
    if (added) {
        const std::string stem = stemmer_(word);
        if (!stem.empty()) {  // Xapian skips a word whose stem is empty (and gives it no position)
            term->reserve(1 + memo.prefix.size() + stem.size());
            *term += 'Z';
            *term += memo.prefix;
            *term += stem;
        }
    }
    return *term;
}

void TermGenerator::add_word(const std::string& word, Xapian::termcount wdf_inc, PrefixMemo& memo) {
    if (word.size() > kMaxWordLength) return;
    const std::string& term = term_for(word, memo);
    if (term.empty()) return;
    doc_->add_posting(term, ++termpos_, wdf_inc);
}

void TermGenerator::add_unpositioned(const std::string& lower_word, Xapian::termcount wdf_inc,
                                     std::string_view prefix) {
    if (lower_word.empty() || lower_word.size() > kMaxWordLength) return;
    const std::string& term = term_for(lower_word, memo_for(prefix));
    if (!term.empty()) doc_->add_term(term, wdf_inc);
}

}  // namespace news
