// SpellingCounts must leave the spelling table exactly as adding every block's counts
// straight away does (words, frequencies and so the corrections): only the number of calls
// to Xapian may differ.

#include "core/index/spelling_counts.hpp"

#include <doctest/doctest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using Block = std::vector<std::pair<std::string, Xapian::termcount>>;

news::FlatStringMap<Xapian::termcount> counts_of(const Block& block) {
    news::FlatStringMap<Xapian::termcount> words;
    for (const auto& [w, n] : block) *words.try_emplace(w).first += n;
    return words;
}

// The table as "word freq" lines.
std::string table(const Xapian::Database& db) {
    std::string out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
        out += *s + " " + std::to_string(s.get_termfreq()) + "\n";
    }
    return out;
}

struct TempDb {
    fs::path dir;
    Xapian::WritableDatabase db;
    explicit TempDb(const std::string& name)
        : dir(fs::temp_directory_path() /
              ("news-spelling-" + name + "-" + std::to_string(::getpid()))),
          db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE) {}
    ~TempDb() {
        db.close();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

}  // namespace

TEST_CASE("spelling counts: the same table as adding each block's counts at once") {
    const std::vector<Block> blocks = {
        {{"nissan", 3}, {"foxconn", 1}, {"plant", 2}},
        {{"nissan", 1}, {"oppama", 4}},
        {{"foxconn", 5}, {"nissan", 2}, {"yokosuka", 1}},  // after a commit (below)
        {{"plant", 1}},
    };
    TempDb direct("direct"), held("held");
    news::SpellingCounts counts(held.db);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (const auto& [w, n] : blocks[i]) direct.db.add_spelling(w, n);
        counts.add(counts_of(blocks[i]));
        if (i == 1) {  // words committed before more of their counts arrive
            direct.db.commit();
            held.db.commit();
        }
    }
    counts.finish();
    direct.db.commit();
    held.db.commit();
    const std::string expected = table(direct.db);
    CHECK(expected == "foxconn 6\nnissan 6\noppama 4\nplant 3\nyokosuka 1\n");
    CHECK(table(held.db) == expected);
    CHECK(held.db.get_spelling_suggestion("nisan") == "nissan");
}
