// The metric functions on hand-made rankings whose values are worked out in the comments, and
// the halves collection of similar_eval.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "metrics.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "halves.hpp"

using relevance::Judgments;

namespace {

// Three relevant documents (grades 3, 2, 1) and one judged non-relevant (grade 0).
const Judgments kJudged = {{"a", 3}, {"b", 2}, {"c", 1}, {"z", 0}};

}  // namespace

TEST_CASE("average precision divides by every relevant document, found or not") {
    // Relevant at ranks 1 and 3; "c" is never retrieved: (1/1 + 2/3) / 3.
    const std::vector<std::string> ranking = {"a", "z", "b", "x"};
    CHECK(relevance::average_precision(ranking, kJudged) == doctest::Approx((1.0 + 2.0 / 3) / 3));
}

TEST_CASE("average precision is 1 for a perfect ranking and 0 for none relevant") {
    CHECK(relevance::average_precision({"c", "a", "b"}, kJudged) == doctest::Approx(1.0));
    CHECK(relevance::average_precision({"z", "x"}, kJudged) == doctest::Approx(0.0));
    CHECK(relevance::average_precision({}, kJudged) == doctest::Approx(0.0));
    CHECK(relevance::average_precision({"a"}, Judgments{{"z", 0}}) == doctest::Approx(0.0));
}

TEST_CASE("grade 0 is judged non-relevant for precision") {
    // Of the first 10 ranks only "a" and "c" are relevant; "z" (grade 0) is not.
    CHECK(relevance::precision_at({"a", "z", "c"}, kJudged, 10) == doctest::Approx(0.2));
    CHECK(relevance::precision_at({"z", "a"}, kJudged, 1) == doctest::Approx(0.0));
}

TEST_CASE("nDCG uses linear gains, the log2 discount and the ideal order of the judgments") {
    // Ranking b, x, a: DCG = 2/log2(2) + 0 + 3/log2(4) = 2 + 1.5 = 3.5.
    // Ideal 3, 2, 1: 3 + 2/log2(3) + 1/log2(4) = 3.5 + 2/log2(3).
    const double ideal = 3.5 + 2.0 / std::log2(3.0);
    CHECK(relevance::ndcg_at({"b", "x", "a"}, kJudged, 10) == doctest::Approx(3.5 / ideal));
    CHECK(relevance::ndcg_at({"a", "b", "c"}, kJudged, 10) == doctest::Approx(1.0));
    // The cut-off applies to both sides: at k=1 only the first rank counts (2 of an ideal 3).
    CHECK(relevance::ndcg_at({"b", "a"}, kJudged, 1) == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("a document repeated in the ranking counts once") {
    CHECK(relevance::precision_at({"a", "a", "a"}, kJudged, 3) == doctest::Approx(1.0 / 3));
    CHECK(relevance::ndcg_at({"c", "c"}, kJudged, 10) ==
          doctest::Approx(relevance::ndcg_at({"c"}, kJudged, 10)));
}

TEST_CASE("an article is cut between paragraphs into two halves with their own titles") {
    const nlohmann::json record = {{"id", "bbc-tech-7"},
                                   {"title", "Headline"},
                                   {"source", "BBC News"},
                                   {"body", "P1.\n\nP2.\n\nP3.\n\nThe fourth one. More.\n\nP5."}};
    const auto halves = relevance::split_halves(record, 5);
    REQUIRE(halves);
    const auto& [a, b] = *halves;
    CHECK(a["id"] == "bbc-tech-7-A");
    CHECK(a["title"] == "Headline");
    CHECK(a["body"] == "P1.\n\nP2.");
    CHECK(b["id"] == "bbc-tech-7-B");
    CHECK(b["title"] == "P3.");
    CHECK(b["body"] == "P3.\n\nThe fourth one. More.\n\nP5.");
    CHECK(b["source"] == "BBC News");
    CHECK_FALSE(relevance::split_halves(record, 6));
}

TEST_CASE("sections of bench ids, and the reciprocal rank within the first k") {
    CHECK(relevance::section_of("bbc-sport-12-B") == "sport");
    CHECK(relevance::section_of("reuters-3") == "business");
    CHECK(relevance::section_of("001_abc-0") == "");
    const std::vector<std::string> ranking = {"x", "y", "w"};
    CHECK(relevance::reciprocal_rank(ranking, "y", 5) == doctest::Approx(0.5));
    CHECK(relevance::reciprocal_rank(ranking, "w", 2) == 0.0);
    CHECK(relevance::reciprocal_rank(ranking, "v", 5) == 0.0);
}
