#pragma once
// ASCII letter classes and case folding, the one copy the indexer, the searcher and the server
// share. Bytes of 0x80 and above (UTF-8 sequences) are never letters here and pass through
// unchanged: text is folded exactly as the term generator folds the ASCII words it reads, and
// unlike <cctype> the answer cannot depend on the process's locale. Written as plain
// comparisons because these sit on the hottest loops (the term generator, snippet matching):
// libc's tolower was a tenth of a search when it was called per byte.

#include <algorithm>
#include <span>
#include <string>
#include <string_view>

namespace news::ascii {

constexpr bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool is_alpha(char c) {
    return is_upper(c) || is_lower(c);
}
constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
// A byte of a query word: an ASCII letter or digit, or any byte of a UTF-8 sequence (which the
// query parser and the term generator read as part of a word).
constexpr bool is_word_byte(char c) {
    return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}
// Calls f(begin, end) for each run of word bytes of `text`, in order.
template <typename F>
constexpr void for_each_word(std::string_view text, F&& f) {
    for (std::size_t i = 0; i < text.size();) {
        if (!is_word_byte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size() && is_word_byte(text[i])) ++i;
        f(begin, i);
    }
}
// The spaces that separate words in a query or an article's text.
constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
constexpr char to_lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char to_upper(char c) {
    return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

constexpr void lower_in_place(std::span<char> s) {
    for (char& c : s) c = to_lower(c);
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    lower_in_place(out);
    return out;
}

// Equal but for the case of ASCII letters (header names, file extensions).
constexpr bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return to_lower(x) == to_lower(y);
           });
}

}  // namespace news::ascii
