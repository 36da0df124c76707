#include "core/text/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace news {
namespace {

using nlohmann::json;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid (overlong
// forms, surrogates and code points past U+10FFFF included, as RFC 3629 defines).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto cont = [&](std::size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
    const unsigned char c = b(0);
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
        if (c == 0xED && b(1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && b(1) > 0x8F) return 0;  // past U+10FFFF
        return 4;
    }
    return 0;
}

void write_escape(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default: {
            constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
}

void write_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (const auto n = utf8_sequence(s, i); n > 0) {
                i += n;
                continue;
            }
        }
        out.append(s.substr(run, i - run));
        if (c >= 0x80) {
            out += kReplacement;
        } else {
            write_escape(out, c);
        }
        run = ++i;
    }
    out.append(s.substr(run));
    out += '"';
}

template <typename Number>
void write_integer(std::string& out, Number n) {
    std::array<char, 24> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), n);
    out.append(buf.data(), r.ptr);
}

void write_float(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    std::array<char, 32> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), d);
    const std::string_view text(buf.data(), static_cast<std::size_t>(r.ptr - buf.data()));
    out += text;
    // nlohmann keeps a float recognisable as one: 12.0, not 12.
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void write_value(std::string& out, const json& v) {
    switch (v.type()) {
        case json::value_t::object: {
            out += '{';
            bool first = true;
            for (const auto& [key, item] : v.items()) {
                if (!first) out += ',';
                first = false;
                write_string(out, key);
                out += ':';
                write_value(out, item);
            }
            out += '}';
            return;
        }
        case json::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ',';
                first = false;
                write_value(out, item);
            }
            out += ']';
            return;
        }
        case json::value_t::string:
            write_string(out, v.get_ref<const std::string&>());
            return;
        case json::value_t::boolean:
            out += v.get<bool>() ? "true" : "false";
            return;
        case json::value_t::number_integer:
            write_integer(out, v.get<std::int64_t>());
            return;
        case json::value_t::number_unsigned:
            write_integer(out, v.get<std::uint64_t>());
            return;
        case json::value_t::number_float:
            write_float(out, v.get<double>());
            return;
        case json::value_t::binary:
        case json::value_t::discarded:
        case json::value_t::null:
            out += "null";
            return;
    }
}

}  // namespace

std::string write_json(const json& value) {
    std::string out;
    out.reserve(4096);
    write_value(out, value);
    return out;
}

}  // namespace news
