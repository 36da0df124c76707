#pragma once
// Input discovery: the files named on the command line, and the .txt / .jsonl / .json / .xml /
// .rss / .atom files found (recursively, in name order) under the directories named there.

#include <span>
#include <string>
#include <vector>

#include "core/ingest/problem.hpp"

namespace news {

enum class InputKind { raw_page, json_lines, json_document, xml_feed };

struct InputFile {
    std::string path;  // as found (relative inputs stay relative)
    InputKind kind = InputKind::raw_page;
};

struct Discovery {
    std::vector<InputFile> files;
    std::vector<InputProblem> problems;  // missing inputs, unsupported file types
    std::vector<std::string> roots;      // absolute, normal paths of the inputs (prune scope)
};

// The kind of a file by its extension, or nullopt for anything but .txt, .jsonl, .json, .xml,
// .rss and .atom.
std::optional<InputKind> input_kind(std::string_view path);

Discovery discover_inputs(std::span<const std::string> inputs);

}  // namespace news
