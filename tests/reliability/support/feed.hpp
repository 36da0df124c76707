#pragma once
// Deterministic synthetic articles for the JSON Lines feeds of the load and fault tests.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace news::test {

struct FeedSpec {
    FeedSpec(std::string prefix, std::size_t first_id, std::size_t n, std::uint32_t text_seed,
             std::string marker_word = "", std::string tag = "", std::size_t paras = 3)
        : id_prefix(std::move(prefix)),
          first(first_id),
          count(n),
          seed(text_seed),
          marker(std::move(marker_word)),
          title_tag(std::move(tag)),
          paragraphs(paras) {}
    std::string id_prefix;
    std::size_t first;  // ids id_prefix + first .. first + count - 1
    std::size_t count;
    std::uint32_t seed;     // same seed, same text
    std::string marker;     // a word put in every title and body (empty: none)
    std::string title_tag;  // text put in every title, e.g. a revision tag
    std::size_t paragraphs;
};

std::vector<nlohmann::json> synthetic_articles(const FeedSpec& spec);

}  // namespace news::test
