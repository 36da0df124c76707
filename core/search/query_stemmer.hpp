#pragma once
// A stemmer for highlighting one query's words. Xapian's snippet generator stems every word of
// the text it marks up, and stemming is most of its cost; a word that does not begin with one of
// the query's needles (core/search/passage.hpp) cannot stem to one of the query's terms, so it is
// handed back unstemmed, which the generator then finds in no term of the query.

#include <xapian.h>

#include <span>
#include <string>

namespace news {

// Highlights exactly as Xapian::Stem("english") would for a query whose body terms gave
// `needles`. Use it in the thread that made it (Xapian::Stem's count is not atomic).
Xapian::Stem query_stemmer(std::span<const std::string> needles);

}  // namespace news
