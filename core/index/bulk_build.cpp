#include "core/index/bulk_build.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "core/dedupe/cluster_index.hpp"
#include "core/index/document_builder.hpp"
#include "core/index/schema.hpp"
#include "core/index/spelling_counts.hpp"
#include "core/text/flat_string_map.hpp"

namespace news {
namespace {

struct Block {
    std::size_t index = 0;
    Xapian::docid first_docid = 1;  // docid of its first article in the merged index
    std::vector<Article> articles;
    std::vector<std::shared_ptr<const std::string>> files;
};

}  // namespace

struct BulkBuild::Impl {
    BulkBuildOptions options;

    mutable std::mutex mu;
    std::condition_variable cv;  // few threads: one condition for queue, turns and errors
    std::deque<Block> queue;
    bool closing = false;
    std::exception_ptr error;
    std::size_t next_to_assign = 0;  // the block whose turn it is to get cluster keys

    // Guarded by mu: the run's state in input order.
    dedupe::ClusterIndex clusters;
    std::unordered_map<std::string, Xapian::docid> ids;
    std::vector<Xapian::docid> superseded;
    std::vector<std::string> shards;
    IndexCounts counts;
    // Word counts of each block built, waiting for the spelling thread.
    std::deque<FlatStringMap<Xapian::termcount>> spelling_queue;
    // How many blocks the run has, once finish() knows: the spelling thread ends its table as
    // soon as it has every block's words, while the last shards are still being written.
    std::optional<std::size_t> spelling_blocks;

    // Only the calling thread touches these.
    Block current;
    std::size_t blocks = 0;
    Xapian::docid next_docid = 1;

    std::vector<std::thread> threads;
    std::thread spelling_thread;

    explicit Impl(BulkBuildOptions o) : options(std::move(o)), clusters(options.dedupe_threshold) {
        std::filesystem::create_directories(options.work_dir);
        const unsigned n = std::max(1u, options.workers);
        for (unsigned i = 0; i < n; ++i) threads.emplace_back([this] { work(); });
        spelling_thread = std::thread([this] { spell(); });
    }

    std::string spelling_path() const { return (options.work_dir / "spelling").string(); }

