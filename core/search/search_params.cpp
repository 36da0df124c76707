#include "core/search/search_params.hpp"

#include <charconv>

#include "core/model/published_date.hpp"
#include "core/search/api_error.hpp"
#include "core/text/utf8.hpp"

namespace news {
namespace {

int parse_int(std::string_view name, std::string_view text, int lo, int hi) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        throw ApiError::bad_request(std::string(name) + " must be a whole number");
    }
    if (value < lo || value > hi) {
        throw ApiError::bad_request(std::string(name) + " must be between " + std::to_string(lo) +
                                    " and " + std::to_string(hi));
    }
    return value;
}

bool parse_bool(std::string_view name, std::string_view text) {
    if (text == "true" || text == "1" || text == "yes") return true;
    if (text == "false" || text == "0" || text == "no") return false;
    throw ApiError::bad_request(std::string(name) + " must be true or false");
}

std::string parse_date(std::string_view name, std::string_view text) {
    if (text.size() != 10 || !iso_date_days(text)) {
        throw ApiError::bad_request(std::string(name) + " must be a date as YYYY-MM-DD");
    }
    return std::string(text);
}

void apply(SearchParams& p, const std::string& key, const std::string& value,
           const SearchLimits& limits) {
    if (!is_valid_utf8(value)) throw ApiError::bad_request(key + " is not valid UTF-8");
    if (key == "q") {
        if (value.size() > limits.max_query_chars) {
            throw ApiError::bad_request("q is longer than " +
                                        std::to_string(limits.max_query_chars) + " characters");
        }
        if (value.find('\0') != std::string::npos) throw ApiError::bad_request("q contains NUL");
        p.q = value;
    } else if (key == "page") {
        p.page = parse_int(key, value, 1, limits.max_page);
    } else if (key == "per_page") {
        p.per_page = parse_int(key, value, 1, limits.max_per_page);
    } else if (key == "source") {
        if (!value.empty()) p.sources.push_back(value);
    } else if (key == "author") {
        if (!value.empty()) p.author = value;
    } else if (key == "from") {
        p.from = parse_date(key, value);
    } else if (key == "to") {
        p.to = parse_date(key, value);
    } else if (key == "sort") {
        if (value == "relevance") {
            p.sort = SortOrder::Relevance;
        } else if (value == "date") {
            p.sort = SortOrder::Date;
        } else {
            throw ApiError::bad_request("sort must be relevance or date");
        }
    } else if (key == "collapse") {
        p.collapse = parse_bool(key, value);
    } else if (key == "snippet_length") {
        p.snippet_length = parse_int(key, value, 20, 1000);
    } else if (key == "partial") {
        p.partial = parse_bool(key, value);
    } else if (key == "op") {
        if (value == "and") {
            p.op = MatchOp::And;
        } else if (value == "or") {
            p.op = MatchOp::Or;
        } else {
            throw ApiError::bad_request("op must be and or or");
        }
    }
    // Unknown parameters are ignored, as web APIs usually do (cache busters, tracking tags).
}

}  // namespace

SearchParams parse_search_params(const QueryPairs& pairs, const SearchLimits& limits) {
    SearchParams p;
    for (const auto& [key, value] : pairs) apply(p, key, value, limits);
    if (p.from && p.to && *p.from > *p.to) throw ApiError::bad_request("from is after to");
    if (static_cast<long>(p.page) * p.per_page > static_cast<long>(limits.max_page) * 10) {
        throw ApiError::bad_request("page is beyond the last page that can be served");
    }
    return p;
}

}  // namespace news
