#include "core/config/indexer_config.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace news {
namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string resolve(const fs::path& base_dir, const std::string& p) {
    if (p.empty()) return p;
    const fs::path path(p);
    return path.is_absolute() ? p : (base_dir / path).lexically_normal().string();
}

}  // namespace

IndexerConfig load_indexer_config(const std::string& path) {
    nlohmann::json j = nlohmann::json::parse(read_file(path), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw std::runtime_error(path + ": not a JSON object");
    }
    IndexerConfig c;
    c.source = path;
    const fs::path dir = fs::path(path).parent_path();
    try {
        if (j.contains("db")) c.db = j.at("db").get<std::string>();
        if (j.contains("synonyms"))
            c.synonyms_file = resolve(dir, j.at("synonyms").get<std::string>());
        if (j.contains("dedupe_threshold"))
            c.dedupe_threshold = j.at("dedupe_threshold").get<double>();
        if (j.contains("flush_threshold"))
            c.flush_threshold = j.at("flush_threshold").get<std::size_t>();
        if (j.contains("spelling_variants")) {
            for (const auto& [brit, amer] : j.at("spelling_variants").items()) {
                c.spelling_variants.emplace(brit, amer.get<std::string>());
            }
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    if (c.dedupe_threshold <= 0.0 || c.dedupe_threshold > 1.0) {
        throw std::runtime_error(path + ": dedupe_threshold must be in (0, 1]");
    }
    return c;
}

IndexerConfig default_indexer_config() {
    for (const std::string& candidate : {std::string("config/indexer.json"),
                                         std::string(NEWS_SOURCE_DIR) + "/config/indexer.json"}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return load_indexer_config(candidate);
    }
    return IndexerConfig{};
}

std::vector<SynonymGroup> load_synonyms(const IndexerConfig& config,
                                        std::vector<std::string>& errors) {
    if (config.synonyms_file.empty()) return {};
    std::vector<std::string> line_errors;
    auto groups =
        parse_synonyms(read_file(config.synonyms_file), config.spelling_variants, &line_errors);
    for (const auto& e : line_errors) errors.push_back(config.synonyms_file + ": " + e);
    return groups;
}

}  // namespace news
