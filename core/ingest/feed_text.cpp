#include "core/ingest/feed_text.hpp"

#include "core/text/ascii.hpp"

namespace news {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

bool ends_with_space(std::string_view s) {
    return !s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n');
}

std::string_view trim_end(std::string_view s) {
    while (ends_with_space(s)) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view rss_author_name(std::string_view author) {
    const auto open = author.find(" (");
    if (open == std::string_view::npos || !author.ends_with(')')) return author;
    const auto address = author.substr(0, open);
    const auto at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
        address.find(' ') != std::string_view::npos) {
        return author;
    }
    const auto name = author.substr(open + 2, author.size() - open - 3);
    return name.empty() ? author : name;
}

std::string_view without_cut_marker(std::string_view body) {
    std::string_view rest = trim_end(body);
    if (!rest.ends_with(" chars]")) return body;
    rest.remove_suffix(std::string_view(" chars]").size());
    std::size_t digits = 0;
    while (digits < rest.size() && ascii::is_digit(rest[rest.size() - 1 - digits])) ++digits;
    rest.remove_suffix(digits);
    if (digits == 0 || !rest.ends_with("[+")) return body;
    rest.remove_suffix(2);
    rest = trim_end(rest);
    if (rest.ends_with(kEllipsis)) rest.remove_suffix(kEllipsis.size());
    if (rest.ends_with("...")) rest.remove_suffix(3);
    return trim_end(rest);
}

}  // namespace news
