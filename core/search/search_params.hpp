#pragma once
// The parameters of one search, parsed and validated from the query string (docs/api.md).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

enum class SortOrder { Relevance, Date };
enum class MatchOp { Adaptive, And, Or };  // Adaptive: all words first, then most words

struct SearchLimits {
    std::size_t max_query_chars = 1000;
    int max_per_page = 100;
    int max_page = 1000;               // deep paging beyond this is a 400
    int max_wildcard_expansion = 200;  // terms all wildcards of one query expand to, together
};

// Memory a server gives the articles its searches have read (core/search/article_cache.hpp).
// All 22k articles of the bench's 1x corpus take 29 MB; its 2,000 queries read 15 MB of them.
inline constexpr std::size_t kDefaultArticleCacheMb = 64;

struct SearchParams {
    std::string q;
    int page = 1;
    int per_page = 10;
    std::vector<std::string> sources;
    std::optional<std::string> author;
    std::optional<std::string> from;  // YYYY-MM-DD
    std::optional<std::string> to;    // YYYY-MM-DD
    SortOrder sort = SortOrder::Relevance;
    bool collapse = true;
    int snippet_length = 200;
    bool partial = false;
    MatchOp op = MatchOp::Adaptive;
};

using QueryPairs =
    std::vector<std::pair<std::string, std::string>>;  // decoded, in order, repeats kept

// Throws ApiError::bad_request with a message naming the parameter on any invalid value.
SearchParams parse_search_params(const QueryPairs& pairs, const SearchLimits& limits);

}  // namespace news
