// Writes the raw-page corpus of the "indexer with cleaning" row (common/raw_pages.hpp): one .txt
// page per article of a JSON Lines corpus, read as the indexer reads the feed (title and body
// paragraphs), laid out as a scraped page inside the furniture of real page i mod N of --pages.
// Articles whose page the cleaner finds no article in (no title, or a body of a few words) are
// left out: the indexer would skip such a page, report it and exit with status 1.
//
// usage: make_pages --corpus news.jsonl --pages data/corpus --out DIR

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/raw_pages.hpp"
#include "core/clean/page_cleaner.hpp"
#include "core/ingest/jsonl.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<bench::Furniture> furniture_of_pages(const fs::path& dir) {
    std::vector<bench::Furniture> out;
    for (const auto& page : bench::read_raw_pages(dir)) {
        auto f = bench::furniture_of(page.text,
                                     bench::kept_texts(news::clean_page(page.text, page.origin)));
        if (f && !(f->before.empty() && f->after.empty())) out.push_back(std::move(*f));
    }
    if (out.empty()) throw std::runtime_error("no page of " + dir.string() + " has furniture");
    return out;
}

std::string page_name(std::size_t n) {
    char name[32];
    std::snprintf(name, sizeof name, "%07zu.txt", n);
    return name;
}

}  // namespace

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv, {"--corpus", "--pages", "--out"});
    const auto furniture = furniture_of_pages(args.required("--pages"));
    std::ifstream in(args.required("--corpus"), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + args.str("--corpus"));

    const fs::path out = args.required("--out");
    const fs::path tmp = out.string() + ".tmp";
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    std::size_t written = 0;
    std::size_t left_out = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto record = news::parse_jsonl_line(line, "corpus");
        if (!record.article || record.article->title.empty() ||
            record.article->paragraphs.empty()) {
            ++left_out;
            continue;
        }
        const auto& a = *record.article;
        const auto text =
            bench::lay_out_page(furniture[written % furniture.size()], a.title, a.paragraphs);
        if (news::clean_page(text, "page").empty()) {
            ++left_out;
            continue;
        }
        std::ofstream page(tmp / page_name(written), std::ios::binary);
        page << text;
        if (!page) throw std::runtime_error("write failed in " + tmp.string());
        ++written;
    }
    // Renamed only when complete, so an interrupted run never leaves a short corpus behind.
    fs::remove_all(out);
    fs::rename(tmp, out);
    std::cerr << "make_pages: " << written << " pages (" << left_out << " articles left out, "
              << furniture.size() << " real pages' furniture) -> " << out.string() << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "make_pages: " << e.what() << "\n";
    return 2;
}
