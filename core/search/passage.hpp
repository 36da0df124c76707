#pragma once
// Picks the part of an article body that Xapian's snippet generator is given. The generator
// stems every word of the text it sees, which makes it the most expensive step of a search when
// it reads whole articles; the best snippet nearly always lies in the paragraph that holds most
// of the query's words, and finding that paragraph takes a plain byte scan.

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// The lower-case beginnings that a body word matching one of the query's terms starts with: a
// stem without its last letter ("happi" comes from "happy"), an unstemmed term whole. Field
// terms (title:, source:, filters) say nothing about the body and are left out.
std::vector<std::string> passage_needles(const Xapian::Query& query);

struct Passage {
    std::string text;         // the paragraphs chosen, joined by a space
    bool from_start = false;  // the text begins where the body begins
};

// The paragraph holding most of the needles (the earliest on a tie), followed by the next ones
// until the text is at least 2 x `length` bytes, so a snippet of `length` can be centred. With no
// needle found anywhere, the whole body: the generator then decides, as it would have. With no
// needles at all, the opening paragraphs.
Passage best_passage(std::span<const std::string_view> paragraphs,
                     std::span<const std::string> needles, std::size_t length);

}  // namespace news
