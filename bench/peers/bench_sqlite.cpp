// SQLite FTS5 peer: in-process, no network. One FTS5 table (porter stemmer over unicode61),
// bm25() ranking with the title weighted 2x, snippet() of the body (up to 30 tokens).
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "common/corpus.hpp"
#include "common/engine.hpp"
#include "common/metrics.hpp"

namespace {

using peers::Hit;
using peers::Query;

// Owns one sqlite3 handle; every statement it prepares is finalised with it.
class Db {
  public:
    Db(const std::string& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("sqlite open " + path + ": " + msg);
        }
    }
    ~Db() { sqlite3_close_v2(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error("sqlite: " + msg + " in: " + sql);
        }
    }
    sqlite3* get() const { return db_; }
    std::string error() const { return sqlite3_errmsg(db_); }

  private:
    sqlite3* db_ = nullptr;
};

class Statement {
  public:
    Statement(Db& db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v3(db.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_,
                               nullptr) != SQLITE_OK)
            throw std::runtime_error("sqlite prepare: " + db.error());
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    sqlite3_stmt* get() const { return stmt_; }
    void bind(int i, const std::string& s) {
        sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    }
    std::string column(int i) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))) : "";
    }
    int step() {
        const int rc = sqlite3_step(stmt_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            throw std::runtime_error("sqlite: " + db_.error());
        return rc;
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

  private:
    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// FTS5 query syntax: every word becomes a double-quoted string (so no word is ever read as an
// operator or column filter), the words are ANDed; a phrase is one quoted string of its words.
std::string fts5_match(const Query& q) {
    auto append_quoted = [](std::string& out, const std::string& w) {
        out += '"';
        for (const char c : w) {
            if (c == '"') out += '"';  // a quote inside a string is doubled
            out += c;
        }
        out += '"';
    };
    std::string out;
    if (q.words.empty()) return out;
    if (q.phrase) {
        std::string joined;
        for (std::size_t i = 0; i < q.words.size(); ++i) {
            if (i) joined += ' ';
            joined += q.words[i];
        }
        append_quoted(out, joined);
        return out;
    }
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        if (i) out += " AND ";
        append_quoted(out, q.words[i]);
    }
    return out;
}

constexpr const char* kSearchSql =
    "SELECT docid, title, snippet(news, 2, '<mark>', '</mark>', '…', 30) FROM news "
    "WHERE news MATCH ?1 ORDER BY rank LIMIT 10";

class SqliteSearcher : public peers::Searcher {
  public:
    explicit SqliteSearcher(const std::string& path)
        : db_(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX), stmt_(init(db_), kSearchSql) {}

    std::vector<Hit> search(const Query& q) override {
        const auto match = fts5_match(q);
        if (match.empty()) return {};  // nothing searchable: no hits, like the other engines
        stmt_.reset();
        stmt_.bind(1, match);
        std::vector<Hit> hits;
        while (stmt_.step() == SQLITE_ROW)
            hits.push_back({stmt_.column(0), stmt_.column(1), stmt_.column(2)});
        return hits;
    }

  private:
    static Db& init(Db& db) {
        // Map the file: reads come from the page cache without copying into SQLite's cache.
        db.exec("PRAGMA mmap_size=1073741824");
        return db;
    }
    Db db_;
    Statement stmt_;
};

class SqliteEngine : public peers::LocalIndexEngine {
  public:
    SqliteEngine() : LocalIndexEngine("sqlite-fts5.db") {}

    std::string name() const override { return "sqlite-fts5"; }

    void prepare_index(const peers::Options& o) override {
        locate(o);
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            std::filesystem::remove(path() + suffix);
    }

    peers::IndexResult build_index(const peers::Options& o) override {
        Db db(path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        // A bulk load into a fresh file: no journal, no fsync (the file is rebuilt on failure).
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144");
        db.exec(
            "CREATE VIRTUAL TABLE news USING fts5(docid UNINDEXED, title, body, "
            "tokenize='porter unicode61')");
        // ORDER BY rank then means bm25 with the title weighted 2x (docid is unindexed: 0).
        db.exec("INSERT INTO news(news, rank) VALUES('rank', 'bm25(0.0, 2.0, 1.0)')");
        db.exec("BEGIN");
        Statement insert(db, "INSERT INTO news(docid, title, body) VALUES(?1, ?2, ?3)");
        peers::IndexResult r;
        r.articles = peers::for_each_article(o.corpus, [&](const peers::Article& a) {
            insert.reset();
            insert.bind(1, a.id);
            insert.bind(2, a.title);
            insert.bind(3, a.body);
            insert.step();
        });
        db.exec("COMMIT");
        // Merge the segments into one b-tree, as a read-mostly index would be kept.
        db.exec("INSERT INTO news(news) VALUES('optimize')");
        return r;
    }

    std::unique_ptr<peers::Searcher> connect() override {
        return std::make_unique<SqliteSearcher>(path());
    }
};

}  // namespace

int main(int argc, char** argv) {
    SqliteEngine engine;
    return peers::peer_main(argc, argv, engine);
}
