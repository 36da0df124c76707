#pragma once
// A one-document in-memory index analysed as the indexer does (normalised text, English stems,
// STEM_ALL_Z) and a query parsed as the searcher does (normalised too), for tests of
// highlighting and passages.

#include <xapian.h>

#include <string>

#include "core/text/normalize.hpp"

namespace news::testing {

struct OneDocIndex {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    Xapian::Query query;
    Xapian::MSet mset;

    OneDocIndex(const std::string& text, const std::string& q) {
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(normalize_for_index(text));
        db.add_document(doc);
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("english"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
        parser.set_database(db);
        parser.set_default_op(Xapian::Query::OP_OR);
        query = parser.parse_query(normalize_for_index(q));
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        mset = enquire.get_mset(0, 10);
    }
};

}  // namespace news::testing
