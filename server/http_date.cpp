#include "server/http_date.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace news {
namespace {

// Literals, so each view's data() ends in a NUL for printf's %s.
constexpr std::array<std::string_view, 12> kMonthNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string format_http_date(std::time_t t) {
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
    std::tm tm{};
    gmtime_r(&t, &tm);
    // Names by hand rather than strftime's %a and %b, which follow the locale.
    std::array<char, 40> buf{};
    const int n = std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                kDays[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                                kMonthNames[static_cast<std::size_t>(tm.tm_mon)].data(),
                                tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
}

namespace {

// Reads `count` digits (or, when `pad` allows, a space and count - 1 digits) at the front of `s`.
std::optional<int> take_number(std::string_view& s, std::size_t count, bool pad = false) {
    if (s.size() < count) return std::nullopt;
    int n = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = s[i];
        if (c == ' ' && pad && i == 0) continue;
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    s.remove_prefix(count);
    return n;
}

bool take(std::string_view& s, std::string_view literal) {
    if (!s.starts_with(literal)) return false;
    s.remove_prefix(literal.size());
    return true;
}

std::optional<int> take_month(std::string_view& s) {
    for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
        if (take(s, kMonthNames[m])) return static_cast<int>(m);
    }
    return std::nullopt;
}

// "HH:MM:SS" into `tm`.
bool take_clock(std::string_view& s, std::tm& tm) {
    const auto h = take_number(s, 2);
    if (!h || !take(s, ":")) return false;
    const auto m = take_number(s, 2);
    if (!m || !take(s, ":")) return false;
    const auto sec = take_number(s, 2);
    if (!sec) return false;
    tm.tm_hour = *h;
    tm.tm_min = *m;
    tm.tm_sec = *sec;
    return true;
}

// A two-digit year more than 50 years after `now` is the last such year before it (RFC 9110,
// 5.6.7): in 2026, "76" is 2076 and "77" is 1977.
int full_year(int two_digits, std::time_t now) {
    std::tm today{};
    gmtime_r(&now, &today);
    const int current = today.tm_year + 1900;
    const int year = current - current % 100 + two_digits;
    return year > current + 50 ? year - 100 : year;
}

std::optional<std::time_t> to_time(std::tm tm) {
    if (tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) {
        return std::nullopt;
    }
    return timegm(&tm);
}

// asctime's "Sun Nov  6 08:49:37 1994".
std::optional<std::time_t> asctime_date(std::string_view s) {
    if (s.size() < 4 || s[3] != ' ') return std::nullopt;
    s.remove_prefix(4);
    std::tm tm{};
    const auto month = take_month(s);
    const auto day = month && take(s, " ") ? take_number(s, 2, true) : std::nullopt;
    if (!day || !take(s, " ") || !take_clock(s, tm) || !take(s, " ")) return std::nullopt;
    const auto year = take_number(s, 4);
    if (!year || !s.empty()) return std::nullopt;
    tm.tm_mday = *day;
    tm.tm_mon = *month;
    tm.tm_year = *year - 1900;
    return to_time(tm);
}

}  // namespace

std::optional<std::time_t> parse_http_date(std::string_view s, std::time_t now) {
    const auto comma = s.find(',');
    if (comma == std::string_view::npos) return asctime_date(s);
    s.remove_prefix(comma + 1);
    // IMF-fixdate ("Sun, 06 Nov 1994 ...") has a three-letter day; RFC 850 the whole name.
    const bool fixdate = comma == 3;
    const auto sep = fixdate ? " " : "-";
    std::tm tm{};
    const auto day = take(s, " ") ? take_number(s, 2) : std::nullopt;
    const auto month = day && take(s, sep) ? take_month(s) : std::nullopt;
    const auto year = month && take(s, sep) ? take_number(s, fixdate ? 4 : 2) : std::nullopt;
    if (!year || !take(s, " ") || !take_clock(s, tm) || s != " GMT") return std::nullopt;
    tm.tm_mday = *day;
    tm.tm_mon = *month;
    tm.tm_year = (fixdate ? *year : full_year(*year, now)) - 1900;
    return to_time(tm);
}

std::optional<std::time_t> parse_http_date(std::string_view text) {
    return parse_http_date(text,
                           std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

std::string_view http_date_now() {
    thread_local std::time_t last = -1;
    thread_local std::string text;
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (now != last) {
        text = format_http_date(now);
        last = now;
    }
    return text;
}

}  // namespace news
