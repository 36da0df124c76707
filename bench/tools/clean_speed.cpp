// Speed of the cleaner alone: runs news::clean_page over the raw pages of a directory in a loop
// for a bounded time (pages are read into memory first, so no disk I/O is timed) and prints
// {"engine":"news-search cleaner","corpus":"raw pages","kind":"clean","pages","articles",
//  "seconds","pages_per_s","mb_per_s"}.
//
// usage: clean_speed --pages data/corpus [--seconds 5]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/cli.hpp"
#include "common/raw_pages.hpp"
#include "core/clean/page_cleaner.hpp"

int main(int argc, char** argv) try {
    const bench::Args args(argc, argv, {"--pages", "--seconds"});
    const auto pages = bench::read_raw_pages(args.required("--pages"));
    const double seconds = std::clamp(args.number("--seconds", 5), 0.1, 600.0);

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto end =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::size_t cleaned = 0;
    std::size_t articles = 0;
    std::size_t bytes = 0;
    // Whole passes over the set of pages, checking the clock after each page.
    for (std::size_t i = 0; Clock::now() < end && cleaned < 100'000'000;
         i = (i + 1) % pages.size()) {
        articles += news::clean_page(pages[i].text, pages[i].origin).size();
        bytes += pages[i].text.size();
        ++cleaned;
    }
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    const nlohmann::json line = {
        {"engine", "news-search cleaner"},
        {"corpus", "raw pages"},
        {"kind", "clean"},
        {"pages", cleaned},
        {"articles", articles},
        {"seconds", std::round(took * 1000) / 1000},
        {"pages_per_s", std::round(static_cast<double>(cleaned) / took * 10) / 10},
        {"mb_per_s", std::round(static_cast<double>(bytes) / 1e6 / took * 10) / 10}};
    std::cout << line.dump() << std::endl;
    return 0;
} catch (const std::exception& e) {
    std::cerr << "clean_speed: " << e.what() << "\n";
    return 2;
}
