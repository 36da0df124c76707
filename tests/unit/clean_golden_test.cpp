// Golden tests: each bundled page cleaned and compared with its reviewed expected JSON, field by
// field, so a failure names the article and the field that changed.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/clean/page_cleaner.hpp"
#include "tests/unit/read_file.hpp"

TEST_CASE("every bundled page cleans to its golden JSON") {
    const std::filesystem::path corpus = NEWS_CORPUS_DIR;
    const std::filesystem::path golden = std::filesystem::path(NEWS_TEST_DATA_DIR) / "golden";
    int pages = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        if (entry.path().extension() != ".txt") continue;
        ++pages;
        const auto name = entry.path().filename().string();
        const auto expected_path = golden / (entry.path().stem().string() + ".json");
        REQUIRE_MESSAGE(std::filesystem::exists(expected_path), "no golden file for " << name);
        const auto expected =
            nlohmann::json::parse(news::testing::read_file(expected_path)).at("articles");
        const nlohmann::json actual =
            news::clean_page(news::testing::read_file(entry.path()), name);
        REQUIRE_MESSAGE(actual.size() == expected.size(), name << ": number of articles");
        for (std::size_t i = 0; i < expected.size(); ++i) {
            for (const auto& [field, value] : expected[i].items()) {
                CHECK_MESSAGE(actual[i][field] == value,
                              name << " article " << i << " field '" << field << "'");
            }
            CHECK_MESSAGE(actual[i].size() == expected[i].size(), name << " article " << i);
        }
    }
    CHECK(pages == 5);
}
