#include "core/search/sought_terms.hpp"

#include <algorithm>

namespace news {
namespace {

void collect(const Xapian::Query& q, std::set<std::string>& out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out.insert(*q.get_terms_begin());
        return;
    }
    const std::size_t n = q.get_num_subqueries();
    const std::size_t wanted =
        q.get_type() == Xapian::Query::OP_AND_NOT ? std::min<std::size_t>(n, 1) : n;
    for (std::size_t i = 0; i < wanted; ++i) collect(q.get_subquery(i), out);
}

}  // namespace

std::set<std::string> sought_terms(const Xapian::Query& query) {
    std::set<std::string> out;
    collect(query, out);
    return out;
}

}  // namespace news
