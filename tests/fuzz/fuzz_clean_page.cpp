// Fuzzes the page cleaner (and the search normalisation every cleaned text goes through): any
// bytes give a list of articles, never a crash, and each article is well formed: JSON-writable
// (valid UTF-8 once the input was repaired, as the reader does), non-empty paragraphs, headings
// that point inside the paragraph list, the origin it was given.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/clean/page_cleaner.hpp"
#include "core/ingest/file_reader.hpp"
#include "core/text/normalize.hpp"
#include "core/text/utf8.hpp"
#include "tests/fuzz/fuzz_invariant.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    (void)news::clean_page(raw, "raw.txt");  // unrepaired bytes: no crash is all we ask

    const std::string text = news::repair_utf8(raw);
    const auto articles = news::clean_page(text, "fuzz.txt");
    for (const auto& a : articles) {
        FUZZ_ASSERT(a.origin == "fuzz.txt", "articles keep their origin");
        for (const auto& p : a.paragraphs) FUZZ_ASSERT(!p.empty(), "no empty paragraphs");
        for (const auto& h : a.headings) {
            FUZZ_ASSERT(h.before <= a.paragraphs.size(), "headings point inside the paragraphs");
        }
        const nlohmann::json j = a;
        (void)j.dump();  // throws on invalid UTF-8
    }
    const std::string normalized = news::normalize_for_index(text);
    (void)news::search_words(normalized);
    return 0;
}
