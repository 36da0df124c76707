#pragma once
// Number formatting for the markdown tables.

#include <string>

namespace bench::report {

// 12345.6 -> "12,346" (decimals = 0) or "12,345.6" (decimals = 1).
std::string fmt(double v, int decimals = 0);
// value / ours as "1.23×"; "—" when ours is missing or zero.
std::string ratio(double value, double ours);

}  // namespace bench::report
