#pragma once
// Raw pages for the "indexer with cleaning" row: the real scraped pages of data/corpus/ are read,
// and the page furniture the cleaner removes from each (the lines above the first line it keeps
// and below the last: menus, "Suggested reads" link lists, comment prompts, sign-up lines) is
// wrapped around the bench corpus's articles, so that the indexer cleans pages that look like the
// real ones, at the scale of the JSON Lines corpus.

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/article.hpp"

namespace bench {

struct RawPage {
    std::string origin;  // the file's stem, as the indexer names a page's articles
    std::string text;
};

// The .txt files of `dir` in name order, so that what is made from them is the same each run.
// Throws std::runtime_error when there is none.
std::vector<RawPage> read_raw_pages(const std::filesystem::path& dir);

struct Furniture {
    std::vector<std::string> before;  // above the first kept line
    std::vector<std::string> after;   // below the last kept line
};

// Every text of the articles the cleaner made of a page: titles, headings and paragraphs, the
// articles embedded in it included.
std::vector<std::string> kept_texts(std::span<const news::Article> cleaned);

// `kept`: the texts the cleaner kept from `page` (kept_texts). Lines are compared trimmed, as
// the cleaner trims them. nullopt when none of the page's lines is among them.
std::optional<Furniture> furniture_of(std::string_view page, std::span<const std::string> kept);

// A page as the scraper saves one: the furniture, the title twice (as pages repeat it in the
// heading and the share bar), one line a paragraph (line breaks inside one become spaces).
std::string lay_out_page(const Furniture& furniture, std::string_view title,
                         std::span<const std::string> paragraphs);

}  // namespace bench
