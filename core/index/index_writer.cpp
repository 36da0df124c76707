#include "core/index/index_writer.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/dedupe/cluster_index.hpp"
#include "core/dedupe/hash.hpp"
#include "core/index/bulk_build.hpp"
#include "core/index/document_builder.hpp"
#include "core/index/schema.hpp"

namespace news {
namespace {

constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxQueued = 256;   // articles waiting for the builder thread
constexpr std::size_t kBulkBlock = 1000;  // articles per shard of a fresh build
// Documents a shard's writer buffers before writing postings out. The shard, and so the merged
// index, comes out the same (same file sizes, same instructions per query), but the inverter's
// per-term maps stay small: in 1x builds alternating with 1,000 it was faster in 5 pairs of 6,
// 7.64 s against 8.38 s at the median. Smaller shards instead gain as much but cut each term's
// postings into more chunks: at 500 a shard queries cost 4.5% more instructions.
constexpr std::size_t kBulkFlush = 250;

// Xapian reads its flush threshold from the environment when a database opens; one the user
// set wins. 0 is Xapian's default, also after a fresh build in the same process set 250.
void set_flush_threshold(std::size_t documents) {
    static const bool user_set = std::getenv("XAPIAN_FLUSH_THRESHOLD") != nullptr;
    if (user_set) return;
    if (documents == 0) {
        ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    } else {
        ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(documents).c_str(), 1);
    }
}

// Scratch directory of a fresh build, next to the database (same file system, for the rename).
std::filesystem::path scratch_dir(const std::string& db_path) {
    std::filesystem::path p(db_path);
    if (!p.has_filename()) p = p.parent_path();
    p += ".bulk-build";
    return p;
}

// Puts the merged database at `target` in one step: the two directories swap places, so a
// reader finds either the old or the new index, never none. Falls back to two renames where
// the file system cannot swap.
void install(const std::filesystem::path& merged, const std::filesystem::path& target) {
    if (::renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0)
        return;
    std::filesystem::path aside = merged;
    aside += ".old";
    std::filesystem::rename(target, aside);
    std::filesystem::rename(merged, target);
}

unsigned bulk_workers() {
    const unsigned hw = std::thread::hardware_concurrency();
    return std::clamp(hw, 2u, 4u);
}

std::string meta_key(std::string_view file_key) {
    return std::string(schema::kMetaFileHashPrefix) + std::string(file_key);
}

// "<hash> <articles>" -> KnownFile.
std::optional<KnownFile> parse_known(std::string key, const std::string& value) {
    const auto space = value.find(' ');
    if (value.empty() || space == std::string::npos) return std::nullopt;
    KnownFile f{std::move(key), value.substr(0, space), 0};
    f.articles = std::strtoull(value.c_str() + space + 1, nullptr, 10);
    return f;
}

std::string utc_now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Builds documents on a second thread while the caller's thread writes them: text analysis
// and Xapian's add_document each take about half the time, and a database handle must stay
// on one thread. Results come back in submission order.
class BuilderThread {
  public:
    struct Result {
        std::string id;
        BuiltDocument built;
    };

    explicit BuilderThread(DocumentBuilder& builder)
        : builder_(builder), thread_([this] { run(); }) {}

    ~BuilderThread() {
        {
            std::lock_guard lock(mu_);
            stop_ = true;
        }
        jobs_cv_.notify_all();
        thread_.join();
    }

    void submit(const Article& a, const std::string& file) {
        std::unique_lock lock(mu_);
        space_cv_.wait(lock, [&] { return jobs_.size() < kMaxQueued; });
        jobs_.push_back({a, file});
        ++in_flight_;
        jobs_cv_.notify_one();
    }

    // Finished results; with `all`, waits until nothing is in flight. Rethrows a build error.
    std::deque<Result> take(bool all) {
        std::unique_lock lock(mu_);
        if (all) done_cv_.wait(lock, [&] { return in_flight_ == done_.size() || error_; });
        if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
        std::deque<Result> out;
        out.swap(done_);
        in_flight_ -= out.size();
        return out;
    }

  private:
    struct Job {
        Article article;
        std::string file;
    };

