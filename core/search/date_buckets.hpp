#pragma once
// Counts of a search's matches by year, by month when they all fall in one year, or by decade
// when they span more years than a list beside the From / To pickers should hold: what a date
// histogram needs, with each bucket's own day range, so that a client narrows to it (a decade,
// then a year, then a month) without calendar arithmetic.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

namespace news {

// A month as one number, year * 12 + (month - 1), of a count of days since 1970-01-01 (the
// index's date slot); nullopt outside the years 1000 to 9999 that dates are written in.
std::optional<int> day_month(long days);

// Spans of more years than this are counted by decade.
inline constexpr int kMaxYearBuckets = 20;

// [{"value": "1980s" | "1987" | "1987-03", "count", "from", "to"}] in date order, empty buckets
// left out. `months` ascending, `counts[i]` the matches in `months[i]`. Months when the counted
// months fall in one year, years when they span up to kMaxYearBuckets years, else decades.
// `from` and `to` are the bucket's first and last day.
nlohmann::json date_buckets(std::span<const int> months, std::span<const std::size_t> counts);

}  // namespace news
