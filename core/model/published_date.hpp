#pragma once
// The exact date in a feed's date text, as ISO YYYY-MM-DD: what `from`, `to` and the date sort
// use. Feeds write dates many ways; the forms read here are the unambiguous ones they use most:
//   2024-01-05, 2024-01-05T10:00:00Z (ISO 8601 / RFC 3339; the date as written, zone ignored)
//   2024/01/05
//   Fri, 05 Jan 2024 10:00:00 GMT (RFC 2822, as RSS writes it), 5 January 2024, 05-Jan-2024
//   January 5, 2024, Jan. 5 2024, Friday, January 5, 2024 10:00 AM ET
// Month names in English, full or three letters ("Sept" too), any case. Anything after the year
// (a time, a zone) is ignored. All-number forms other than year first (01/05/2024) are refused:
// they mean 5 January in one country and 1 May in another.

#include <optional>
#include <string>
#include <string_view>

namespace news {

std::optional<std::string> published_date(std::string_view text);

// The UTC date of a Unix time: seconds, or milliseconds when 10^11 or more (seconds that large
// are past the year 5000). Nullopt for a negative, non-finite or later than year 9999 value.
std::optional<std::string> unix_time_date(double time);

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD[...]" (what published_date gives; the index's
// date slot and the `from`/`to` filters count in days), or nullopt when it is not one.
std::optional<int> iso_date_days(std::string_view iso);

// The ISO date "YYYY-MM-DD" of a count of days since 1970-01-01 (iso_date_days the other way),
// or nullopt outside the years 1000 to 9999 that these dates are written in.
std::optional<std::string> days_iso_date(long days);

}  // namespace news
