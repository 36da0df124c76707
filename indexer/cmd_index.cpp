// `indexer index`: argument parsing, logging and the summary around the indexing library
// (core/ingest/ingest.hpp, core/index/index_writer.hpp).

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/config/indexer_config.hpp"
#include "core/index/index_writer.hpp"
#include "core/ingest/ingest.hpp"
#include "indexer/commands.hpp"

namespace news::cli {
namespace {

constexpr std::string_view kHelp =
    "usage: indexer index [--db DIR] [--prune] [--config FILE] [--quiet] INPUT...\n"
    "\n"
    "Cleans raw news pages (.txt), reads JSON Lines feeds (.jsonl), feeds as one JSON\n"
    "document (.json: JSON Feed, a NewsAPI response, feedparser's result, an array of records)\n"
    "and RSS or Atom feeds (.xml, .rss, .atom), and writes them into the Xapian database DIR.\n"
    "INPUT is a file or a directory (searched recursively for files of those types).\n"
    "Re-running is incremental: unchanged files are skipped, changed files replace their\n"
    "articles. The whole run is committed at once at the end.\n"
    "\n"
    "Options:\n"
    "  --db DIR        the index directory (default: \"db\" of the config, var/index)\n"
    "  --prune         remove the articles of indexed files that no longer exist, or that lie\n"
    "                  under an INPUT directory but were not found there this time\n"
    "  --config FILE   indexer configuration (default: config/indexer.json)\n"
    "  --quiet, -q     no progress line and no informational messages (problems and the\n"
    "                  summary are still printed)\n"
    "  --help, -h      this text\n"
    "\n"
    "JSON Lines records: {\"id\", \"title\", \"body\", \"source\", \"authors\" (or \"author\"),\n"
    "\"url\", \"published\"}; id and title are required, body paragraphs are separated by blank\n"
    "lines, unknown fields are ignored.\n"
    "\n"
    "Exit status: 0 everything indexed, 1 some inputs or records skipped (each reported with\n"
    "its file, line and reason), 2 fatal error (bad arguments or config, database locked by\n"
    "another indexer, database error).\n";

struct Args {
    std::optional<std::string> db;
    std::optional<std::string> config;
    bool prune = false;
    bool quiet = false;
    bool help = false;
    std::vector<std::string> inputs;
};

// Returns an error message, or nullopt when the arguments are fine.
std::optional<std::string> parse_args(std::span<const std::string_view> args, Args& out) {
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (options_done || a.empty() || a.front() != '-' || a == "-") {
            out.inputs.emplace_back(a);
            continue;
        }
        auto value = [&](std::string_view name,
                         std::optional<std::string>& target) -> std::optional<std::string> {
            if (a.starts_with(std::string(name) + "=")) {
                target = std::string(a.substr(name.size() + 1));
                return std::nullopt;
            }
            if (i + 1 >= args.size()) return std::string(name) + " needs a value";
            target = std::string(args[++i]);
            return std::nullopt;
        };
        if (a == "--") {
            options_done = true;
        } else if (a == "--help" || a == "-h") {
            out.help = true;
        } else if (a == "--prune") {
            out.prune = true;
        } else if (a == "--quiet" || a == "-q") {
            out.quiet = true;
        } else if (a == "--db" || a.starts_with("--db=")) {
            if (auto e = value("--db", out.db)) return e;
        } else if (a == "--config" || a.starts_with("--config=")) {
            if (auto e = value("--config", out.config)) return e;
        } else {
            return "unknown option '" + std::string(a) + "'";
        }
    }
    if (!out.help && out.inputs.empty()) return std::string("no INPUT given");
    return std::nullopt;
}

std::shared_ptr<spdlog::logger> make_logger(bool quiet) {
    auto logger = spdlog::get("indexer");
    if (!logger) logger = spdlog::stderr_color_mt("indexer");
    logger->set_pattern("indexer: %^%l%$: %v");
    logger->set_level(quiet ? spdlog::level::warn : spdlog::level::info);
    return logger;
}

// A single progress line redrawn in place; only on a terminal.
class Progress {
  public:
    explicit Progress(bool enabled) : enabled_(enabled) {}
    void show(const IndexCounts& c, double seconds) {
        if (!enabled_) return;
        const std::size_t done = c.indexed + c.updated + c.unchanged;
        std::fprintf(stderr, "\r  %zu articles (%zu new, %zu updated, %zu unchanged)  %.0f/s   ",
                     done, c.indexed, c.updated, c.unchanged, seconds > 0 ? done / seconds : 0.0);
        std::fflush(stderr);
        shown_ = true;
    }
    void clear() {
        if (shown_) std::fputs("\r\033[K", stderr);
        shown_ = false;
    }

