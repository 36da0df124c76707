// PostgreSQL 15 peer: libpq over TCP to a server on 127.0.0.1 started in the workdir.
// Stored tsvector (title weight A, body B) with a GIN index, websearch_to_tsquery('english')
// (AND and "phrases" natively), ts_rank_cd, and ts_headline on the top 10 only.
#include <libpq-fe.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "common/corpus.hpp"
#include "common/engine.hpp"
#include "common/metrics.hpp"
#include "common/server_process.hpp"

namespace {

using peers::Hit;
using peers::Query;

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void*, const char*) {}  // "query contains only stop words" is not an error

class Connection {
  public:
    explicit Connection(int port) {
        const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port) +
                                     " user=postgres dbname=postgres connect_timeout=10";
        conn_ = PQconnectdb(conninfo.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            const std::string msg = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw std::runtime_error("postgres connect: " + msg);
        }
        PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    }
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Result exec(const std::string& sql, ExecStatusType expect = PGRES_COMMAND_OK) {
        Result r(PQexec(conn_, sql.c_str()));
        check(r, expect, sql);
        return r;
    }
    void prepare(const char* name, const char* sql) {
        Result r(PQprepare(conn_, name, sql, 1, nullptr));
        check(r, PGRES_COMMAND_OK, sql);
    }
    Result exec_prepared(const char* name, const std::string& param) {
        const char* values[1] = {param.c_str()};
        Result r(PQexecPrepared(conn_, name, 1, values, nullptr, nullptr, 0));
        check(r, PGRES_TUPLES_OK, name);
        return r;
    }
    void copy_data(const std::string& chunk) {
        if (PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) != 1)
            throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(conn_));
    }
    void copy_end() {
        if (PQputCopyEnd(conn_, nullptr) != 1)
            throw std::runtime_error(std::string("COPY end: ") + PQerrorMessage(conn_));
        Result r(PQgetResult(conn_));
        check(r, PGRES_COMMAND_OK, "COPY");
        while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    }
    long backend_pid() const { return PQbackendPID(conn_); }

  private:
    void check(const Result& r, ExecStatusType expect, const std::string& what) {
        if (PQresultStatus(r.get()) != expect)
            throw std::runtime_error("postgres: " + std::string(PQerrorMessage(conn_)) +
                                     " in: " + what.substr(0, 120));
    }
    PGconn* conn_ = nullptr;
};

