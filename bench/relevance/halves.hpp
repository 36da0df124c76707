#pragma once
// The "other half" test collection for similar articles: an article cut in two between
// paragraphs is two articles telling one story in different sentences, so each half's nearest
// neighbour should be the other. Pure functions over records of the bench's JSON Lines corpus.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relevance {

inline constexpr std::string_view kFirstHalf = "-A";
inline constexpr std::string_view kSecondHalf = "-B";

inline std::vector<std::string> paragraphs_of(const std::string& body) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= body.size()) {
        const std::size_t end = std::min(body.find("\n\n", at), body.size());
        if (end > at) out.push_back(body.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

inline std::string join_paragraphs(const std::vector<std::string>& p, std::size_t from,
                                   std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += (i > from ? "\n\n" : "") + p[i];
    return out;
}

// The two halves of `record` (ids suffixed -A and -B), or nothing when it has fewer than
// `min_paragraphs` paragraphs. The first half keeps the headline; the second is titled with
// the opening of its own first sentence, as a second outlet would headline the same story in
// other words, so that the test is about bodies and not about one shared title.
inline std::optional<std::pair<nlohmann::json, nlohmann::json>> split_halves(
    const nlohmann::json& record, std::size_t min_paragraphs = 6) {
    const auto paragraphs = paragraphs_of(record.value("body", ""));
    if (paragraphs.size() < min_paragraphs) return std::nullopt;
    const std::size_t half = paragraphs.size() / 2;
    nlohmann::json a = record, b = record;
    const std::string id = record.at("id").get<std::string>();
    a["id"] = id + std::string(kFirstHalf);
    a["body"] = join_paragraphs(paragraphs, 0, half);
    b["id"] = id + std::string(kSecondHalf);
    b["body"] = join_paragraphs(paragraphs, half, paragraphs.size());
    const std::string& opening = paragraphs[half];
    b["title"] = opening.substr(0, std::min({opening.find(". "), opening.size(), std::size_t{90}}));
    return std::make_pair(std::move(a), std::move(b));
}

// The section of a bench article: BBC ids are "bbc-<section>-<n>"; Reuters-21578 is business
// and economics news throughout. Empty when unknown.
inline std::string section_of(std::string_view id) {
    if (id.starts_with("bbc-")) {
        const auto rest = id.substr(4);
        return std::string(rest.substr(0, rest.find('-')));
    }
    return id.starts_with("reuters-") ? "business" : "";
}

// 1 / the rank of `wanted` among the first `k` of `ranking`, or 0.
inline double reciprocal_rank(const std::vector<std::string>& ranking, const std::string& wanted,
                              std::size_t k) {
    for (std::size_t i = 0; i < ranking.size() && i < k; ++i) {
        if (ranking[i] == wanted) return 1.0 / static_cast<double>(i + 1);
    }
    return 0.0;
}

}  // namespace relevance
