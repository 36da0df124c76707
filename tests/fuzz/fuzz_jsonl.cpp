// Fuzzes the JSON Lines reader: every line either yields a valid article or a clear error, and
// every article it yields can be written out as JSON (valid UTF-8, bounded id). Also the UTF-8
// check and repair that every input goes through, and the reading of HTML bodies and references.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/ingest/file_reader.hpp"
#include "core/ingest/jsonl.hpp"
#include "core/text/char_refs.hpp"
#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"
#include "tests/fuzz/fuzz_invariant.hpp"

namespace {

bool is_trimmed(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    return !s.empty() && !space(s.front()) && !space(s.back());
}

void check_line(std::string_view line) {
    const news::JsonlRecord record = news::parse_jsonl_line(line, "fuzz.jsonl");
    FUZZ_ASSERT(record.article.has_value() != !record.error.empty(),
                "a record has an article or an error, never both or neither");
    if (!record.article) return;
    const news::Article& a = *record.article;
    FUZZ_ASSERT(!a.id.empty() && a.id.size() <= news::kMaxIdLength, "id present and bounded");
    const nlohmann::json j = a;
    (void)j.dump();  // throws (a crash here) on invalid UTF-8 that would break the API later
    for (const auto& p : a.paragraphs) FUZZ_ASSERT(is_trimmed(p), "paragraphs are trimmed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // As a feed: one record per line.
    std::size_t start = 0;
    while (start <= input.size()) {
        const auto end = input.find('\n', start);
        const auto line =
            input.substr(start, end == std::string_view::npos ? input.npos : end - start);
        check_line(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    // UTF-8 repair, which every input goes through before it is indexed.
    const std::string repaired = news::repair_utf8(input);
    FUZZ_ASSERT(news::is_valid_utf8(repaired), "repaired text is valid UTF-8");
    if (news::is_valid_utf8(input)) {
        FUZZ_ASSERT(repaired == input, "valid UTF-8 is left as it is");
        // What valid_utf8 accepts, the JSON writer of the API must accept too.
        (void)nlohmann::json(std::string(input)).dump();
        // Decoding references and reading HTML never make valid text invalid.
        FUZZ_ASSERT(news::is_valid_utf8(news::decode_char_refs(input)),
                    "references decode to UTF-8");
        FUZZ_ASSERT(news::is_valid_utf8(news::html_to_text(input)), "HTML reads as UTF-8 text");
    }
    for (const auto& p : news::body_paragraphs(input)) {
        FUZZ_ASSERT(is_trimmed(p), "body_paragraphs yields trimmed, non-empty paragraphs");
    }
    for (const auto& p : news::split_paragraphs(input)) {
        FUZZ_ASSERT(is_trimmed(p), "split_paragraphs yields trimmed, non-empty paragraphs");
    }
    return 0;
}
