#pragma once
// What the tests that write an index through IndexWriter share: a scratch directory per test
// process, and the options the indexer takes from the bundled config/indexer.json (spelling
// variants and synonyms), so that the index is analysed as the real one is.

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/config/indexer_config.hpp"
#include "core/index/index_writer.hpp"

namespace news::testing {

// An empty path under the temporary directory, unique to `prefix`, `name` and this process.
inline std::filesystem::path scratch_dir(const std::string& prefix, const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      (prefix + "-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

inline IndexWriterOptions bundled_index_options(const std::filesystem::path& dir) {
    const IndexerConfig config =
        load_indexer_config(std::string(NEWS_SOURCE_DIR) + "/config/indexer.json");
    std::vector<std::string> errors;
    IndexWriterOptions o;
    o.db_path = dir.string();
    o.spelling_variants = config.spelling_variants;
    o.synonyms = load_synonyms(config, errors);
    REQUIRE(errors.empty());
    return o;
}

}  // namespace news::testing
