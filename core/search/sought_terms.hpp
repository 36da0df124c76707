#pragma once
// The terms a query looks for, which are what snippets and the article view mark: every term
// but those it excludes (the right-hand side of AND_NOT, which `-x` and `NOT x` become). An
// excluded word appears in an article shown for the query only through another branch or in
// the article view, and marking it there says the opposite of what the user asked.

#include <xapian.h>

#include <set>
#include <string>

namespace news {

// Unique and in term order, as Xapian::Query::get_unique_terms_begin() gives them.
std::set<std::string> sought_terms(const Xapian::Query& query);

}  // namespace news
