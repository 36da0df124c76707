#pragma once
// The cleaned article: the one record every part of the project agrees on.
// The indexer produces it (from raw pages or JSON Lines), the index stores it as JSON
// in the document data, and the server returns it. See docs/article-model.md.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace news {

// A section heading inside an article body. `before` is the index in `paragraphs` of the first
// paragraph under the heading (== paragraphs.size() for a trailing heading), so a page can
// interleave headings and paragraphs without a second list of blocks.
struct Heading {
    std::string text;
    std::size_t before = 0;
    bool operator==(const Heading&) const = default;
};

struct Article {
    std::string id;                          // stable id: feed id, or "<file stem>-<n>" for pages
    std::string title;                       // as shown (never normalised)
    bool title_derived = false;              // true when no headline existed and one was derived
    std::optional<std::string> source;       // outlet, only where the text names it
    std::vector<std::string> authors;        // only from explicit bylines
    std::optional<std::string> published_text;  // date text as given: "2 days ago", "July 8, 2025"
    std::optional<std::string> published;    // ISO date (YYYY-MM-DD) where it is known exactly
    std::optional<std::string> url;          // where the feed gave one
    std::vector<Heading> headings;
    std::vector<std::string> paragraphs;
    std::string origin;                      // input file name the article came from
    std::size_t origin_position = 0;         // 0 = the page's own article, 1.. = embedded ones
    std::optional<std::string> embedded_in;  // id of the page an embedded ("Related Articles") story came from

    bool operator==(const Article&) const = default;
};

// JSON (de)serialisation. Absent optionals are written as null and read from null or a missing key.
void to_json(nlohmann::json& j, const Article& a);
void from_json(const nlohmann::json& j, Article& a);
void to_json(nlohmann::json& j, const Heading& h);
void from_json(const nlohmann::json& j, Heading& h);

// The body as one text: paragraphs joined by blank lines (what snippets and duplicate detection see).
std::string body_text(const Article& a);

}  // namespace news
