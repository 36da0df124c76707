#include "corpus.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace peers {
namespace {

std::string field(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

std::size_t for_each_article(const std::string& path,
                             const std::function<void(const Article&)>& sink) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read corpus " + path);
    std::string line;
    std::size_t count = 0, lineno = 0;
    Article a;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!j.is_object())
            throw std::runtime_error(path + ":" + std::to_string(lineno) + ": not a JSON object");
        a.id = field(j, "id");
        a.title = field(j, "title");
        a.body = field(j, "body");
        if (a.id.empty()) a.id = std::to_string(lineno);
        sink(a);
        ++count;
    }
    return count;
}

std::uint64_t file_bytes(const std::string& path) {
    return std::filesystem::file_size(path);
}

}  // namespace peers
