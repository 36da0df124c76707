#include "core/model/published_date.hpp"

#include <array>
#include <chrono>
#include <vector>

#include "core/text/ascii.hpp"

namespace news {
namespace {

struct Token {
    std::string_view text;
    bool digits;
};

// The first `max` letter runs and digit runs, separated by spaces, commas, dots or dashes; the
// runs stop at any other character (a colon of a time, say), so a date must come first.
std::vector<Token> leading_tokens(std::string_view s, std::size_t max) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size() && out.size() < max) {
        const char c = s[i];
        if (c == ' ' || c == ',' || c == '.' || c == '-' || c == '\t') {
            ++i;
            continue;
        }
        const bool digits = ascii::is_digit(c);
        if (!digits && !ascii::is_alpha(c)) break;
        const std::size_t start = i;
        while (i < s.size() && (digits ? ascii::is_digit(s[i]) : ascii::is_alpha(s[i]))) ++i;
        out.push_back({s.substr(start, i - start), digits});
    }
    return out;
}

// 1-12 for an English month name (full, three letters, or "sept"), else 0.
unsigned month_of(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const std::string w = ascii::lower(word);
    for (unsigned m = 0; m < kNames.size(); ++m) {
        if (w == kNames[m] || (w.size() == 3 && kNames[m].starts_with(w))) return m + 1;
    }
    return w == "sept" ? 9 : 0;
}

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> kNames = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const std::string w = ascii::lower(word);
    for (const auto name : kNames) {
        if (w == name || (w.size() == 3 && name.starts_with(w))) return true;
    }
    return false;
}

std::optional<unsigned> number(const Token& t, std::size_t min_len, std::size_t max_len) {
    if (!t.digits || t.text.size() < min_len || t.text.size() > max_len) return std::nullopt;
    unsigned n = 0;
    for (const char c : t.text) n = n * 10 + static_cast<unsigned>(c - '0');
    return n;
}

std::optional<std::string> iso(unsigned year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(year)},
                                          std::chrono::month{month}, std::chrono::day{day}};
    if (year < 1000 || !ymd.ok()) return std::nullopt;
    std::string out = std::to_string(year) + "-00-00";
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
}

// YYYY-MM-DD or YYYY/MM/DD at the start, and nothing but a time or an end after it.
std::optional<std::string> year_first(std::string_view s) {
    if (s.size() < 10 || s[4] != s[7] || (s[4] != '-' && s[4] != '/')) return std::nullopt;
    if (s.size() > 10 && ascii::is_digit(s[10])) return std::nullopt;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!ascii::is_digit(s[i])) return std::nullopt;
    }
    const auto num = [&](std::size_t at, std::size_t len) {
        unsigned n = 0;
        for (std::size_t k = at; k < at + len; ++k) n = n * 10 + static_cast<unsigned>(s[k] - '0');
        return n;
    };
    return iso(num(0, 4), num(5, 2), num(8, 2));
}

}  // namespace

std::optional<std::string> unix_time_date(double time) {
    if (!(time >= 0)) return std::nullopt;  // also NaN
    const double seconds = time >= 1e11 ? time / 1000 : time;
    constexpr double kYear10000 = 253402300800.0;
    if (seconds >= kYear10000) return std::nullopt;  // (and no day count too big for a long)
    return days_iso_date(static_cast<long>(seconds / 86400));
}

std::optional<std::string> published_date(std::string_view text) {
    if (auto d = year_first(text)) return d;
    auto tokens = leading_tokens(text, 4);
    if (!tokens.empty() && !tokens[0].digits && is_weekday(tokens[0].text)) {
        tokens.erase(tokens.begin());
    }
    if (tokens.size() < 3) return std::nullopt;
    const auto year = number(tokens[2], 4, 4);
    if (!year) return std::nullopt;
    if (const unsigned m = tokens[0].digits ? 0 : month_of(tokens[0].text)) {
        if (const auto day = number(tokens[1], 1, 2)) return iso(*year, m, *day);  // Jan 5 2024
    }
    if (const unsigned m = tokens[1].digits ? 0 : month_of(tokens[1].text)) {
        if (const auto day = number(tokens[0], 1, 2)) return iso(*year, m, *day);  // 5 Jan 2024
    }
    return std::nullopt;
}

std::optional<int> iso_date_days(std::string_view iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t k = 0; k < lens[p]; ++k) {
            const char c = iso[starts[p] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                          std::chrono::month{static_cast<unsigned>(parts[1])},
                                          std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::optional<std::string> days_iso_date(long days) {
    using namespace std::chrono;
    constexpr long kFirst = sys_days{year{1000} / January / 1}.time_since_epoch().count();
    constexpr long kLast = sys_days{year{9999} / December / 31}.time_since_epoch().count();
    if (days < kFirst || days > kLast) return std::nullopt;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    return iso(static_cast<unsigned>(static_cast<int>(ymd.year())),
               static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace news
