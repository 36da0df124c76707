#pragma once
// The text helpers the cleaner's line tests are made of: trimming, counting words, reading a
// line as a label. Lines are UTF-8; only ASCII letters change case.

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace news::clean {

// Without spaces, tabs and no-break spaces at either end.
std::string trim(std::string_view s);

std::size_t word_count(std::string_view line);
bool ends_sentence(std::string_view line);  // . ! ? … or a closing quote after one
bool starts_upper(std::string_view line);   // an ASCII capital first

// The line as a label: lower-case, trailing ".", ":", "…" and spaces dropped.
std::string label(std::string_view line);

bool contains(std::string_view hay, std::string_view needle);
bool all_digits(std::string_view s);  // and not empty
bool starts_with_any(std::string_view l, std::initializer_list<std::string_view> prefixes);
bool ends_with_any(std::string_view l, std::initializer_list<std::string_view> suffixes);

// A line that only separates: "-", "—", "–", "•", "*", "***", "|", "/".
bool is_separator(std::string_view t);

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
    for (const auto& x : set) {
        if (x == s) return true;
    }
    return false;
}

}  // namespace news::clean
