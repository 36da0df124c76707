// Reads queries.txt: one query a line; a line in double quotes is a phrase.
#pragma once

#include <string>
#include <vector>

namespace peers {

struct Query {
    std::string raw;                 // the line as a user typed it (quotes included)
    bool phrase = false;             // the whole line was "quoted"
    std::vector<std::string> words;  // lower-cased runs of letters/digits (UTF-8 bytes kept)
};

std::vector<Query> read_queries(const std::string& path);

// Splits text into words the way every peer's default tokenizer roughly does: runs of ASCII
// letters and digits, plus any non-ASCII byte (so UTF-8 words stay whole), lower-cased.
std::vector<std::string> split_words(const std::string& text);

}  // namespace peers
