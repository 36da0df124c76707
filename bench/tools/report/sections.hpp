#pragma once
// The markdown sections of the results file, one function each.

#include <ostream>

#include "report/records.hpp"

namespace bench::report {

void write_header(std::ostream& out, const Records& r);
void write_targets(std::ostream& out, const Records& r);
void write_indexing(std::ostream& out, const Records& r);
void write_queries(std::ostream& out, const Records& r);
void write_memory(std::ostream& out, const Records& r);
void write_relevance(std::ostream& out, const Records& r);
void write_notes(std::ostream& out, const Records& r);

}  // namespace bench::report
