#pragma once
// Parallel build of a fresh index. A single Xapian::WritableDatabase is single-threaded and its
// inverter (add_document, then the flush) is most of the cost of indexing, so a run into an empty
// database splits the articles into blocks of consecutive input and builds each block into a
// shard of its own on one of several worker threads; IndexWriter then merges the shards with
// Xapian's compactor, which concatenates them in block order, so every article gets the docid it
// would have had in a serial run (its position in the input). Duplicate clusters are assigned in
// input order too (blocks take turns), so keys are exactly those of a serial run. Each worker
// owns its DocumentBuilder, its documents and its shard database: nothing Xapian is shared.

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/index/index_writer.hpp"
#include "core/index/synonyms.hpp"
#include "core/model/article.hpp"
#include "core/text/normalize.hpp"

namespace news {

struct BulkBuildOptions {
    std::filesystem::path work_dir;  // scratch directory for the shards (created, not removed)
    SpellingVariants spelling_variants;
    std::vector<SynonymGroup> synonyms;
    double dedupe_threshold = 0.5;
    std::size_t block_size = 1000;  // articles per shard
    unsigned workers = 2;
    std::string indexed_at;  // stamped on every document (schema::kSlotIndexed)
};

class BulkBuild {
  public:
    struct Result {
        std::vector<std::string> shards;        // in input order
        std::vector<Xapian::docid> superseded;  // earlier copies of an id seen again this run
        Xapian::doccount documents = 0;         // documents in all shards (superseded included)
        // A database with no documents, only the spelling table of every document built. One
        // table for the run instead of one per shard: a shard's table repeats most of the
        // vocabulary, and building it (trigram fragments per new word) per shard cost more
        // than the rest of the merge. A thread of its own fills it while the workers build.
        std::string spelling;
    };

    explicit BulkBuild(BulkBuildOptions options);
    ~BulkBuild();  // stops the workers; the caller removes work_dir
    BulkBuild(const BulkBuild&) = delete;
    BulkBuild& operator=(const BulkBuild&) = delete;

    // Queues one article of the input file `file_key` (called from one thread, in input order).
    // Rethrows a worker's error.
    void add(const Article& article, std::shared_ptr<const std::string> file_key);

    // Builds what is left and waits for every shard. Rethrows a worker's error.
    Result finish();

    IndexCounts counts() const;  // indexed and updated so far
    std::size_t duplicate_clusters() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace news
