#include "report/format.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>

namespace bench::report {

std::string fmt(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    const std::string_view digits(buf);
    const auto whole = digits.substr(0, digits.find('.'));
    // Copied character by character with a separator every three digits.
    std::string out = v < 0 && std::fabs(v) >= 0.5 * std::pow(10.0, -decimals) ? "-" : "";
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(whole[i]);
    }
    out.append(digits.substr(whole.size()));
    return out;
}

std::string ratio(double value, double ours) {
    if (ours <= 0) return "—";
    return fmt(value / ours, 2) + "×";
}

}  // namespace bench::report