    void run() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mu_);
                jobs_cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
                if (jobs_.empty()) return;
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            space_cv_.notify_one();
            try {
                Result r{job.article.id, builder_.build(job.article, job.file)};
                std::lock_guard lock(mu_);
                done_.push_back(std::move(r));
            } catch (...) {
                std::lock_guard lock(mu_);
                error_ = std::current_exception();
            }
            done_cv_.notify_one();
        }
    }

    DocumentBuilder& builder_;
    std::mutex mu_;
    std::condition_variable jobs_cv_, space_cv_, done_cv_;
    std::deque<Job> jobs_;
    std::deque<Result> done_;
    std::size_t in_flight_ = 0;
    bool stop_ = false;
    std::exception_ptr error_;
    std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace

struct IndexWriter::Impl {
    IndexWriterOptions options;
    Xapian::WritableDatabase db;
    DocumentBuilder builder;
    dedupe::ClusterIndex clusters;
    std::unique_ptr<BuilderThread> worker;
    bool was_empty = true;
    bool in_transaction = false;
    IndexCounts counts;

    // The file being replaced.
    std::string file;
    std::string file_hash;
    std::unordered_set<Xapian::docid> file_old_docs;
    std::unordered_set<Xapian::docid> file_written;
    std::size_t file_articles = 0;

    std::unordered_map<std::string, Xapian::docid> ids_this_run;
    std::unordered_map<std::string, std::uint32_t> spelling;

    // A fresh database is built in parallel shards (see bulk_build.hpp) and installed at commit.
    std::unique_ptr<BulkBuild> bulk;
    std::shared_ptr<const std::string> bulk_file;
    std::map<std::string, std::string> bulk_metadata;  // written into the merged index
    std::optional<Xapian::doccount> installed_count;

    explicit Impl(IndexWriterOptions o)
        : options(std::move(o)),
          builder(options.spelling_variants, options.synonyms),
          clusters(options.dedupe_threshold) {}

    void open() {
        set_flush_threshold(options.flush_threshold);
        if (options.indexed_at.empty()) options.indexed_at = utc_now_iso();
        const std::filesystem::path path(options.db_path);
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        try {
            db = Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            throw IndexLockedError("database is locked by another indexer: " + options.db_path);
        }
        was_empty = db.get_doccount() == 0;
        // We hold the write lock, so a scratch directory left by a killed run is stale.
        std::filesystem::remove_all(scratch_dir(options.db_path));
        if (never_written()) {
            set_flush_threshold(kBulkFlush);  // before the workers open their shards
            bulk = std::make_unique<BulkBuild>(BulkBuildOptions{
                scratch_dir(options.db_path), options.spelling_variants, options.synonyms,
                options.dedupe_threshold, kBulkBlock, bulk_workers(), options.indexed_at});
            return;
        }
        if (!was_empty) load_clusters();
        db.begin_transaction(true);
        in_transaction = true;
        worker = std::make_unique<BuilderThread>(builder);
    }

    // Nothing was ever committed to the database: no documents, no metadata, no spelling.
    bool never_written() {
        return was_empty && db.get_lastdocid() == 0 &&
               db.metadata_keys_begin() == db.metadata_keys_end() &&
               db.spellings_begin() == db.spellings_end();
    }

    void set_metadata(const std::string& key, const std::string& value) {
        if (bulk) {
            bulk_metadata[key] = value;
        } else {
            db.set_metadata(key, value);
        }
    }

    void write_run_metadata(Xapian::WritableDatabase& out) {
        out.set_metadata(std::string(schema::kMetaSchemaVersion),
                         std::to_string(schema::kSchemaVersion));
        out.set_metadata(std::string(schema::kMetaSpellingVariants),
                         serialize_variants(options.spelling_variants));
        out.set_metadata(std::string(schema::kMetaArticleCount),
                         std::to_string(out.get_doccount()));
        out.set_metadata(std::string(schema::kMetaLastIndexed), utc_now_iso());
    }

