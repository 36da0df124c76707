// Turns the JSON lines of one bench run (ours, the peers', and bench/run's meta and note lines)
// into the markdown results table.
//
// usage: report RESULTS.jsonl > results.md

#include <fstream>
#include <iostream>

#include "report/records.hpp"
#include "report/sections.hpp"

int main(int argc, char** argv) try {
    if (argc != 2) {
        std::cerr << "usage: report RESULTS.jsonl\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
    const auto records = bench::report::read_records(in);
    using namespace bench::report;
    write_header(std::cout, records);
    write_targets(std::cout, records);
    write_queries(std::cout, records);
    write_indexing(std::cout, records);
    write_memory(std::cout, records);
    write_relevance(std::cout, records);
    write_notes(std::cout, records);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "report: " << e.what() << "\n";
    return 2;
}
