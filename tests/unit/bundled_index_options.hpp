#pragma once
// The options the indexer takes from the bundled config/indexer.json (spelling variants and
// synonyms), for tests that write an index through IndexWriter and want it analysed as the real
// one is.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/config/indexer_config.hpp"
#include "core/index/index_writer.hpp"

namespace news::testing {

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
