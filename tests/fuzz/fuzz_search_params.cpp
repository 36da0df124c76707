// Fuzzes search parameter parsing and query building: the input is a query string
// ("q=...&page=..."; pairs split on '&', name and value on the first '=', bytes kept as they are).
// Parsing either succeeds or throws a 400 ApiError; a parsed search runs against a small fixed
// index (tests/fuzz/search_index.jsonl: a few articles, one full of markup) and either answers
// or throws a 400; the answer serialises as JSON and its titles and snippets carry no markup but
// <mark>.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/index/index_writer.hpp"
#include "core/ingest/ingest.hpp"
#include "core/search/api_error.hpp"
#include "core/search/search_params.hpp"
#include "core/search/searcher.hpp"
#include "tests/fuzz/fuzz_invariant.hpp"

namespace {

namespace fs = std::filesystem;

std::string build_fixed_index() {
    std::string dir = (fs::temp_directory_path() / "news-fuzz-index-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) std::abort();
    const std::string db = dir + "/index";
    news::IndexWriterOptions options;
    options.db_path = db;
    news::IndexWriter writer(options);
    const std::string inputs[] = {std::string(NEWS_FUZZ_DATA_DIR) + "/search_index.jsonl"};
    news::ingest_inputs(writer, inputs, news::IngestOptions{});
    writer.commit();
    return db;
}

std::unique_ptr<news::Searcher> searcher;
std::string index_dir;

// A small wildcard cap keeps each run fast; the searcher and the parser share the limits, as the
// server's do.
news::SearchLimits fuzz_limits() {
    news::SearchLimits limits;
    limits.max_wildcard_expansion = 50;
    return limits;
}

news::QueryPairs split_pairs(std::string_view input) {
    news::QueryPairs pairs;
    while (!input.empty()) {
        const auto amp = input.find('&');
        const auto pair = input.substr(0, amp);
        const auto eq = pair.find('=');
        pairs.emplace_back(std::string(pair.substr(0, eq)), eq == std::string_view::npos
                                                                ? std::string()
                                                                : std::string(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        input.remove_prefix(amp + 1);
    }
    return pairs;
}

// Everything in shown HTML is escaped except <mark> and </mark>.
bool only_mark_tags(std::string html) {
    for (const std::string tag : {"<mark>", "</mark>"}) {
        for (auto pos = html.find(tag); pos != std::string::npos; pos = html.find(tag)) {
            html.erase(pos, tag.size());
        }
    }
    return html.find('<') == std::string::npos && html.find('>') == std::string::npos;
}

void check_hits(const nlohmann::json& hits) {
    for (const auto& h : hits) {
        for (const char* field : {"title", "snippet"}) {
            if (h.contains(field) && h[field].is_string()) {
                FUZZ_ASSERT(only_mark_tags(h[field].get<std::string>()),
                            "titles and snippets carry no markup but <mark>");
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    index_dir = build_fixed_index();
    news::SearcherOptions options;
    options.index_dir = index_dir;
    options.limits = fuzz_limits();
    searcher = std::make_unique<news::Searcher>(options);
    std::atexit([] {
        searcher.reset();
        std::error_code ec;
        fs::remove_all(fs::path(index_dir).parent_path(), ec);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const news::SearchLimits limits = fuzz_limits();
    news::SearchParams params;
    try {
        params = news::parse_search_params(split_pairs(input), limits);
    } catch (const news::ApiError& e) {
        FUZZ_ASSERT(e.status() == 400, "bad parameters are a 400");
        return 0;
    }
    FUZZ_ASSERT(params.q.size() <= limits.max_query_chars, "query length limit holds");
    FUZZ_ASSERT(params.page >= 1 && params.page <= limits.max_page, "page within limits");
    FUZZ_ASSERT(params.per_page >= 1 && params.per_page <= limits.max_per_page,
                "per_page within limits");
    try {
        const nlohmann::json result = searcher->search(params);
        (void)result.dump();  // throws on invalid UTF-8
        FUZZ_ASSERT(result.contains("hits") && result["hits"].is_array(), "a result has hits");
        FUZZ_ASSERT(result["hits"].size() <= static_cast<std::size_t>(params.per_page),
                    "no more hits than per_page");
        check_hits(result["hits"]);
    } catch (const news::ApiError& e) {
        FUZZ_ASSERT(e.status() == 400, "a query that cannot run is a 400, never a 5xx");
    }
    return 0;
}
