#pragma once
// Strict parsers for numbers, booleans and lists given as text (flags, environment, query strings).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// The whole text must be a decimal integer within [min, max]; no sign games, no trailing junk.
std::optional<long long> parse_integer(std::string_view text, long long min, long long max);

// true/false, 1/0, yes/no, on/off (case-insensitive).
std::optional<bool> parse_bool(std::string_view text);

// Splits on `sep`, trims spaces, drops empty items.
std::vector<std::string> split_list(std::string_view text, char sep);

}  // namespace news
