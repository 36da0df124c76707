#pragma once
// Every term of a Xapian document with its wdf and positions, as one comparable text: the
// tests that check two ways of building a document make the same one compare these.

#include <xapian.h>

#include <string>

namespace news::testing {

inline std::string document_terms(const Xapian::Document& doc) {
    std::string out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t;
        out += ' ';
        out += std::to_string(t.get_wdf());
        out += ':';
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
            out += ' ';
            out += std::to_string(*p);
        }
        out += '\n';
    }
    return out;
}

}  // namespace news::testing
