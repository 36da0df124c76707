#pragma once
// Counts of a search's matches by year, or by month when they all fall in one year: what a
// date histogram beside the From / To pickers needs, and each bucket's own day range, so that a
// client narrows to it without calendar arithmetic.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

namespace news {

// A month as one number, year * 12 + (month - 1), of a count of days since 1970-01-01 (the
// index's date slot); nullopt outside the years 1000 to 9999 that dates are written in.
std::optional<int> day_month(long days);

// [{"value": "1987" | "1987-03", "count", "from", "to"}] in date order, empty buckets left out.
// `months` ascending, `counts[i]` the matches in `months[i]`. Years when the counted months span
// more than one year, else months. `from` and `to` are the bucket's first and last day.
nlohmann::json date_buckets(std::span<const int> months, std::span<const std::size_t> counts);

}  // namespace news
