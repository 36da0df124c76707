#include "common/raw_pages.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "core/clean/line_rules.hpp"

namespace bench {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        out.push_back(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    return out;
}

void append_line(std::string& out, std::string_view line) {
    out.append(line);
    out += '\n';
}

}  // namespace

std::vector<RawPage> read_raw_pages(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    if (files.empty()) throw std::runtime_error("no .txt page in " + dir.string());
    std::sort(files.begin(), files.end());
    std::vector<RawPage> pages;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + f.string());
        std::stringstream text;
        text << in.rdbuf();
        pages.push_back({f.stem().string(), text.str()});
    }
    return pages;
}

std::vector<std::string> kept_texts(std::span<const news::Article> cleaned) {
    std::vector<std::string> kept;
    for (const auto& a : cleaned) {
        kept.push_back(a.title);
        for (const auto& h : a.headings) kept.push_back(h.text);
        kept.insert(kept.end(), a.paragraphs.begin(), a.paragraphs.end());
    }
    return kept;
}

std::optional<Furniture> furniture_of(std::string_view page, std::span<const std::string> kept) {
    // Trimmed as the cleaner trims a line (no-break spaces too).
    std::unordered_set<std::string> kept_lines;
    for (const auto& k : kept) {
        for (const auto line : lines_of(k)) kept_lines.insert(news::clean::trim(line));
    }
    kept_lines.erase(std::string{});
    const auto lines = lines_of(page);
    const auto is_kept = [&](std::string_view line) {
        return kept_lines.contains(news::clean::trim(line));
    };
    const auto first = std::find_if(lines.begin(), lines.end(), is_kept);
    if (first == lines.end()) return std::nullopt;
    const auto last = std::find_if(lines.rbegin(), lines.rend(), is_kept).base();
    Furniture f;
    f.before.assign(lines.begin(), first);
    f.after.assign(last, lines.end());
    return f;
}

std::string lay_out_page(const Furniture& furniture, std::string_view title,
                         std::span<const std::string> paragraphs) {
    std::string out;
    for (const auto& line : furniture.before) append_line(out, line);
    append_line(out, title);
    append_line(out, title);
    for (std::string p : paragraphs) {
        std::replace(p.begin(), p.end(), '\n', ' ');
        append_line(out, p);
    }
    for (const auto& line : furniture.after) append_line(out, line);
    return out;
}

}  // namespace bench
