#include "server/plain_get.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/text/ascii.hpp"

namespace news {
namespace {

constexpr std::string_view kCrlf = "\r\n";

bool is_token_char(char c) {
    return ascii::is_alnum(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_printable_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// Visible characters, blanks inside, and bytes of UTF-8 or Latin-1 text; no controls.
bool is_field_value(std::string_view v) {
    if (!v.empty() && is_blank(v.back())) return false;
    return std::all_of(v.begin(), v.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return c == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

using ascii::iequals;

// Headers after which the full path answers differently, or reads more than the head.
constexpr std::array<std::string_view, 5> kNotPlain = {"content-length", "transfer-encoding",
                                                       "expect", "origin", "range"};

}  // namespace

std::optional<PlainGet> read_plain_get(std::string_view buffered, std::string_view path,
                                       std::size_t max_head) {
    const auto blank_line = buffered.find("\r\n\r\n");
    if (blank_line == std::string_view::npos) return std::nullopt;
    PlainGet out;
    out.head_bytes = blank_line + 4;
    if (out.head_bytes > max_head) return std::nullopt;

    constexpr std::string_view kMethod = "GET ", kVersion = " HTTP/1.1";
    const auto line_end = buffered.find(kCrlf);
    const auto line = buffered.substr(0, line_end);
    if (!line.starts_with(kMethod) || !line.ends_with(kVersion)) return std::nullopt;
    const auto target = line.substr(kMethod.size(), line.size() - kMethod.size() - kVersion.size());
    if (!is_printable_ascii(target) || !target.starts_with(path) || target.size() == path.size() ||
        target[path.size()] != '?') {
        return std::nullopt;
    }
    out.query = target.substr(path.size() + 1);

    // Each header line with its CRLF; the blank line's CRLF ends the loop.
    std::size_t headers = 0;
    bool connection_seen = false;
    bool accept_encoding_seen = false;
    for (auto rest = buffered.substr(line_end + 2, blank_line - line_end); !rest.empty();) {
        const auto eol = rest.find(kCrlf);
        const auto field = rest.substr(0, eol);
        rest.remove_prefix(eol + kCrlf.size());
        const auto colon = field.find(':');
        if (colon == std::string_view::npos || colon == 0) return std::nullopt;
        const auto name = field.substr(0, colon);
        if (!std::all_of(name.begin(), name.end(), is_token_char)) return std::nullopt;
        auto value = field.substr(colon + 1);
        while (!value.empty() && is_blank(value.front())) value.remove_prefix(1);
        if (!is_field_value(value)) return std::nullopt;
        for (const auto refused : kNotPlain) {
            if (iequals(name, refused)) return std::nullopt;
        }
        if (iequals(name, "connection")) {
            if (connection_seen) return std::nullopt;
            connection_seen = true;
            out.close = value == "close";  // as cpp-httplib decides it
        } else if (iequals(name, "accept-encoding")) {
            if (accept_encoding_seen) return std::nullopt;
            accept_encoding_seen = true;
            out.accept_encoding = value;
        }
        ++headers;
    }
    // The full path counts each header as name + value + 4 bytes, at most 2 more than its line.
    if (out.head_bytes + 2 * headers > max_head) return std::nullopt;
    return out;
}

}  // namespace news
