#pragma once
// Writes cleaned articles into the Xapian database: the library behind `indexer index` (and the
// benchmark). One WritableDatabase per run, all changes inside one transaction committed by
// commit(): a reader never sees a half-written run, and a killed run leaves the previous
// revision intact. Incremental: files are identified by a key and a content hash kept in the
// metadata; articles by their id ("Q" term) and a content hash (value slot).

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/index/synonyms.hpp"
#include "core/model/article.hpp"
#include "core/text/normalize.hpp"

namespace news {

// Another process holds the database's write lock.
class IndexLockedError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct IndexWriterOptions {
    std::string db_path;
    SpellingVariants spelling_variants;
    std::vector<SynonymGroup> synonyms;
    double dedupe_threshold = 0.5;
    // Documents buffered in memory before Xapian writes postings out (inside the transaction);
    // bounds memory on big runs. 0 keeps Xapian's default (10,000). Small is faster too: the
    // inverter keeps a std::map of docids per term, and walking maps of 20,000 entries was
    // most of add_document (1,000: -35% CPU and 305 -> 116 MB peak on the 1x corpus).
    std::size_t flush_threshold = 1000;
    // The time stamped on each article this run writes (RFC 3339, UTC); empty: when it opens.
    std::string indexed_at;
};

struct IndexCounts {
    std::size_t indexed = 0;    // new articles
    std::size_t updated = 0;    // articles whose content changed
    std::size_t unchanged = 0;  // articles already in the index as they are
    std::size_t removed = 0;    // articles deleted (gone from a changed file, or pruned)
};

// What the index knows about one input file.
struct KnownFile {
    std::string key;
    std::string hash;
    std::size_t articles = 0;
};

class IndexWriter {
  public:
    // Opens or creates the database. Throws IndexLockedError when another writer holds it,
    // Xapian::Error on other failures.
    explicit IndexWriter(IndexWriterOptions options);
    ~IndexWriter();  // without commit(), every change of this run is discarded
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // The stable key of an input file: its absolute, lexically normal path (hashed if long).
    static std::string file_key(std::string_view path);

    // The file's recorded state, if it was indexed before.
    std::optional<KnownFile> known_file(const std::string& key) const;
    std::vector<KnownFile> known_files() const;

    // An input whose content hash matches the recorded one: counted as unchanged, not touched.
    void keep_file(const KnownFile& file);

    // Replaces the articles of one file: begin_file, put() each article, end_file. Articles
    // the file no longer holds are removed at end_file. `complete` = false (some records were
    // skipped) records the file so that the next run reads it again instead of skipping it.
    void begin_file(const std::string& key, std::string_view content_hash);
    void put(const Article& article);
    void end_file(bool complete = true);

    // Removes every article of a file and forgets it (--prune).
    void remove_file(const std::string& key);

    // Writes spelling data and metadata and commits the whole run atomically.
    void commit();

    IndexCounts counts() const;
    std::size_t duplicate_clusters() const;
    std::size_t article_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace news
