#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "core/search/api_error.hpp"
#include "core/search/searcher.hpp"
#include "indexer/commands.hpp"

namespace news::cli {
namespace {

constexpr const char* kHelp =
    "usage: indexer search --db DIR [--limit N] QUERY...\n"
    "\n"
    "Prints ranked results with snippets, as the server would rank them.\n"
    "  --db DIR     the index (default var/index)\n"
    "  --limit N    results to show, 1..100 (default 10)\n"
    "Matched words are shown between * *. Duplicates of a story are listed under it.\n";

// The API's HTML fields for a terminal: <mark> becomes '*', entities become characters.
std::string to_terminal(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        auto at = [&](std::string_view s) { return html.substr(i).starts_with(s); };
        if (at("<mark>") || at("</mark>")) {
            out += '*';
            i += at("<mark>") ? 6 : 7;
        } else if (at("&amp;")) {
            out += '&', i += 5;
        } else if (at("&lt;")) {
            out += '<', i += 4;
        } else if (at("&gt;")) {
            out += '>', i += 4;
        } else {
            out += html[i++];
        }
    }
    return out;
}

void print_hit(int rank, const nlohmann::json& h) {
    std::cout << rank << ". " << to_terminal(h.value("title", ""));
    if (h["source"].is_string()) std::cout << "  (" << h["source"].get<std::string>() << ")";
    std::cout << "\n   id " << h.value("id", "") << "  score " << h.value("score", 0.0) << "\n   "
              << to_terminal(h.value("snippet", "")) << "\n";
    for (const auto& d : h.value("duplicates", nlohmann::json::array())) {
        std::cout << "   also: " << d.value("id", "");
        if (d["source"].is_string()) std::cout << " (" << d["source"].get<std::string>() << ")";
        std::cout << "\n";
    }
}

// The API's messages name its parameters; here the page size is --limit.
std::string for_command_line(std::string message) {
    constexpr std::string_view kApiName = "per_page";
    if (message.starts_with(kApiName)) message.replace(0, kApiName.size(), "--limit");
    return message;
}

}  // namespace

int run_search(std::span<const std::string_view> args) {
    std::string db = "var/index", query;
    std::string limit = "10";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            std::fputs(kHelp, stdout);
            return 0;
        }
        if ((args[i] == "--db" || args[i] == "--limit") && i + 1 < args.size()) {
            (args[i] == "--db" ? db : limit) = std::string(args[i + 1]);
            ++i;
        } else {
            if (!query.empty()) query += ' ';
            query += args[i];
        }
    }
    if (query.empty()) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    try {
        Searcher searcher({db, {}});
        const SearchParams params =
            parse_search_params({{"q", query}, {"per_page", limit}}, SearchLimits{});
        const nlohmann::json r = searcher.search(params);
        if (r["corrected_query"].is_string()) {
            std::cout << "showing results for: " << r["corrected_query"].get<std::string>() << "\n";
        }
        std::cout << r["total"]["estimated"] << " matching articles (" << r["took_ms"]
                  << " ms)\n\n";
        int rank = 0;
        for (const auto& h : r["hits"]) print_hit(++rank, h);
        if (r["suggestion"].is_string()) {
            std::cout << "did you mean: " << r["suggestion"].get<std::string>() << "\n";
        }
        return 0;
    } catch (const ApiError& e) {
        std::fprintf(stderr, "indexer search: %s\n", for_command_line(e.message()).c_str());
        return 2;
    }
}

}  // namespace news::cli
