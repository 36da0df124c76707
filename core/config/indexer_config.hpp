#pragma once
// The indexer's configuration file (config/indexer.json); see docs/index-schema.md.

#include <optional>
#include <string>
#include <vector>

#include "core/index/synonyms.hpp"
#include "core/text/normalize.hpp"

namespace news {

struct IndexerConfig {
    std::string db = "var/index";         // default --db
    std::string synonyms_file;            // resolved path; empty = no synonyms
    SpellingVariants spelling_variants;   // British -> American whole words
    double dedupe_threshold = 0.5;        // estimated Jaccard for near-duplicates
    std::size_t flush_threshold = 1000;  // documents buffered before Xapian flushes
    std::string source;                   // the file it was read from ("" = defaults)
};

// Reads a config file; relative paths inside it are resolved against the file's directory.
// Throws std::runtime_error with the file name and reason on a bad file.
IndexerConfig load_indexer_config(const std::string& path);

// The config used without --config: ./config/indexer.json, else the source tree's copy, else
// built-in defaults.
IndexerConfig default_indexer_config();

// Loads the synonym groups named by the config (errors carry file and line).
std::vector<SynonymGroup> load_synonyms(const IndexerConfig& config,
                                        std::vector<std::string>& errors);

}  // namespace news
