#pragma once
// All JSON lines of one bench run, grouped by kind. Every harness (ours and the peers') prints
// one line per measurement; bench/run collects them in one file for the report.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bench::report {

using nlohmann::json;

struct Records {
    std::vector<json> index;                                // kind "index"
    std::vector<json> query;                                // kind "query"
    std::vector<json> clean;                                // kind "clean"
    std::vector<json> memory;                               // kind "memory"
    std::vector<json> relevance;                            // kind "relevance"
    std::vector<std::string> notes;                         // kind "note": {"text"}
    std::vector<std::pair<std::string, std::string>> meta;  // kind "meta": {"key","value"}

    std::string meta_value(const std::string& key) const;
    // The query line of `engine` on `corpus` at concurrency `c`, if measured.
    const json* find_query(const std::string& engine, const std::string& corpus, int c) const;
    const json* find_index(const std::string& engine, const std::string& corpus) const;
    const json* find_memory(const std::string& corpus, const std::string& phase) const;
    // Corpus labels in the order they first appear (1x before 10x).
    std::vector<std::string> corpora() const;
};

// Lines that are not JSON objects are reported on stderr and skipped (a tool's stray output
// must not hide the rest of the run). Repeated measurements come out merged (report/rounds.hpp).
Records read_records(std::istream& in);

inline const char* kOursHttp = "news-search (HTTP)";
inline const char* kOursInProcess = "news-search (in-process)";
// The same server answering /healthz: the HTTP round trip alone, with no search behind it.
inline const char* kOursHttpFloor = "news-search (HTTP /healthz)";
// The same server and client at c=1 with both pinned to one core (bench/run's one_core_round).
inline const char* kOursHttpOneCore = "news-search (HTTP, client and server on one core)";
// The same server and queries with wrk as the client instead of http_load (bench/run's wrk_rows).
inline const char* kOursHttpWrk = "news-search (HTTP, wrk)";
// The same server and client at c=1 with the client spinning for its reply instead of sleeping
// (bench/run's spin_round).
inline const char* kOursHttpSpin = "news-search (HTTP, client spins)";
// The same server and queries at c=1 from a client that asks for gzip, as browsers do, and
// inflates every answer (bench/run's gzip_round).
inline const char* kOursHttpGzip = "news-search (HTTP, gzip)";
inline const char* kOursIndexer = "news-search indexer";
// The same indexer over the same articles as scraped pages, cleaned first (tools/make_pages).
inline const char* kOursIndexerPages = "news-search indexer (raw pages, cleaned)";

bool is_ours(const std::string& engine);
double num(const json& j, const char* key);  // 0 when missing or not a number

}  // namespace bench::report
