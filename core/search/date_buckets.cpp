#include "core/search/date_buckets.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/model/published_date.hpp"

namespace news {
namespace {

using namespace std::chrono;

// A day as YYYY-MM-DD, by the day formatter of core/model/published_date. Every
// bucket's days lie in the years 1000 to 9999 that day_month admits, so there always is one.
std::string iso(const year_month_day& d) {
    return *days_iso_date(sys_days{d}.time_since_epoch().count());
}

nlohmann::json bucket(std::string value, std::size_t count, std::string from, std::string to) {
    // Built as a map directly: an initializer list copies every element once more.
    nlohmann::json::object_t out;
    out.emplace("value", std::move(value));
    out.emplace("count", count);
    out.emplace("from", std::move(from));
    out.emplace("to", std::move(to));
    return out;
}

nlohmann::json year_bucket(int key, std::size_t count) {
    const year y{key};
    std::string from = iso(y / January / 1);
    std::string value = from.substr(0, 4);
    return bucket(std::move(value), count, std::move(from), iso(y / December / 31));
}

nlohmann::json decade_bucket(int key, std::size_t count) {
    std::string from = iso(year{key * 10} / January / 1);
    std::string value = from.substr(0, 4) + "s";
    return bucket(std::move(value), count, std::move(from),
                  iso(year{key * 10 + 9} / December / 31));
}

nlohmann::json month_bucket(int key, std::size_t count) {
    const year_month ym = year{key / 12} / month{static_cast<unsigned>(key % 12 + 1)};
    std::string from = iso(ym / 1);
    std::string value = from.substr(0, 7);
    return bucket(std::move(value), count, std::move(from), iso(year_month_day{ym / last}));
}

}  // namespace

std::optional<int> day_month(long days) {
    const year_month_day d{sys_days{std::chrono::days{days}}};
    const int y = static_cast<int>(d.year());
    if (y < 1000 || y > 9999) return std::nullopt;
    return y * 12 + static_cast<int>(static_cast<unsigned>(d.month())) - 1;
}

nlohmann::json date_buckets(std::span<const int> months, std::span<const std::size_t> counts) {
    std::vector<std::pair<int, std::size_t>> buckets;  // (month, count), the non-empty ones
    for (std::size_t i = 0; i < months.size() && i < counts.size(); ++i) {
        if (counts[i] != 0) buckets.emplace_back(months[i], counts[i]);
    }
    nlohmann::json out = nlohmann::json::array();
    if (buckets.empty()) return out;
    const int years = buckets.back().first / 12 - buckets.front().first / 12 + 1;
    if (years == 1) {
        for (const auto& [key, count] : buckets) out.push_back(month_bucket(key, count));
        return out;
    }
    // Months per year, or per decade for a span too long to list year by year.
    const int per = years <= kMaxYearBuckets ? 12 : 120;
    std::vector<std::pair<int, std::size_t>> merged;
    for (const auto& [key, count] : buckets) {
        if (merged.empty() || merged.back().first != key / per) merged.emplace_back(key / per, 0);
        merged.back().second += count;
    }
    for (const auto& [key, count] : merged) {
        out.push_back(per == 12 ? year_bucket(key, count) : decade_bucket(key, count));
    }
    return out;
}

}  // namespace news
