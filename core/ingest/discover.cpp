#include "core/ingest/discover.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace news {

namespace fs = std::filesystem;

std::optional<InputKind> input_kind(std::string_view path) {
    const std::string ext = fs::path(path).extension().string();
    if (ext == ".txt") return InputKind::raw_page;
    if (ext == ".jsonl") return InputKind::json_lines;
    if (ext == ".json") return InputKind::json_document;
    if (ext == ".xml" || ext == ".rss" || ext == ".atom") return InputKind::xml_feed;
    return std::nullopt;
}

Discovery discover_inputs(std::span<const std::string> inputs) {
    Discovery d;
    for (const auto& input : inputs) {
        std::error_code ec;
        d.roots.push_back(fs::absolute(input, ec).lexically_normal().string());
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            d.problems.push_back({InputProblem::Kind::skipped_file, input, std::nullopt,
                                  "no such file or directory"});
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            fs::recursive_directory_iterator it(input,
                                                fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (!name.empty() && name.front() == '.') {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec)) continue;
                if (const auto kind = input_kind(it->path().string())) {
                    found.push_back({it->path().string(), *kind});
                }
            }
            if (ec) {
                d.problems.push_back({InputProblem::Kind::skipped_file, input, std::nullopt,
                                      "cannot list directory: " + ec.message()});
            }
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
            d.files.insert(d.files.end(), found.begin(), found.end());
            continue;
        }
        if (const auto kind = input_kind(input)) {
            d.files.push_back({input, *kind});
        } else {
            d.problems.push_back(
                {InputProblem::Kind::skipped_file, input, std::nullopt,
                 "unsupported file type (expected .txt, .jsonl, .json, .xml, .rss or .atom)"});
        }
    }
    return d;
}

}  // namespace news