    void spell() {
        try {
            Xapian::WritableDatabase db(spelling_path(),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            SpellingCounts counts(db);
            for (std::size_t taken = 0;; ++taken) {
                FlatStringMap<Xapian::termcount> words;
                {
                    std::unique_lock lock(mu);
                    const auto all_taken = [&] { return spelling_blocks == taken; };
                    cv.wait(lock, [&] { return all_taken() || !spelling_queue.empty() || error; });
                    if (error) return;
                    if (spelling_queue.empty()) break;
                    words = std::move(spelling_queue.front());
                    spelling_queue.pop_front();
                }
                cv.notify_all();
                counts.add(words);
                if (counts.commit_due()) {
                    db.commit();
                    counts.committed();
                }
            }
            counts.finish();
            db.commit();
            db.close();
        } catch (...) {
            std::lock_guard lock(mu);
            if (!error) error = std::current_exception();
            cv.notify_all();
        }
    }

    ~Impl() {
        {
            std::lock_guard lock(mu);
            closing = true;
            if (!error) error = std::make_exception_ptr(std::runtime_error("bulk build abandoned"));
        }
        cv.notify_all();
        for (auto& t : threads) {
            if (t.joinable()) t.join();
        }
        if (spelling_thread.joinable()) spelling_thread.join();
    }

    void rethrow_locked() {
        if (error) std::rethrow_exception(error);
    }

    void submit() {
        if (current.articles.empty()) return;
        Block b = std::move(current);
        current = Block{};
        b.index = blocks++;
        b.first_docid = next_docid;
        next_docid += static_cast<Xapian::docid>(b.articles.size());
        std::unique_lock lock(mu);
        // At most one waiting block per worker: bounds the memory of a big run.
        cv.wait(lock, [&] { return queue.size() < threads.size() || error; });
        rethrow_locked();
        shards.resize(blocks);
        queue.push_back(std::move(b));
        cv.notify_all();
    }

    void work() {
        DocumentBuilder builder(options.spelling_variants, options.synonyms);
        for (;;) {
            Block b;
            {
                std::unique_lock lock(mu);
                cv.wait(lock, [&] { return closing || !queue.empty() || error; });
                if (error || queue.empty()) return;
                b = std::move(queue.front());
                queue.pop_front();
            }
            cv.notify_all();
            try {
                build_block(builder, b);
            } catch (...) {
                std::lock_guard lock(mu);
                if (!error) error = std::current_exception();
                cv.notify_all();
                return;
            }
        }
    }

    void build_block(DocumentBuilder& builder, Block& b) {
        std::vector<BuiltDocument> built;
        built.reserve(b.articles.size());
        for (std::size_t i = 0; i < b.articles.size(); ++i) {
            built.push_back(builder.build(b.articles[i], *b.files[i]));
        }
        if (!queue_spelling(built) || !assign_clusters(b, built)) return;
        b.articles.clear();
        b.articles.shrink_to_fit();
        write_shard(b, built);
    }

    // Hands the block's word counts to the spelling thread before its shard is written (the
    // table does not depend on the order of the blocks): the spelling thread's share of the last
    // block then runs beside the writing of its shard, not after it, which took a twentieth of
    // the wall time of a 10,000-article build off the single-threaded end of the run.
    // Returns false when the run failed meanwhile.
    bool queue_spelling(std::vector<BuiltDocument>& built) {
        FlatStringMap<Xapian::termcount> words;
        for (auto& d : built) {
            for (const auto& w : d.spelling_words) ++*words.try_emplace(w).first;
            d.spelling_words = {};
        }
        std::unique_lock lock(mu);
        // A few blocks' words may wait; more would only hold memory.
        cv.wait(lock, [&] { return spelling_queue.size() < 4 || error; });
        if (error) return false;
        spelling_queue.push_back(std::move(words));
        cv.notify_all();
        return true;
    }

    // Waits for this block's turn, then gives each document its cluster key as a serial run
    // would. Returns false when the run failed meanwhile.
    bool assign_clusters(const Block& b, std::vector<BuiltDocument>& built) {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next_to_assign == b.index || error; });
        if (error) return false;
        for (std::size_t i = 0; i < built.size(); ++i) {
            auto& d = built[i];
            const std::string& id = b.articles[i].id;
            const Xapian::docid docid = b.first_docid + static_cast<Xapian::docid>(i);
            if (auto [it, added] = ids.try_emplace(id, docid); added) {
                ++counts.indexed;
            } else {
                // The same id again in this run: the later article replaces the earlier one.
                clusters.remove(it->second);
                superseded.push_back(it->second);
                it->second = docid;
                ++counts.updated;
            }
            const std::string cluster = d.fingerprint ? clusters.assign(*d.fingerprint, id) : id;
            d.doc.add_value(schema::kSlotCluster, cluster);
            d.doc.add_value(schema::kSlotIndexed, options.indexed_at);
            d.doc.add_boolean_term(std::string(schema::kClusterFilter) + cluster);
            if (d.fingerprint) clusters.add(docid, *d.fingerprint, cluster);
        }
        ++next_to_assign;
        cv.notify_all();
        return true;
    }

    void write_shard(const Block& b, std::vector<BuiltDocument>& built) {
        const std::string path = (options.work_dir / ("shard-" + std::to_string(b.index))).string();
        // Scratch data: a crash throws it away, so no fsync.
        Xapian::WritableDatabase shard(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        for (auto& d : built) {
            shard.add_document(d.doc);
            d = BuiltDocument{};  // frees the document's terms as soon as they are written
        }
        shard.commit();
        shard.close();
        std::lock_guard lock(mu);
        shards[b.index] = path;
    }
};

BulkBuild::BulkBuild(BulkBuildOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

BulkBuild::~BulkBuild() = default;

void BulkBuild::add(const Article& article, std::shared_ptr<const std::string> file_key) {
    auto& m = *impl_;
    m.current.articles.push_back(article);
    m.current.files.push_back(std::move(file_key));
    if (m.current.articles.size() >= std::max<std::size_t>(1, m.options.block_size)) m.submit();
}

BulkBuild::Result BulkBuild::finish() {
    auto& m = *impl_;
    m.submit();
    {
        std::lock_guard lock(m.mu);
        m.closing = true;
        m.spelling_blocks = m.blocks;
    }
    m.cv.notify_all();
    for (auto& t : m.threads) t.join();
    m.threads.clear();
    m.spelling_thread.join();
    std::lock_guard lock(m.mu);
    m.rethrow_locked();
    return Result{m.shards, m.superseded, m.next_docid - 1, m.spelling_path()};
}

IndexCounts BulkBuild::counts() const {
    std::lock_guard lock(impl_->mu);
    return impl_->counts;
}

std::size_t BulkBuild::duplicate_clusters() const {
    std::lock_guard lock(impl_->mu);
    return impl_->clusters.duplicate_clusters();
}

}  // namespace news
