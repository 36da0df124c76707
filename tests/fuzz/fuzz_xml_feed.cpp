// Fuzzes the RSS and Atom reader: every document gives items or an error, every item an article
// or an error, and every article can be written out as JSON (valid UTF-8 whatever the file's
// bytes or declared encoding, bounded id). Also the repair of HTML's references, which must give
// valid UTF-8 from valid UTF-8 and change nothing when run again.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/ingest/xml_feed.hpp"
#include "core/ingest/xml_references.hpp"
#include "core/text/utf8.hpp"
#include "tests/fuzz/fuzz_invariant.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const news::FeedDocument d = news::parse_xml_feed(input, "fuzz.xml");
    FUZZ_ASSERT(d.error.empty() || d.items.empty(), "a document with an error has no items");
    for (const auto& w : d.warnings) FUZZ_ASSERT(news::is_valid_utf8(w), "warnings are UTF-8");
    for (const auto& r : d.items) {
        FUZZ_ASSERT(r.article.has_value() != !r.error.empty(),
                    "an item has an article or an error, never both or neither");
        if (!r.article) continue;
        FUZZ_ASSERT(!r.article->id.empty() && r.article->id.size() <= news::kMaxIdLength,
                    "id present and bounded");
        const nlohmann::json j = *r.article;
        (void)j.dump();  // throws (a crash here) on invalid UTF-8 that would break the API later
    }
    const std::string fixed = news::with_xml_references(input);
    if (news::is_valid_utf8(input)) {
        FUZZ_ASSERT(news::is_valid_utf8(fixed), "the repair keeps UTF-8 valid");
    }
    FUZZ_ASSERT(news::with_xml_references(fixed) == fixed, "the repair is done in one pass");
    return 0;
}
