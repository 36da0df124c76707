#include "common/http_head.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace bench {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::size_t head_end(std::string_view received) {
    const auto pos = received.find("\r\n\r\n");
    return pos == std::string_view::npos ? pos : pos + 4;
}

std::optional<ResponseHead> parse_response_head(std::string_view head) {
    auto line_end = head.find("\r\n");
    if (line_end == std::string_view::npos) return std::nullopt;
    const auto status_line = head.substr(0, line_end);
    // "HTTP/1.x NNN reason"
    if (status_line.size() < 12 || !status_line.starts_with("HTTP/1.") || status_line[8] != ' ')
        return std::nullopt;
    ResponseHead out;
    if (!parse_number(status_line.substr(9, 3), out.status)) return std::nullopt;
    bool keep_alive = status_line[7] == '1';  // HTTP/1.1 keeps the connection by default
    bool has_length = false;
    for (auto pos = line_end + 2; pos < head.size();) {
        line_end = head.find("\r\n", pos);
        if (line_end == std::string_view::npos) line_end = head.size();
        const auto line = head.substr(pos, line_end - pos);
        pos = line_end + 2;
        if (line.empty()) break;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const auto name = line.substr(0, colon);
        const auto value = trim(line.substr(colon + 1));
        if (iequals(name, "Content-Length")) {
            if (!parse_number(value, out.content_length)) return std::nullopt;
            has_length = true;
        } else if (iequals(name, "Connection")) {
            keep_alive = !iequals(value, "close") && (keep_alive || iequals(value, "keep-alive"));
        } else if (iequals(name, "Content-Encoding")) {
            out.gzipped = iequals(value, "gzip");
        } else if (iequals(name, "Transfer-Encoding")) {
            return std::nullopt;
        }
    }
    if (!has_length) return std::nullopt;
    out.closes = !keep_alive;
    out.head_size = head.size();
    return out;
}

}  // namespace bench
