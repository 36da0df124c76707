#pragma once
// The one JSON line every query harness prints (ours and the peers'), read by bench/tools/report:
// {"engine","corpus","kind":"query","concurrency","queries","failed","qps","p50_ms","p95_ms",
//  "p99_ms","mean_hits","seconds","latency_hist"} (latency_hist: common/latency_hist.hpp)

#include <nlohmann/json.hpp>
#include <string>

#include "common/load_loop.hpp"

namespace bench {

// queries = requests answered in the measured phase (failed ones included); qps counts the
// successful ones only, so a failing engine cannot look fast.
nlohmann::json query_line(const std::string& engine, const std::string& corpus, int concurrency,
                          LoadResult result);

}  // namespace bench
