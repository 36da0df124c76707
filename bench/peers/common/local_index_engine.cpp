#include <filesystem>
#include <stdexcept>

#include "engine.hpp"
#include "metrics.hpp"

namespace peers {

const std::string& LocalIndexEngine::locate(const Options& o) {
    path_ = o.workdir + "/" + index_name_;
    return path_;
}

nlohmann::ordered_json LocalIndexEngine::finish_index(const Options&) {
    return {{"index_mb", disk_usage_mb(path_)}};
}

void LocalIndexEngine::open_for_queries(const Options& o) {
    if (!std::filesystem::exists(locate(o))) throw std::runtime_error("no index at " + path_);
}

}  // namespace peers
