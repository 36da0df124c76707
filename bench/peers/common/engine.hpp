// What a peer harness implements; peer_main() does the rest (CLI, timing, load, JSON lines).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "options.hpp"
#include "queries.hpp"

namespace peers {

struct Hit {
    std::string id;
    std::string title;
    std::string snippet;
};

// One per load thread: its own connection / database handle, never shared.
class Searcher {
  public:
    virtual ~Searcher() = default;
    // Top 10 hits (AND semantics) with id, title and a highlighted snippet of the body.
    // Throws on any failure (a query that does not parse counts as failed).
    virtual std::vector<Hit> search(const Query& q) = 0;
};

struct IndexResult {
    std::size_t articles = 0;
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();  // engine-specific fields
};

class Engine {
  public:
    virtual ~Engine() = default;
    virtual std::string name() const = 0;

    // Untimed set-up before indexing (e.g. initdb and starting a server); removes any old index.
    virtual void prepare_index(const Options&) {}
    // Timed: reads the corpus and builds the index, ready to be queried.
    virtual IndexResult build_index(const Options&) = 0;
    // Untimed: stop servers, measure. Must return "index_mb" (and may add server figures).
    virtual nlohmann::ordered_json finish_index(const Options&) = 0;

    // Before / after a query run (start and stop a server; the after hook may add fields).
    virtual void open_for_queries(const Options&) {}
    virtual nlohmann::ordered_json close_after_queries() {
        return nlohmann::ordered_json::object();
    }
    virtual std::unique_ptr<Searcher> connect() = 0;

    // CPU seconds the server side has used so far (server peers), or -1: sampled before and
    // after the load to report the server's CPU time per query.
    virtual double server_cpu_seconds() { return -1; }

    // `stop` subcommand: stop a server a crashed run left behind.
    virtual void stop(const Options&) {}
};

// An in-process engine whose index is one file or directory under the work directory: where it
// lives, its size after indexing, and the check that it exists before a query run.
class LocalIndexEngine : public Engine {
  public:
    explicit LocalIndexEngine(std::string index_name) : index_name_(std::move(index_name)) {}

    nlohmann::ordered_json finish_index(const Options&) override;
    void open_for_queries(const Options& o) override;

  protected:
    // Sets and returns the index path for `o` (call it first in prepare_index).
    const std::string& locate(const Options& o);
    const std::string& path() const { return path_; }

  private:
    std::string index_name_;
    std::string path_;
};

// The whole program for one peer; returns the exit status.
int peer_main(int argc, char** argv, Engine& engine);

}  // namespace peers