    // Merges the shards into one database next to the target, finishes it (superseded copies,
    // synonyms, metadata), commits it and swaps it in.
    void commit_bulk() {
        const BulkBuild::Result r = bulk->finish();
        const auto scratch = scratch_dir(options.db_path);
        if (r.documents == 0) {  // nothing indexed: just record the run in the database itself
            db.begin_transaction(true);
            for (const auto& [k, v] : bulk_metadata) db.set_metadata(k, v);
            write_synonyms(db);
            write_run_metadata(db);
            db.commit_transaction();
            std::filesystem::remove_all(scratch);
            return;
        }
        const auto merged = scratch / "merged";
        {
            Xapian::Database shards;
            for (const auto& s : r.shards) shards.add_database(Xapian::Database(s));
            shards.add_database(Xapian::Database(r.spelling));  // no documents: docids unmoved
            // One pass over all shards: the same bytes as DBCOMPACT_MULTIPASS (checked file by
            // file on the bench corpus), but each posting is written once instead of once per
            // pairwise pass, so it is faster (1x: 1.2-1.4 s instead of 1.5-2.0 s) and uses less
            // memory at the end of a 10x build.
            shards.compact(merged.string(), 0);
        }
        Xapian::WritableDatabase out(merged.string(), Xapian::DB_OPEN);
        for (const auto id : r.superseded) out.delete_document(id);
        for (const auto& [k, v] : bulk_metadata) out.set_metadata(k, v);
        write_synonyms(out);
        write_run_metadata(out);
        out.commit();
        installed_count = out.get_doccount();
        out.close();
        install(merged, std::filesystem::path(options.db_path));
        db.close();  // the empty database it replaced, now in the scratch directory
        std::filesystem::remove_all(scratch);
    }

    // One sequential pass over the signature and cluster slots (both ordered by docid).
    void load_clusters() {
        auto sig = db.valuestream_begin(schema::kSlotSignature);
        auto key = db.valuestream_begin(schema::kSlotCluster);
        const auto sig_end = db.valuestream_end(schema::kSlotSignature);
        const auto key_end = db.valuestream_end(schema::kSlotCluster);
        for (; sig != sig_end; ++sig) {
            const Xapian::docid id = sig.get_docid();
            if (key != key_end && key.get_docid() < id) key.skip_to(id);
            if (key == key_end || key.get_docid() != id) continue;
            if (const auto f = dedupe::decode(*sig)) clusters.add(id, *f, *key);
        }
    }

    std::optional<Xapian::docid> existing(const std::string& id, const std::string& id_term) {
        if (const auto it = ids_this_run.find(id); it != ids_this_run.end()) return it->second;
        if (was_empty) return std::nullopt;
        const auto p = db.postlist_begin(id_term);
        if (p == db.postlist_end(id_term)) return std::nullopt;
        return *p;
    }

    void submit(const Article& a) {
        ++file_articles;
        worker->submit(a, file);
        write_results(false);
    }

    void write_results(bool all) {
        for (auto& r : worker->take(all)) write(r.id, r.built);
    }

    void write(const std::string& id, BuiltDocument& built) {
        const auto old = existing(id, built.id_term);
        if (old && !ids_this_run.contains(id) &&
            db.get_document(*old).get_value(schema::kSlotHash) == built.hash) {
            ++counts.unchanged;
            file_written.insert(*old);
            ids_this_run.emplace(id, *old);
            return;
        }
        if (old) clusters.remove(*old);
        const std::string cluster =
            built.fingerprint ? clusters.assign(*built.fingerprint, id) : id;
        built.doc.add_value(schema::kSlotCluster, cluster);
        built.doc.add_value(schema::kSlotIndexed, options.indexed_at);
        built.doc.add_boolean_term(std::string(schema::kClusterFilter) + cluster);

        Xapian::docid docid;
        if (old) {
            docid = *old;
            db.replace_document(docid, built.doc);
            ++counts.updated;
        } else {
            docid = db.add_document(built.doc);
            ++counts.indexed;
        }
        if (built.fingerprint) clusters.add(docid, *built.fingerprint, cluster);
        ids_this_run.insert_or_assign(id, docid);
        file_written.insert(docid);
        for (const auto& w : built.spelling_words) ++spelling[w];
    }

    void delete_doc(Xapian::docid id) {
        clusters.remove(id);
        db.delete_document(id);
        ++counts.removed;
    }

    std::vector<Xapian::docid> docs_of(const std::string& key) const {
        const std::string term = std::string(schema::kOriginFilter) + key;
        std::vector<Xapian::docid> out;
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) out.push_back(*p);
        return out;
    }

    void write_synonyms(Xapian::WritableDatabase& out) {
        std::vector<std::string> old;
        for (auto k = out.synonym_keys_begin(); k != out.synonym_keys_end(); ++k) old.push_back(*k);
        for (const auto& k : old) out.clear_synonyms(k);
        for (const auto& [key, value] :
             synonym_entries(options.synonyms, Xapian::Stem("english"))) {
            out.add_synonym(key, value);
        }
    }
};

