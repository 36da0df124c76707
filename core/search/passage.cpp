#include "core/search/passage.hpp"

#include <algorithm>

#include "core/search/sought_terms.hpp"
#include "core/text/ascii.hpp"

namespace news {
namespace {

constexpr std::size_t kMaxNeedles = 64;  // a wildcard may expand to hundreds of terms

// ASCII only, as the needles are matched.
using ascii::to_lower;

// Where the first word of `text` that starts with `needle` (ASCII case folded) begins.
std::size_t find_word_starting_with(std::string_view text, std::string_view needle) {
    if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
    const char first = needle.front();
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (to_lower(text[i]) != first) continue;
        if (i > 0 && ascii::is_word_byte(text[i - 1])) continue;
        std::size_t k = 1;
        while (k < needle.size() && to_lower(text[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

struct Found {
    int needles = 0;                             // distinct needles present
    std::size_t first = std::string_view::npos;  // offset of the earliest
};

Found needles_in(std::string_view text, std::span<const std::string> needles) {
    Found f;
    for (const auto& n : needles) {
        const auto at = find_word_starting_with(text, n);
        if (at == std::string_view::npos) continue;
        ++f.needles;
        f.first = std::min(f.first, at);
    }
    return f;
}

std::string needle_of(const std::string& term) {
    const auto body = body_term(term);
    return body ? needle_of(*body) : std::string();
}

// The start of the word after the space at or following `at` (0 when there is none), so the
// passage never begins inside a word or a UTF-8 sequence.
std::size_t word_start_from(std::string_view text, std::size_t at) {
    const auto space = text.find(' ', at);
    return space == std::string_view::npos ? 0 : space + 1;
}

}  // namespace

std::optional<BodyTerm> body_term(std::string_view term) {
    return field_term(term, {});
}

std::string needle_of(const BodyTerm& term) {
    const std::string& t = term.text;
    return term.stemmed && t.size() > 3 ? t.substr(0, t.size() - 1) : t;
}

std::optional<BodyTerm> field_term(std::string_view term, std::string_view prefix) {
    const bool stemmed = term.starts_with('Z');
    std::string_view rest = stemmed ? term.substr(1) : term;
    if (!rest.starts_with(prefix)) return std::nullopt;
    rest.remove_prefix(prefix.size());
    // A capital after the prefix starts a longer prefix ("XS" is not a title word).
    if (rest.empty() || ascii::is_upper(rest.front())) return std::nullopt;
    return BodyTerm{std::string(rest), stemmed};
}

std::vector<std::string> passage_needles(const Xapian::Query& query) {
    std::vector<std::string> out;
    for (const auto& term : sought_terms(query)) {
        std::string n = needle_of(term);
        if (n.empty() || std::find(out.begin(), out.end(), n) != out.end()) continue;
        out.push_back(std::move(n));
        if (out.size() >= kMaxNeedles) break;
    }
    return out;
}

Passage best_passage(std::span<const std::string_view> paragraphs,
                     std::span<const std::string> needles, std::size_t length) {
    std::size_t best = 0;
    Found best_found;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const Found found = needles_in(paragraphs[i], needles);
        if (found.needles > best_found.needles) {
            best = i;
            best_found = found;
            if (found.needles == static_cast<int>(needles.size())) break;
        }
    }
    Passage out;
    if (best_found.needles == 0 && !needles.empty()) {
        // Found nowhere (a match through the title or a synonym): the whole body, so the
        // generator can still find what it would have.
        for (const auto p : paragraphs) {
            if (!out.text.empty()) out.text += ' ';
            out.text += p;
        }
        return out;
    }
    if (paragraphs.empty()) return out;
    // Some context before the earliest query word, then enough text for the generator to
    // choose the best `length` bytes from.
    const std::string_view lead = paragraphs[best];
    const std::size_t context = length / 2;
    const std::size_t start = best_found.needles > 0 && best_found.first > context
                                  ? word_start_from(lead, best_found.first - context)
                                  : 0;
    const std::size_t budget = length + length / 2;
    out.text.assign(lead.substr(start));
    std::size_t next = best + 1;
    for (; next < paragraphs.size() && out.text.size() < budget; ++next) {
        out.text += ' ';
        out.text += paragraphs[next];
    }
    out.from_start = best == 0 && start == 0;
    out.to_end = next == paragraphs.size();
    if (out.text.size() > budget) {
        if (const auto cut = out.text.rfind(' ', budget); cut != std::string::npos && cut > 0) {
            out.text.resize(cut);
            out.to_end = false;
        }
    }
    return out;
}

}  // namespace news
