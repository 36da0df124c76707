#include "core/search/passage.hpp"

#include <algorithm>
#include <cctype>

namespace news {
namespace {

constexpr std::size_t kMaxNeedles = 64;  // a wildcard may expand to hundreds of terms

bool is_word_byte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Does a word of `text` start with `needle` (ASCII case folded)?
bool has_word_starting_with(std::string_view text, std::string_view needle) {
    if (needle.empty() || text.size() < needle.size()) return false;
    const char first = needle.front();
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (lower(text[i]) != first) continue;
        if (i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]))) continue;
        std::size_t k = 1;
        while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

int needles_in(std::string_view text, std::span<const std::string> needles) {
    int found = 0;
    for (const auto& n : needles) found += has_word_starting_with(text, n) ? 1 : 0;
    return found;
}

// A term the body is indexed with: "Z" + a stem, or an unprefixed word (Xapian prefixes are
// upper case; words are lower-cased at index time).
std::string needle_of(const std::string& term) {
    if (term.empty()) return {};
    const auto c0 = static_cast<unsigned char>(term[0]);
    if (c0 == 'Z') {
        if (term.size() < 2 || std::isupper(static_cast<unsigned char>(term[1]))) return {};
        const std::string stem = term.substr(1);
        return stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem;
    }
    return std::isupper(c0) ? std::string() : term;
}

}  // namespace

std::vector<std::string> passage_needles(const Xapian::Query& query) {
    std::vector<std::string> out;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        std::string n = needle_of(*it);
        if (n.empty() || std::find(out.begin(), out.end(), n) != out.end()) continue;
        out.push_back(std::move(n));
        if (out.size() >= kMaxNeedles) break;
    }
    return out;
}

Passage best_passage(std::span<const std::string_view> paragraphs,
                     std::span<const std::string> needles, std::size_t length) {
    std::size_t best = 0;
    int best_found = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const int found = needles_in(paragraphs[i], needles);
        if (found > best_found) {
            best = i;
            best_found = found;
            if (found == static_cast<int>(needles.size())) break;
        }
    }
    Passage out;
    const std::size_t first = best_found > 0 ? best : 0;
    // Needles found nowhere (a match through the title or a synonym): the whole body, so the
    // generator can still find what it would have. No needles at all: nothing to find.
    const bool whole = best_found == 0 && !needles.empty();
    const std::size_t wanted = whole ? std::string::npos : 2 * length;
    out.from_start = first == 0;
    for (std::size_t i = first; i < paragraphs.size() && out.text.size() < wanted; ++i) {
        if (!out.text.empty()) out.text += ' ';
        out.text += paragraphs[i];
    }
    return out;
}

}  // namespace news
