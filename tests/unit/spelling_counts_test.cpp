// SpellingCounts must leave the spelling table exactly as adding every block's counts
// straight away does (words, frequencies and so the corrections): only the number of calls
// to Xapian may differ.

#include "core/index/spelling_counts.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "tests/unit/scratch_path.hpp"
#include "tests/unit/spelling_table.hpp"

namespace {

using news::testing::spelling_table;

using Block = std::vector<std::pair<std::string, Xapian::termcount>>;

news::FlatStringMap<Xapian::termcount> counts_of(const Block& block) {
    news::FlatStringMap<Xapian::termcount> words;
    for (const auto& [w, n] : block) *words.try_emplace(w).first += n;
    return words;
}

struct TempDb {
    news::testing::ScratchPath dir;
    Xapian::WritableDatabase db;
    explicit TempDb(const std::string& name)
        : dir("news-spelling-" + name), db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE) {}
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
    const std::string expected = spelling_table(direct.db);
    CHECK(expected == "foxconn 6\nnissan 6\noppama 4\nplant 3\nyokosuka 1\n");
    CHECK(spelling_table(held.db) == expected);
    CHECK(held.db.get_spelling_suggestion("nisan") == "nissan");
}

TEST_CASE("spelling counts: a commit is due once enough new words wait, not for known ones") {
    TempDb held("due");
    news::SpellingCounts counts(held.db, 3);
    counts.add(counts_of({{"nissan", 2}, {"foxconn", 1}}));
    CHECK_FALSE(counts.commit_due());  // two new words wait
    counts.add(counts_of({{"nissan", 4}, {"foxconn", 1}}));
    CHECK_FALSE(counts.commit_due());  // known words only: still two
    counts.add(counts_of({{"oppama", 1}}));
    REQUIRE(counts.commit_due());
    held.db.commit();
    counts.committed();
    CHECK_FALSE(counts.commit_due());
    counts.add(counts_of({{"plant", 1}, {"yokosuka", 1}, {"nissan", 1}}));
    CHECK_FALSE(counts.commit_due());  // two new since the commit
    counts.add(counts_of({{"motor", 1}}));
    CHECK(counts.commit_due());
    counts.finish();
    held.db.commit();
    CHECK(spelling_table(held.db) ==
          "foxconn 2\nmotor 1\nnissan 7\noppama 1\nplant 1\nyokosuka 1\n");
}
