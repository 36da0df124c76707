// Xapian "naive" peer: the textbook use of Xapian 1.4, the reference row of issue 7.
// TermGenerator with the english stemmer (STEM_SOME) and positions, title and body; BM25 with
// its defaults; QueryParser with default_op OP_AND; MSet::snippet with its default flags
// (which include the background model).
#include <xapian.h>

#include <filesystem>
#include <stdexcept>

#include "common/corpus.hpp"
#include "common/engine.hpp"
#include "common/metrics.hpp"

namespace {

using peers::Hit;
using peers::Query;

// Document data: id, newline, title (newlines flattened), newline, body.
std::string flatten(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

Hit decode(const std::string& data) {
    Hit h;
    const auto a = data.find('\n');
    const auto b = a == std::string::npos ? a : data.find('\n', a + 1);
    h.id = data.substr(0, a);
    if (a != std::string::npos)
        h.title = data.substr(a + 1, b == std::string::npos ? b : b - a - 1);
    if (b != std::string::npos) h.snippet = data.substr(b + 1);  // the body, until snippeted
    return h;
}

class XapianSearcher : public peers::Searcher {
  public:
    explicit XapianSearcher(const std::string& path)
        : db_(path), enquire_(db_), stemmer_("english") {
        parser_.set_database(db_);
        parser_.set_stemmer(stemmer_);
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_AND);
    }

    std::vector<Hit> search(const Query& q) override {
        try {
            return run(q);
        } catch (const Xapian::Error& e) {  // not a std::exception: translate for the runner
            throw std::runtime_error(e.get_description());
        }
    }

  private:
    Xapian::Query parse(const Query& q) {
        try {
            return parser_.parse_query(q.raw);  // default flags: phrases, boolean operators...
        } catch (const Xapian::QueryParserError&) {
            // What a plain Xapian application does with "cocoa AND": parse again with the
            // operators off ("and" becomes a word). Only a second failure counts as failed.
            return parser_.parse_query(q.raw, Xapian::QueryParser::FLAG_PHRASE);
        }
    }

    std::vector<Hit> run(const Query& q) {
        enquire_.set_query(parse(q));
        const auto mset = enquire_.get_mset(0, 10);
        std::vector<Hit> hits;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit h = decode(it.get_document().get_data());
            // About 30 words of English is ~200 bytes; default flags and omit marker otherwise.
            h.snippet = mset.snippet(
                h.snippet, 200, stemmer_,
                Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>",
                "</mark>", "...");
            hits.push_back(std::move(h));
        }
        return hits;
    }

    Xapian::Database db_;
    Xapian::Enquire enquire_;
    Xapian::Stem stemmer_;
    Xapian::QueryParser parser_;
};

class XapianEngine : public peers::LocalIndexEngine {
  public:
    XapianEngine() : LocalIndexEngine("xapian-naive") {}

    std::string name() const override { return "xapian-naive"; }

    void prepare_index(const peers::Options& o) override { std::filesystem::remove_all(locate(o)); }

    peers::IndexResult build_index(const peers::Options& o) override {
        Xapian::WritableDatabase db(path(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        peers::IndexResult r;
        r.articles = peers::for_each_article(o.corpus, [&](const peers::Article& a) {
            Xapian::Document doc;
            tg.set_document(doc);
            // As in Xapian's own example indexer: title prefixed for field search, then title
            // and body unprefixed (a gap between them) for free-text search.
            tg.index_text(a.title, 1, "S");
            tg.index_text(a.title);
            tg.increase_termpos();
            tg.index_text(a.body);
            doc.set_data(flatten(a.id) + "\n" + flatten(a.title) + "\n" + a.body);
            db.add_document(doc);
        });
        db.commit();
        return r;
    }

    std::unique_ptr<peers::Searcher> connect() override {
        return std::make_unique<XapianSearcher>(path());
    }
};

}  // namespace

int main(int argc, char** argv) {
    XapianEngine engine;
    return peers::peer_main(argc, argv, engine);
}
