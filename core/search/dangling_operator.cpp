#include "core/search/dangling_operator.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text/ascii.hpp"

namespace news {
namespace {

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && ascii::is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_operator(std::string_view word) {
    static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                                   "XOR", "NEAR", "ADJ"};
    return std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
}

// `s` up to its last word, when that word is an operator after a space.
std::optional<std::string_view> before_operator(std::string_view s) {
    s = trim_right(s);
    std::size_t word = s.size();
    while (word > 0 && ascii::is_word_byte(s[word - 1])) --word;
    if (word == 0 || !ascii::is_space(s[word - 1]) || !is_operator(s.substr(word))) {
        return std::nullopt;
    }
    return s.substr(0, word);
}

}  // namespace

std::string_view without_dangling_operator(std::string_view text) {
    std::string_view rest = text;
    while (const auto shorter = before_operator(rest)) rest = *shorter;
    if (rest.size() == text.size()) return text;
    rest = trim_right(rest);
    const bool something_left = std::any_of(rest.begin(), rest.end(), [](char c) {
        return ascii::is_word_byte(c) || c == '"' || c == ')';
    });
    return something_left ? rest : text;
}

}  // namespace news
