// Fuzzes snippets and highlighting: the first line of the input is a query, the rest the text.
// Whatever the text holds, the HTML that comes back carries no markup but balanced <mark> tags,
// is valid UTF-8 when the text was, and escape_html leaves no angle brackets.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/search/highlight.hpp"
#include "tests/fuzz/fuzz_invariant.hpp"

namespace {

// Strips <mark> and </mark>, checking they alternate; false on any other tag or unbalanced marks.
bool only_balanced_marks(std::string_view html) {
    bool open = false;
    std::string rest;
    for (std::size_t i = 0; i < html.size();) {
        if (html.substr(i).starts_with(news::kMarkOpen)) {
            if (open) return false;
            open = true;
            i += news::kMarkOpen.size();
        } else if (html.substr(i).starts_with(news::kMarkClose)) {
            if (!open) return false;
            open = false;
            i += news::kMarkClose.size();
        } else {
            rest.push_back(html[i++]);
        }
    }
    return !open && rest.find('<') == std::string::npos && rest.find('>') == std::string::npos;
}

bool valid_utf8(const std::string& s) {
    try {
        (void)nlohmann::json(s).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

// Invalid sequences replaced by U+FFFD, as the indexer's reader does before anything is stored.
std::string repaired_utf8(std::string_view s) {
    const auto quoted = nlohmann::json(std::string(s))
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return nlohmann::json::parse(quoted).get<std::string>();
}

Xapian::Query parse_against(std::string_view query, const std::string& text) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Stem stemmer("english");
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    db.add_document(doc);
    Xapian::QueryParser parser;
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    return parser.parse_query(
        std::string(query), Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
}

void check_html(const std::string& html, bool utf8_input, const char* what) {
    FUZZ_ASSERT(only_balanced_marks(html), what);
    if (utf8_input) FUZZ_ASSERT(valid_utf8(html), "highlighted text stays valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto eol = input.find('\n');
    const std::string_view query = input.substr(0, eol);
    const std::string text =
        repaired_utf8(eol == std::string_view::npos ? "" : input.substr(eol + 1));

    const std::string escaped = news::escape_html(text);
    FUZZ_ASSERT(escaped.find('<') == std::string::npos && escaped.find('>') == std::string::npos,
                "escape_html leaves no angle brackets");
    Xapian::Query parsed;
    try {
        parsed = parse_against(query, text);
    } catch (const Xapian::QueryParserError&) {
        return 0;  // not the code under test
    }
    const news::QueryWords words(parsed);
    for (const std::size_t length : {std::size_t{20}, std::size_t{200}}) {
        check_html(news::snippet(words, text, length), true, "snippets carry only balanced <mark>");
    }
    check_html(news::highlight_all(words, text), true, "highlights carry only balanced <mark>");
    // Raw bytes, not repaired: must not crash, and must stay free of markup.
    const std::string raw(input);
    check_html(news::highlight_all(words, raw), false, "highlights of raw bytes carry no markup");
    return 0;
}
