#include "core/clean/line_text.hpp"

#include "core/text/ascii.hpp"

namespace news::clean {
namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string label(std::string_view line) {
    std::string l = ascii::lower(trim(line));
    for (;;) {
        if (l.ends_with("...")) {
            l.resize(l.size() - 3);
        } else if (l.ends_with("\xE2\x80\xA6")) {  // …
            l.resize(l.size() - 3);
        } else if (!l.empty() && (l.back() == '.' || l.back() == ':' || l.back() == ' ')) {
            l.pop_back();
        } else {
            break;
        }
    }
    return l;
}

bool contains(std::string_view hay, std::string_view needle) {
    return hay.find(needle) != std::string_view::npos;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!ascii::is_digit(c)) return false;
    }
    return true;
}

bool is_separator(std::string_view t) {
    return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "\xE2\x80\xA2" ||
           t == "*" || t == "***" || t == "|" || t == "/";
}

bool starts_with_any(std::string_view l, std::initializer_list<std::string_view> prefixes) {
    for (const auto p : prefixes) {
        if (l.starts_with(p)) return true;
    }
    return false;
}

bool ends_with_any(std::string_view l, std::initializer_list<std::string_view> suffixes) {
    for (const auto x : suffixes) {
        if (l.ends_with(x)) return true;
    }
    return false;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    auto nbsp_at = [&](std::size_t i) {
        return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0;
    };
    while (b < e) {
        if (is_space(static_cast<unsigned char>(s[b]))) {
            ++b;
        } else if (nbsp_at(b)) {
            b += 2;
        } else {
            break;
        }
    }
    while (e > b) {
        if (is_space(static_cast<unsigned char>(s[e - 1]))) {
            --e;
        } else if (e >= b + 2 && nbsp_at(e - 2)) {
            e -= 2;
        } else {
            break;
        }
    }
    return std::string(s.substr(b, e - b));
}

bool starts_upper(std::string_view s) {
    return !s.empty() && ascii::is_upper(s[0]);
}

std::size_t word_count(std::string_view line) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : line) {
        const bool space = is_space(static_cast<unsigned char>(c));
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

bool ends_sentence(std::string_view line) {
    std::string t = trim(line);
    // Closing quotes and brackets after the punctuation: ."  .'  .”  .’  .)
    for (;;) {
        if (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x99")) {
            t.resize(t.size() - 3);
        } else if (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')')) {
            t.pop_back();
        } else {
            break;
        }
    }
    if (t.ends_with("\xE2\x80\xA6")) return true;
    return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
}

}  // namespace news::clean