IndexWriter::IndexWriter(IndexWriterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->open();
}

IndexWriter::~IndexWriter() {
    if (!impl_) return;
    impl_->worker.reset();
    if (impl_->bulk) {
        impl_->bulk.reset();
        std::error_code ec;
        std::filesystem::remove_all(scratch_dir(impl_->options.db_path), ec);
    }
    if (impl_->in_transaction) {
        try {
            impl_->db.cancel_transaction();
        } catch (const Xapian::Error&) {
            // Nothing was committed; the previous revision stays whatever happens here.
        }
    }
}

std::string IndexWriter::file_key(std::string_view path) {
    std::error_code ec;
    auto abs = std::filesystem::absolute(std::filesystem::path(path), ec);
    std::string key = (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
    if (key.size() > kMaxKeyLength) {
        key = key.substr(key.size() - (kMaxKeyLength - 17)) + "#" + hex64(hash64(key));
    }
    return key;
}

std::optional<KnownFile> IndexWriter::known_file(const std::string& key) const {
    return parse_known(key, impl_->db.get_metadata(meta_key(key)));
}

std::vector<KnownFile> IndexWriter::known_files() const {
    std::vector<KnownFile> out;
    const std::string prefix(schema::kMetaFileHashPrefix);
    auto& db = impl_->db;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
        if (auto f = parse_known((*k).substr(prefix.size()), db.get_metadata(*k))) {
            out.push_back(std::move(*f));
        }
    }
    return out;
}

void IndexWriter::keep_file(const KnownFile& file) {
    impl_->counts.unchanged += file.articles;
}

void IndexWriter::begin_file(const std::string& key, std::string_view content_hash) {
    auto& m = *impl_;
    if (m.bulk) m.bulk_file = std::make_shared<const std::string>(key);
    if (m.worker) m.write_results(true);
    m.file = key;
    m.file_hash = std::string(content_hash);
    m.file_written.clear();
    m.file_articles = 0;
    m.file_old_docs.clear();
    if (!m.was_empty) {
        for (const auto id : m.docs_of(key)) m.file_old_docs.insert(id);
    }
}

void IndexWriter::put(const Article& article) {
    auto& m = *impl_;
    if (m.bulk) {
        ++m.file_articles;
        m.bulk->add(article, m.bulk_file);
        return;
    }
    m.submit(article);
}

void IndexWriter::end_file(bool complete) {
    auto& m = *impl_;
    if (m.worker) m.write_results(true);
    for (const auto id : m.file_old_docs) {
        if (!m.file_written.contains(id)) m.delete_doc(id);
    }
    m.set_metadata(meta_key(m.file), (complete ? m.file_hash : std::string("partial")) + " " +
                                         std::to_string(m.file_articles));
    m.file.clear();
}

void IndexWriter::remove_file(const std::string& key) {
    auto& m = *impl_;
    if (m.worker) m.write_results(true);
    for (const auto id : m.docs_of(key)) m.delete_doc(id);
    m.set_metadata(meta_key(key), "");
}

void IndexWriter::commit() {
    auto& m = *impl_;
    if (m.bulk) {
        m.commit_bulk();
        return;
    }
    m.write_results(true);
    for (const auto& [word, freq] : m.spelling) m.db.add_spelling(word, freq);
    m.spelling.clear();
    m.write_synonyms(m.db);
    m.write_run_metadata(m.db);
    m.db.commit_transaction();
    m.in_transaction = false;
}

IndexCounts IndexWriter::counts() const {
    IndexCounts c = impl_->counts;
    if (impl_->bulk) {
        const IndexCounts b = impl_->bulk->counts();
        c.indexed += b.indexed;
        c.updated += b.updated;
    }
    return c;
}
std::size_t IndexWriter::duplicate_clusters() const {
    if (impl_->bulk) return impl_->bulk->duplicate_clusters();
    return impl_->clusters.duplicate_clusters();
}
std::size_t IndexWriter::article_count() const {
    if (impl_->installed_count) return *impl_->installed_count;
    return impl_->db.get_doccount();
}

}  // namespace news
