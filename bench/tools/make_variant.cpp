// Writes the 10x corpus: the whole corpus repeated N times, copy k with ids "<id>-r<k>" and the
// body's paragraphs (split on blank lines) rotated left by k, so that documents differ and
// snippets differ while the vocabulary and the length distribution stay those of real news.
//
// usage: make_variant --corpus news.jsonl --out news-10x.jsonl [--times 10]

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/cli.hpp"

namespace {

using Json = nlohmann::ordered_json;  // keeps the field order of the source

std::vector<std::string> split_paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto pos = body.find("\n\n"); pos != std::string::npos; pos = body.find("\n\n", start)) {
        out.push_back(body.substr(start, pos - start));
        start = pos + 2;
    }
    out.push_back(body.substr(start));
    return out;
}

std::string rotated_body(const std::string& body, std::size_t k) {
    auto paragraphs = split_paragraphs(body);
    std::rotate(paragraphs.begin(), paragraphs.begin() + static_cast<long>(k % paragraphs.size()),
                paragraphs.end());
    std::string out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i > 0) out += "\n\n";
        out += paragraphs[i];
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv, {"--corpus", "--out", "--times"});
    const auto times = args.integer("--times", 10);
    if (times < 1 || times > 100) throw std::invalid_argument("--times must be 1..100");

    std::ifstream in(args.required("--corpus"));
    if (!in) throw std::runtime_error("cannot read " + args.str("--corpus"));
    std::vector<Json> articles;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        articles.push_back(Json::parse(line));
    }

    const auto out_path = args.required("--out");
    std::ofstream out(out_path + ".tmp", std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + out_path);
    for (long long k = 0; k < times; ++k) {
        for (const auto& a : articles) {
            Json copy = a;
            copy["id"] = a.value("id", std::string()) + "-r" + std::to_string(k);
            if (a.contains("body") && a["body"].is_string()) {
                copy["body"] =
                    rotated_body(a["body"].get<std::string>(), static_cast<std::size_t>(k));
            }
            out << copy.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
        }
    }
    out.close();
    if (!out) throw std::runtime_error("write failed: " + out_path);
    // Renamed only when complete, so an interrupted run never leaves a short corpus behind.
    std::filesystem::rename(out_path + ".tmp", out_path);
    std::cerr << "make_variant: " << articles.size() * static_cast<std::size_t>(times)
              << " articles -> " << out_path << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "make_variant: " << e.what() << "\n";
    return 2;
}
