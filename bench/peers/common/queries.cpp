#include "queries.hpp"

#include <fstream>
#include <stdexcept>

namespace peers {

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::string cur;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool word_char =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (word_char) {
            cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
        } else if (!cur.empty()) {
            words.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

std::vector<Query> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read queries " + path);
    std::vector<Query> out;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty()) continue;
        Query q;
        q.raw = line;
        q.phrase = line.size() >= 2 && line.front() == '"' && line.back() == '"';
        q.words = split_words(line);
        out.push_back(std::move(q));
    }
    if (out.empty()) throw std::runtime_error("no queries in " + path);
    return out;
}

}  // namespace peers
