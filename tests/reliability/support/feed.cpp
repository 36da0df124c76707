#include "tests/reliability/support/feed.hpp"

#include <array>
#include <random>

namespace news::test {
namespace {

constexpr std::array<const char*, 48> kWords = {
    "market",   "shares",  "company",  "profit",   "quarter",   "electric", "vehicle",   "battery",
    "factory",  "workers", "minister", "election", "policy",    "growth",   "inflation", "bank",
    "exports",  "trade",   "chip",     "supply",   "energy",    "solar",    "wind",      "oil",
    "prices",   "record",  "analysts", "forecast", "investors", "merger",   "deal",      "plant",
    "software", "cloud",   "network",  "startup",  "funding",   "capital",  "region",    "city",
    "council",  "report",  "survey",   "research", "climate",   "weather",  "harvest",   "port"};

std::string sentence(std::mt19937& rng, int words) {
    std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kWords[pick(rng)];
    }
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s + ".";
}

}  // namespace

std::vector<nlohmann::json> synthetic_articles(const FeedSpec& spec) {
    std::vector<nlohmann::json> out;
    out.reserve(spec.count);
    for (std::size_t i = spec.first; i < spec.first + spec.count; ++i) {
        std::mt19937 rng(spec.seed * 1000003u + static_cast<std::uint32_t>(i));
        std::string title = sentence(rng, 6);
        title.pop_back();
        if (!spec.title_tag.empty()) title += " " + spec.title_tag;
        if (!spec.marker.empty()) title += " " + spec.marker;
        std::string body;
        for (std::size_t p = 0; p < spec.paragraphs; ++p) {
            if (p) body += "\n\n";
            // A unique word per article keeps near-duplicate detection from merging them.
            body +=
                sentence(rng, 25) + " Item" + std::to_string(i) + "x" + std::to_string(spec.seed);
            if (!spec.marker.empty()) body += " " + spec.marker + ".";
        }
        out.push_back({{"id", spec.id_prefix + std::to_string(i)},
                       {"title", title},
                       {"body", body},
                       {"source", "Synthetic Wire"},
                       {"authors", {"Test Writer"}},
                       {"url", "https://example.com/" + std::to_string(i)},
                       {"published", "2024-05-01"}});
    }
    return out;
}

}  // namespace news::test
