#pragma once
// The English stop-word list used at index time (TermGenerator) and query time (QueryParser).

#include <xapian.h>

namespace news {

// A standard English list (Xapian/Omega's, minus "us", which news text mostly means as "US").
const Xapian::SimpleStopper& english_stopper();

}  // namespace news
