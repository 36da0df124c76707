#pragma once
// CPU time (user + system) consumed so far, of this process or of another one. On a shared,
// loaded machine wall-clock throughput varies with what else runs; CPU time per query is steadier,
// so every query line carries it next to QPS (as the peers' harnesses do).

namespace bench {

double self_cpu_seconds();
// From /proc/<pid>/stat; -1 when the process cannot be read.
double process_cpu_seconds(long pid);

}  // namespace bench
