#include "server/http_date.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace news {

std::string format_http_date(std::time_t t) {
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&t, &tm);
    // Names by hand rather than strftime's %a and %b, which follow the locale.
    std::array<char, 40> buf{};
    const int n = std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                kDays[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                                kMonths[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900,
                                tm.tm_hour, tm.tm_min, tm.tm_sec);
    return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
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
