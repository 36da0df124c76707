#include "server/text_parse.hpp"

#include <charconv>

#include "core/text/ascii.hpp"

namespace news {

std::optional<long long> parse_integer(std::string_view text, long long min, long long max) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || value < min || value > max) return std::nullopt;
    return value;
}

std::optional<bool> parse_bool(std::string_view text) {
    const std::string lower = ascii::lower(text);
    if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") return true;
    if (lower == "false" || lower == "0" || lower == "no" || lower == "off") return false;
    return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text, char sep) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto pos = text.find(sep);
        auto item = text.substr(0, pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        if (pos == std::string_view::npos) break;
        text.remove_prefix(pos + 1);
    }
    return out;
}

}  // namespace news
