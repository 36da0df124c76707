#include "server/feed_request.hpp"

#include <algorithm>

#include "core/text/ascii.hpp"
#include "core/text/percent_encode.hpp"

namespace news {
namespace {

bool has_param(const QueryPairs& pairs, std::string_view name) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == name; });
}

void append_pair(std::string& out, std::string_view name, std::string_view value) {
    if (!out.empty()) out += '&';
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
}

bool host_char(char c) {
    return ascii::is_alnum(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' ||
           c == ']';
}

}  // namespace

QueryPairs with_feed_defaults(QueryPairs pairs) {
    if (!has_param(pairs, "sort")) pairs.emplace_back("sort", "date");
    if (!has_param(pairs, "per_page")) pairs.emplace_back("per_page", std::to_string(kFeedEntries));
    return pairs;
}

std::string query_string(const QueryPairs& pairs) {
    std::string out;
    for (const auto& [name, value] : pairs) append_pair(out, name, value);
    return out;
}

std::string page_query(const SearchParams& params) {
    std::string out;
    if (!params.q.empty()) append_pair(out, "q", params.q);
    for (const auto& source : params.sources) append_pair(out, "source", source);
    if (params.author) append_pair(out, "author", *params.author);
    if (params.from) append_pair(out, "from", *params.from);
    if (params.to) append_pair(out, "to", *params.to);
    if (params.sort == SortOrder::Date) append_pair(out, "sort", "date");
    return out;
}

std::string feed_title(const SearchParams& params) {
    std::string title = "News search: ";
    std::string narrowing;
    const auto add = [&](std::string_view word, std::string_view value) {
        if (!narrowing.empty()) narrowing += ", ";
        narrowing.append(word).append(value);
    };
    if (!params.sources.empty()) {
        std::string names;
        for (const auto& source : params.sources) names += (names.empty() ? "" : " or ") + source;
        add("in ", names);
    }
    if (params.author) add("by ", *params.author);
    if (params.from && params.to) {
        add("from ", *params.from + " to " + *params.to);
    } else if (params.from) {
        add("from ", *params.from);
    } else if (params.to) {
        add("up to ", *params.to);
    }
    if (!params.q.empty()) {
        // A query that quotes a phrase itself is shown as typed, not in quotes again.
        const bool quoted = params.q.find('"') != std::string::npos;
        title += quoted ? params.q : '"' + params.q + '"';
        if (!narrowing.empty()) title += ' ' + narrowing;
    } else {
        title += narrowing.empty() ? "latest articles" : "articles " + narrowing;
    }
    return title;
}

std::string public_base_url(std::string_view host, std::string_view forwarded_proto) {
    const bool usable = !host.empty() && host.size() <= 255 &&
                        std::all_of(host.begin(), host.end(), host_char) && host.front() != ':';
    const std::string scheme = ascii::iequals(forwarded_proto, "https") ? "https" : "http";
    return scheme + "://" + std::string(usable ? host : "localhost");
}

}  // namespace news
