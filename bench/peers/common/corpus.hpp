// Reads the bench corpus: JSON Lines, one article a line with at least id, title, body.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace peers {

struct Article {
    std::string id;
    std::string title;
    std::string body;
};

// Calls `sink` for every article in order; returns the number read. Throws on an unreadable
// file or a line that is not a JSON object with a title or body (a corpus bug, not a query bug).
std::size_t for_each_article(const std::string& path,
                             const std::function<void(const Article&)>& sink);

// Size of the corpus file in bytes (the MB/s figure is input bytes per second).
std::uint64_t file_bytes(const std::string& path);

}  // namespace peers
