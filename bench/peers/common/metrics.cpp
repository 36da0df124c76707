#include "metrics.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace peers {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * values.size()));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

namespace {
double maxrss_mb(int who) {
    rusage ru{};
    getrusage(who, &ru);
    return ru.ru_maxrss / 1024.0;  // Linux reports kilobytes
}

std::uint64_t allocated_bytes(const std::filesystem::path& p) {
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0) return 0;
    return static_cast<std::uint64_t>(st.st_blocks) * 512;
}
}  // namespace

double peak_rss_self_mb() {
    return maxrss_mb(RUSAGE_SELF);
}
double peak_rss_children_mb() {
    return maxrss_mb(RUSAGE_CHILDREN);
}

double process_peak_rss_mb(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            double kb = -1;
            fields >> kb;
            return kb < 0 ? -1 : kb / 1024.0;
        }
    }
    return -1;
}

namespace {
double cpu_seconds(int who) {
    rusage ru{};
    getrusage(who, &ru);
    auto sec = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return sec(ru.ru_utime) + sec(ru.ru_stime);
}
}  // namespace

double self_cpu_seconds() {
    return cpu_seconds(RUSAGE_SELF);
}
double children_cpu_seconds() {
    return cpu_seconds(RUSAGE_CHILDREN);
}

double process_cpu_seconds(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paren = text.rfind(')');  // the command name may contain spaces
    if (paren == std::string::npos) return -1;
    std::istringstream fields(text.substr(paren + 1));
    std::string field;
    double utime = -1, stime = -1;
    // After ")": state is field 3 of the file; utime and stime are fields 14 and 15.
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14) utime = std::stod(field);
        if (i == 15) stime = std::stod(field);
    }
    if (utime < 0 || stime < 0) return -1;
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double disk_usage_mb(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) return 0;
    std::uint64_t total = allocated_bytes(path);
    if (fs::is_directory(path, ec)) {
        for (auto it = fs::recursive_directory_iterator(
                 path, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            total += allocated_bytes(it->path());
        }
    }
    return total / 1e6;
}

}  // namespace peers