  private:
    bool enabled_;
    bool shown_ = false;
};

// Xapian reports a full disk (or a file size limit) only as the system error text of its
// exception; the operator deserves to be told plainly, and that nothing was lost.
bool out_of_space(const Xapian::Error& e) {
    const char* text = e.get_error_string();
    if (text == nullptr) return false;
    for (const int code : {ENOSPC, EFBIG, EDQUOT}) {
        if (std::strcmp(text, std::strerror(code)) == 0) return true;
    }
    return false;
}

}  // namespace

int run_index(std::span<const std::string_view> raw_args) {
    Args args;
    if (const auto error = parse_args(raw_args, args)) {
        std::fprintf(stderr, "indexer index: %s\n\n%s", error->c_str(), kHelp.data());
        return 2;
    }
    if (args.help) {
        std::fputs(kHelp.data(), stdout);
        return 0;
    }
    auto log = make_logger(args.quiet);
    const auto started = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };

    IndexerConfig config;
    std::vector<SynonymGroup> synonyms;
    try {
        config = args.config ? load_indexer_config(*args.config) : default_indexer_config();
        std::vector<std::string> errors;
        synonyms = load_synonyms(config, errors);
        for (const auto& e : errors) log->warn("{}", e);
    } catch (const std::exception& e) {
        log->error("config: {}", e.what());
        return 2;
    }
    const std::string db = args.db.value_or(config.db);

    try {
        IndexWriter writer(IndexWriterOptions{db, config.spelling_variants, std::move(synonyms),
                                              config.dedupe_threshold, config.flush_threshold,
                                              /*indexed_at: when it opens*/ {}});
        log->info("indexing into {}{}", db,
                  config.source.empty() ? "" : " (config " + config.source + ")");
        Progress progress(!args.quiet && ::isatty(STDERR_FILENO));
        IngestOptions options;
        options.prune = args.prune;
        options.on_problem = [&](const InputProblem& p) {
            progress.clear();
            if (p.kind == InputProblem::Kind::warning) {
                log->warn("{}", describe(p));
            } else {
                log->warn("skipped {}", describe(p));
            }
        };
        options.on_progress = [&](const IndexCounts& c) { progress.show(c, elapsed()); };
        const IngestResult result = ingest_inputs(writer, args.inputs, options);
        progress.clear();
        writer.commit();

        const IndexCounts c = writer.counts();
        const double seconds = elapsed();
        const std::size_t processed = c.indexed + c.updated + c.unchanged;
        if (c.indexed + c.updated + c.removed == 0) {
            std::printf("nothing changed: the index is up to date (%zu articles unchanged)\n",
                        c.unchanged);
        }
        std::printf(
            "indexed %zu, updated %zu, unchanged %zu, removed %zu, skipped %zu, duplicate clusters "
            "%zu; %zu articles in the index; %.2f s, %.0f articles/s\n",
            c.indexed, c.updated, c.unchanged, c.removed, result.skipped(),
            writer.duplicate_clusters(), writer.article_count(), seconds,
            seconds > 0 ? processed / seconds : 0.0);
        return result.skipped() > 0 ? 1 : 0;
    } catch (const IndexLockedError& e) {
        log->error("{}", e.what());
        return 2;
    } catch (const Xapian::Error& e) {
        log->error("{}: {}", db, e.get_description());
        if (out_of_space(e)) {
            log->error(
                "the disk is full (or a file size limit was reached): nothing of this run was "
                "committed and the index keeps its previous revision; free some space and run "
                "again");
        }
        return 2;
    } catch (const std::exception& e) {
        log->error("{}", e.what());
        return 2;
    }
}

}  // namespace news::cli
