#pragma once
// The targets of issue #7, each checked against the run's own figures.

#include <string>
#include <vector>

#include "report/records.hpp"

namespace bench::report {

struct TargetResult {
    std::string target;
    std::string measured;
    std::string verdict;  // "PASS", "FAIL" or "not measured"
};

std::vector<TargetResult> check_targets(const Records& r);

}  // namespace bench::report