// COPY text format: backslash, tab, newline and carriage return are escaped.
void append_copy_field(std::string& out, const std::string& s) {
    for (const char c : s) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

// The subquery ranks and keeps 10 rows; only those 10 bodies go through ts_headline.
constexpr const char* kSearchSql =
    "SELECT docid, title, ts_headline('english', body, q, "
    "'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=15') "
    "FROM (SELECT docid, title, body, q, ts_rank_cd(tsv, q) AS rank "
    "      FROM articles, websearch_to_tsquery('english', $1) AS q "
    "      WHERE tsv @@ q ORDER BY rank DESC LIMIT 10) AS top "
    "ORDER BY rank DESC";

class PostgresSearcher : public peers::Searcher {
  public:
    PostgresSearcher(int port, std::atomic<double>& backend_peak, std::atomic<double>& backend_cpu)
        : conn_(port), backend_peak_(backend_peak), backend_cpu_(backend_cpu) {
        conn_.prepare("search", kSearchSql);
    }
    ~PostgresSearcher() override {
        // The backend serving this connection is a separate process: record its peak RSS and
        // the CPU time it used (it ends with the connection).
        const double mb = peers::process_peak_rss_mb(conn_.backend_pid());
        double seen = backend_peak_.load();
        while (mb > seen && !backend_peak_.compare_exchange_weak(seen, mb)) {
        }
        const double cpu = peers::process_cpu_seconds(conn_.backend_pid());
        double sum = backend_cpu_.load();
        while (cpu > 0 && !backend_cpu_.compare_exchange_weak(sum, sum + cpu)) {
        }
    }

    std::vector<Hit> search(const Query& q) override {
        const auto r = conn_.exec_prepared("search", q.raw);
        std::vector<Hit> hits;
        for (int i = 0; i < PQntuples(r.get()); ++i)
            hits.push_back(
                {PQgetvalue(r.get(), i, 0), PQgetvalue(r.get(), i, 1), PQgetvalue(r.get(), i, 2)});
        return hits;
    }

  private:
    Connection conn_;
    std::atomic<double>& backend_peak_;
    std::atomic<double>& backend_cpu_;
};

class PostgresEngine : public peers::Engine {
  public:
    ~PostgresEngine() override {
        try {
            stop_server();
        } catch (...) {
        }
    }
    std::string name() const override { return "postgresql-15"; }

    void prepare_index(const peers::Options& o) override {
        set_dirs(o);
        // The server runs as user postgres and must reach DIR/pgdata (a mktemp dir is 0700).
        std::filesystem::permissions(o.workdir, std::filesystem::perms::others_exec,
                                     std::filesystem::perm_options::add);
        stop_server();  // a server left from an earlier run of this workdir
        script({"init", datadir_});
        start_server();
    }

    peers::IndexResult build_index(const peers::Options& o) override {
        Connection conn(port_);
        conn.exec("BEGIN");
        // Created in the loading transaction so that, with wal_level=minimal, COPY skips WAL.
        conn.exec(
            "CREATE TABLE articles (docid text NOT NULL, title text NOT NULL, body text NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', title), 'A') || "
            "setweight(to_tsvector('english', body), 'B')) STORED)");
        conn.exec("COPY articles (docid, title, body) FROM STDIN", PGRES_COPY_IN);
        peers::IndexResult r;
        std::string chunk;
        r.articles = peers::for_each_article(o.corpus, [&](const peers::Article& a) {
            append_copy_field(chunk, a.id);
            chunk += '\t';
            append_copy_field(chunk, a.title);
            chunk += '\t';
            append_copy_field(chunk, a.body);
            chunk += '\n';
            if (chunk.size() >= (1u << 20)) {
                conn.copy_data(chunk);
                chunk.clear();
            }
        });
        if (!chunk.empty()) conn.copy_data(chunk);
        conn.copy_end();
        // Built after the load: one sorted build instead of a million pending-list inserts.
        conn.exec("CREATE INDEX articles_tsv ON articles USING GIN (tsv)");
        conn.exec("COMMIT");
        conn.exec("VACUUM ANALYZE articles");
        const auto size = conn.exec("SELECT pg_total_relation_size('articles')", PGRES_TUPLES_OK);
        relation_mb_ = std::stod(PQgetvalue(size.get(), 0, 0)) / 1e6;
        backend_peak_ = peers::process_peak_rss_mb(conn.backend_pid());
        // The parsing, stemming and GIN build happen in the backend, not in this client.
        r.extra["server_cpu_s"] = peers::process_cpu_seconds(conn.backend_pid());
        return r;
    }

    nlohmann::ordered_json finish_index(const peers::Options&) override {
        nlohmann::ordered_json j;
        // The client only streams COPY data; initdb's processes must not count as ours.
        j["peak_rss_mb"] = peers::peak_rss_self_mb();
        j["index_mb"] = relation_mb_;                    // table + TOAST + GIN index
        j["server_peak_rss_mb"] = backend_peak_.load();  // the backend that loaded and indexed
        stop_server();
        j["datadir_mb"] = peers::disk_usage_mb(datadir_);
        return j;
    }

    void open_for_queries(const peers::Options& o) override {
        set_dirs(o);
        if (!std::filesystem::exists(datadir_ + "/PG_VERSION"))
            throw std::runtime_error("no PostgreSQL data directory at " + datadir_);
        stop_server();
        start_server();
    }

    std::unique_ptr<peers::Searcher> connect() override {
        return std::make_unique<PostgresSearcher>(port_, backend_peak_, backend_cpu_);
    }

    nlohmann::ordered_json close_after_queries() override {
        nlohmann::ordered_json j;
        j["server_peak_rss_mb"] = backend_peak_.load();  // largest backend (one per connection)
        const long postmaster = peers::read_pid_file(datadir_ + "/postmaster.pid");
        j["postmaster_peak_rss_mb"] = peers::process_peak_rss_mb(postmaster);
        stop_server();
        return j;
    }

    double server_cpu_seconds() override { return backend_cpu_.load(); }

    void stop(const peers::Options& o) override {
        set_dirs(o);
        stop_server();
    }

  private:
    void set_dirs(const peers::Options& o) {
        datadir_ = std::filesystem::absolute(o.workdir + "/pgdata").string();
    }
    void script(std::vector<std::string> args) {
        args.insert(args.begin(), peers::peers_script_dir() + "/postgres.sh");
        peers::run_command(args, datadir_ + ".log");
    }
    void start_server() {
        port_ = peers::free_loopback_port();
        script({"start", datadir_, std::to_string(port_)});
        started_ = true;
        if (!peers::wait_for_port(port_, 30)) throw std::runtime_error("postgres did not listen");
    }
    void stop_server() {
        if (datadir_.empty() || !std::filesystem::exists(datadir_ + "/postmaster.pid")) return;
        script({"stop", datadir_});
        started_ = false;
    }

    std::string datadir_;
    int port_ = 0;
    bool started_ = false;
    double relation_mb_ = 0;
    std::atomic<double> backend_peak_{0};
    std::atomic<double> backend_cpu_{0};  // summed over the backends of closed connections
};

}  // namespace

int main(int argc, char** argv) {
    PostgresEngine engine;
    return peers::peer_main(argc, argv, engine);
}
