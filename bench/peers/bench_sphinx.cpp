// Sphinx 2.2 peer: a plain index built by `indexer` from a tsvpipe source we generate, served by
// `searchd` on 127.0.0.1 and queried over SphinxQL (MySQL protocol, libmariadb client).
// english stemming (morphology = stem_en); title and body are full-text fields that are also
// stored as string attributes, so SNIPPET(body, ...) works in the SELECT list and is evaluated
// for the 10 returned rows only.
#include <mysql.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "common/corpus.hpp"
#include "common/engine.hpp"
#include "common/metrics.hpp"
#include "common/server_process.hpp"

namespace {

using peers::Hit;
using peers::Query;

// tsvpipe has no escapes: a tab or newline inside a field would split it.
std::string tsv_clean(const std::string& s) {
    std::string out = s;
    for (auto& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

// Sphinx extended query syntax: backslash-escape every operator character.
std::string sphinx_escape_word(const std::string& w) {
    static const std::string special = "\\()|-!@~\"&/^$=<>*[]';:?%,.+";
    std::string out;
    for (const char c : w) {
        if (special.find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

// Inside a SphinxQL string literal: escape backslash and single quote.
std::string sql_literal(const std::string& s) {
    std::string out(1, '\'');
    for (const char c : s) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    out += '\'';
    return out;
}

// AND of the words (the extended syntax's default), or one "phrase".
std::string match_expression(const Query& q) {
    std::string out;
    if (q.phrase) out += '"';
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        if (i) out += ' ';
        out += sphinx_escape_word(q.words[i]);
    }
    if (q.phrase) out += '"';
    return out;
}

std::string plain_words(const Query& q) {
    std::string out;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        if (i) out += ' ';
        out += q.words[i];
    }
    return out;
}

class SphinxConnection {
  public:
    explicit SphinxConnection(int port) : conn_(mysql_init(nullptr)) {
        if (!conn_) throw std::runtime_error("mysql_init failed");
        // Never hang: a connection the server never greets, or a lost reply, becomes an error.
        const unsigned connect_timeout = 10, io_timeout = 30;
        mysql_options(conn_, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
        mysql_options(conn_, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
        mysql_options(conn_, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
        if (!mysql_real_connect(conn_, "127.0.0.1", "", "", nullptr, static_cast<unsigned>(port),
                                nullptr, 0)) {
            const std::string msg = mysql_error(conn_);
            mysql_close(conn_);
            throw std::runtime_error("SphinxQL connect: " + msg);
        }
    }
    ~SphinxConnection() { mysql_close(conn_); }
    SphinxConnection(const SphinxConnection&) = delete;
    SphinxConnection& operator=(const SphinxConnection&) = delete;

    std::vector<Hit> select(const std::string& sql) {
        if (mysql_real_query(conn_, sql.data(), sql.size()) != 0)
            throw std::runtime_error(std::string("SphinxQL: ") + mysql_error(conn_));
        MYSQL_RES* res = mysql_store_result(conn_);
        if (!res) throw std::runtime_error(std::string("SphinxQL result: ") + mysql_error(conn_));
        std::vector<Hit> hits;
        while (MYSQL_ROW row = mysql_fetch_row(res)) {
            const unsigned long* len = mysql_fetch_lengths(res);
            auto col = [&](int i) { return row[i] ? std::string(row[i], len[i]) : std::string(); };
            hits.push_back({col(1), col(2), col(3)});
        }
        mysql_free_result(res);
        return hits;
    }

  private:
    MYSQL* conn_;
};

class SphinxSearcher : public peers::Searcher {
  public:
    explicit SphinxSearcher(int port) : conn_(port) {}

    std::vector<Hit> search(const Query& q) override {
        if (q.words.empty()) return {};  // nothing searchable: no hits, like the other engines
        // Snippet: up to 30 words around the matches, default ranker (proximity_bm25), title 2x.
        const std::string sql =
            "SELECT id, docid, title, SNIPPET(body, " + sql_literal(plain_words(q)) +
            ", 'limit_words=30', 'around=15', 'limit=1000', "
            "'before_match=<mark>', 'after_match=</mark>') AS snippet "
            "FROM news WHERE MATCH(" +
            sql_literal(match_expression(q)) + ") LIMIT 10 OPTION field_weights=(title=2, body=1)";
        return conn_.select(sql);
    }

  private:
    SphinxConnection conn_;
};

class SphinxEngine : public peers::Engine {
  public:
    SphinxEngine() { mysql_library_init(0, nullptr, nullptr); }  // before any thread connects
    ~SphinxEngine() override {
        try {
            stop_server();
        } catch (...) {
        }
        mysql_library_end();
    }
    std::string name() const override { return "sphinx-2.2"; }

    void prepare_index(const peers::Options& o) override {
        set_dirs(o);
        stop_server();
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_ + "/index");
        write_config(0);
    }

    peers::IndexResult build_index(const peers::Options& o) override {
        peers::IndexResult r;
        {
            std::ofstream tsv(dir_ + "/source.tsv", std::ios::trunc | std::ios::binary);
            std::size_t n = 0;
            r.articles = peers::for_each_article(o.corpus, [&](const peers::Article& a) {
                tsv << ++n << '\t' << tsv_clean(a.id) << '\t' << tsv_clean(a.title) << '\t'
                    << tsv_clean(a.body) << '\n';
            });
            if (!tsv) throw std::runtime_error("cannot write " + dir_ + "/source.tsv");
        }
        peers::run_command({"indexer", "--config", conf(), "--all", "--quiet"}, log());
        return r;
    }

    nlohmann::ordered_json finish_index(const peers::Options&) override {
        std::filesystem::remove(dir_ + "/source.tsv");
        return {{"index_mb", peers::disk_usage_mb(dir_ + "/index")}};
    }

    void open_for_queries(const peers::Options& o) override {
        set_dirs(o);
        if (!std::filesystem::exists(dir_ + "/index/news.spa"))
            throw std::runtime_error("no Sphinx index in " + dir_);
        stop_server();
        port_ = peers::free_loopback_port();
        write_config(port_);
        peers::run_command({"searchd", "--config", conf()}, log());
        if (!peers::wait_for_port(port_, 30)) throw std::runtime_error("searchd did not listen");
    }

    std::unique_ptr<peers::Searcher> connect() override {
        return std::make_unique<SphinxSearcher>(port_);
    }

    nlohmann::ordered_json close_after_queries() override {
        nlohmann::ordered_json j;
        j["server_peak_rss_mb"] = peers::process_peak_rss_mb(peers::read_pid_file(pid_file()));
        stop_server();
        return j;
    }

    double server_cpu_seconds() override {
        return peers::process_cpu_seconds(peers::read_pid_file(pid_file()));
    }

    void stop(const peers::Options& o) override {
        set_dirs(o);
        stop_server();
    }

  private:
    void set_dirs(const peers::Options& o) {
        dir_ = std::filesystem::absolute(o.workdir + "/sphinx").string();
    }
    std::string conf() const { return dir_ + "/sphinx.conf"; }
    std::string pid_file() const { return dir_ + "/searchd.pid"; }
    std::string log() const { return dir_ + "/commands.log"; }  // indexer and searchd chatter

    void write_config(int port) {
        std::ofstream out(conf(), std::ios::trunc);
        out << "# generated by bench_sphinx; see bench/peers/README.md\n"
            << "source news\n{\n"
            << "    type = tsvpipe\n"
            << "    tsvpipe_command = cat " << dir_ << "/source.tsv\n"
            << "    tsvpipe_attr_string = docid\n"
            << "    tsvpipe_field_string = title\n"
            << "    tsvpipe_field_string = body\n}\n\n"
            << "index news\n{\n"
            << "    source = news\n"
            << "    path = " << dir_ << "/index/news\n"
            << "    docinfo = extern\n"
            << "    morphology = stem_en\n"
            << "    min_word_len = 1\n"
            << "    html_strip = 0\n}\n\n"
            << "indexer\n{\n    mem_limit = 1024M\n}\n\n"
            << "searchd\n{\n"
            << "    listen = 127.0.0.1:" << (port ? port : 9306) << ":mysql41\n"
            << "    log = " << dir_ << "/searchd.log\n"
            << "    pid_file = " << pid_file() << "\n"
            << "    binlog_path =\n"
            << "    workers = threads\n"
            << "    max_children = 64\n"
            // The default backlog of 5 drops handshakes when 16 clients connect at once; the
            // clients then wait for a greeting that never comes.
            << "    listen_backlog = 128\n"
            << "    seamless_rotate = 0\n}\n";
        if (!out) throw std::runtime_error("cannot write " + conf());
    }

    void stop_server() {
        if (dir_.empty() || peers::read_pid_file(pid_file()) <= 0) return;
        if (!std::filesystem::exists("/proc/" + std::to_string(peers::read_pid_file(pid_file())))) {
            std::filesystem::remove(pid_file());
            return;
        }
        peers::run_command({"searchd", "--config", conf(), "--stopwait"}, log());
    }

    std::string dir_;
    int port_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    SphinxEngine engine;
    return peers::peer_main(argc, argv, engine);
}
