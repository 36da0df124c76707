#pragma once
// Indexes a set of inputs (files and directories) through an IndexWriter: discovery, reading,
// cleaning of raw pages, JSON Lines parsing, change detection, pruning. Problems are reported
// through a callback as they are found and the run carries on; the caller commits.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/index/index_writer.hpp"
#include "core/ingest/problem.hpp"

namespace news {

struct IngestOptions {
    bool prune = false;
    std::function<void(const InputProblem&)> on_problem;  // each problem, at once
    std::function<void(std::string_view file)> on_file;   // before each file
    std::function<void(const IndexCounts&)> on_progress;  // every few hundred articles
};

struct IngestResult {
    std::vector<InputProblem> problems;
    std::size_t files_seen = 0;
    std::size_t skipped_files = 0;
    std::size_t skipped_records = 0;
    std::size_t warnings = 0;
    std::size_t skipped() const { return skipped_files + skipped_records; }
};

IngestResult ingest_inputs(IndexWriter& writer, std::span<const std::string> inputs,
                           const IngestOptions& options);

}  // namespace news
