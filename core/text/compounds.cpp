#include "core/text/compounds.hpp"

#include <algorithm>

#include "core/text/ascii.hpp"

namespace news {
namespace {

// Xapian drops longer words; a longer joined form could never match one.
constexpr std::size_t kMaxJoined = 64;

// A character of a word as the term generator reads words (Xapian counts '_' as one).
bool is_part_byte(char c) {
    return ascii::is_word_byte(c) || c == '_';
}

bool all_alnum(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return ascii::is_alnum(c); });
}

}  // namespace

std::vector<Compound> hyphen_compounds(std::string_view text) {
    std::vector<Compound> out;
    const auto joins = [&](std::size_t h) {  // a hyphen with a word character on either side
        return h > 0 && h + 1 < text.size() && text[h] == '-' && is_part_byte(text[h - 1]) &&
               is_part_byte(text[h + 1]);
    };
    // Hyphens are few: jump from one to the next. A chain is read whole at its first hyphen.
    std::size_t read = 0;  // where the last chain ended
    for (std::size_t h = text.find('-'); h != std::string_view::npos; h = text.find('-', h + 1)) {
        if (h < read || !joins(h)) continue;
        std::size_t begin = h;
        while (begin > read && is_part_byte(text[begin - 1])) --begin;
        std::size_t end = h, parts = 1;
        while (joins(end)) {
            ++parts;
            ++end;
            while (end < text.size() && is_part_byte(text[end])) ++end;
        }
        read = end;
        if (parts != 2 || !ascii::is_alpha(text[begin])) continue;
        const std::string_view first = text.substr(begin, h - begin);
        const std::string_view second = text.substr(h + 1, end - h - 1);
        if (!all_alnum(first) || !all_alnum(second) || first.size() + second.size() > kMaxJoined) {
            continue;
        }
        out.push_back({begin, end, ascii::lower(first) + ascii::lower(second)});
    }
    return out;
}

}  // namespace news
