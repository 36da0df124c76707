#pragma once
// Text for duplicate-detection tests: `n` ten-word sentences numbered from `from`, so that two
// ranges that do not overlap share no word 3-shingle.

#include <string>

namespace news::testing {

inline std::string distinct_sentences(int from, int n) {
    std::string out;
    for (int k = from; k < from + n; ++k) {
        const auto s = std::to_string(k);
        out += "Dealer d" + s + " expects sector s" + s + " to move by p" + s + " points. ";
    }
    return out;
}

}  // namespace news::testing
