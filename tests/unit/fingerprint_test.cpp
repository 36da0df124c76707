// The duplicate fingerprint: how it is stored (values written before schema 6 still read), the
// containment estimate, and what the lead key sees.
#include "core/dedupe/fingerprint.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/dedupe/lead_key.hpp"
#include "tests/unit/distinct_sentences.hpp"

using namespace news::dedupe;

using news::testing::distinct_sentences;

TEST_CASE("fingerprint: stored and read back, a signature alone reads without size or lead") {
    const auto f = fingerprint("Markets react", distinct_sentences(0, 10));
    REQUIRE(f);
    CHECK(f->shingles == 10 * 10 - 2);  // ten words a sentence
    CHECK(f->lead != 0);
    const auto bytes = encode(*f);
    CHECK(bytes.size() == 140);
    const auto back = decode(bytes);
    REQUIRE(back);
    CHECK(back->sig == f->sig);
    CHECK(back->shingles == f->shingles);
    CHECK(back->lead == f->lead);

    const auto old = decode(bytes.substr(0, 128));  // schema 5's value
    REQUIRE(old);
    CHECK(old->sig == f->sig);
    CHECK(old->shingles == 0);
    CHECK(old->lead == 0);
    CHECK_FALSE(decode(bytes.substr(0, 136)));
    CHECK_FALSE(fingerprint("T", "three short words"));
}

TEST_CASE("fingerprint: containment sees a short take inside its full story") {
    const std::string lead = distinct_sentences(0, 2);
    const auto take = *fingerprint("T", lead + distinct_sentences(100, 6));
    const auto full =
        *fingerprint("T", lead + distinct_sentences(100, 6) + distinct_sentences(200, 60));
    const auto other = *fingerprint("T", lead + distinct_sentences(300, 60));
    CHECK(similarity(take.sig, full.sig) < 0.5);  // MinHash's threshold misses it
    CHECK(containment(take, full) >= kLeadContainment);
    CHECK(containment(full, take) == containment(take, full));
    CHECK(containment(take, other) < kLeadContainment);
    CHECK(containment(full, other) < 0.2);
    Fingerprint no_size = full;
    no_size.shingles = 0;
    CHECK(containment(take, no_size) == 0.0);
}

TEST_CASE("lead key: the title and the opening words, case aside, nothing after them") {
    const std::string opening = distinct_sentences(0, 3);  // 27 words, past kLeadWords
    CHECK(lead_key("G-7 talks", opening + "one ending") ==
          lead_key("G-7 TALKS", opening + "other"));
    CHECK(lead_key("G-7 talks", opening) != lead_key("G-8 talks", opening));
    CHECK(lead_key("G-7 talks", opening) != lead_key("G-7 talks", distinct_sentences(1, 3)));
    CHECK(lead_key("ab c", "x y z") != lead_key("a bc", "x y z"));
    CHECK(lead_key("a", "b c") != lead_key("a b", "c"));  // the title ends where it ends
}
