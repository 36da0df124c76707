#include "core/search/date_buckets.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace news {
namespace {

using namespace std::chrono;

// Digits written by hand: a search builds these for every bucket, and snprintf cost more than
// the counting itself.
void put_number(std::string& out, unsigned value, std::size_t width) {
    const std::size_t at = out.size();
    out.append(width, '0');
    for (std::size_t i = width; i-- > 0 && value > 0; value /= 10) out[at + i] += value % 10;
}

std::string iso(const year_month_day& d) {
    std::string out;
    put_number(out, static_cast<unsigned>(static_cast<int>(d.year())), 4);
    out += '-';
    put_number(out, static_cast<unsigned>(d.month()), 2);
    out += '-';
    put_number(out, static_cast<unsigned>(d.day()), 2);
    return out;
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
