#pragma once
// A database's spelling table as one comparable text, a "word frequency" line per word: the
// tests that build the table two ways compare these.

#include <xapian.h>

#include <string>

namespace news::testing {

inline std::string spelling_table(const Xapian::Database& db) {
    std::string out;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
        out += *w + " " + std::to_string(w.get_termfreq()) + "\n";
    }
    return out;
}

}  // namespace news::testing
