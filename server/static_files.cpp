#include "server/static_files.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "core/text/ascii.hpp"
#include "server/request_headers.hpp"

namespace news {
namespace fs = std::filesystem;

std::optional<std::string> safe_relative_path(std::string_view url_path) {
    if (!url_path.starts_with('/')) return std::nullopt;
    std::string out;
    std::string_view rest = url_path.substr(1);
    while (true) {
        const auto slash = rest.find('/');
        const auto segment = rest.substr(0, slash);
        if (slash != std::string_view::npos && segment.empty()) return std::nullopt;  // "//"
        if (!segment.empty()) {
            if (segment.front() == '.') return std::nullopt;  // "..", ".", dot files
            for (const char c : segment) {
                const auto u = static_cast<unsigned char>(c);
                if (c == '\\' || c == '%' || c == ':' || u < 0x20 || u == 0x7f) return std::nullopt;
            }
            if (!out.empty()) out += '/';
            out.append(segment);
        }
        if (slash == std::string_view::npos) {
            if (segment.empty()) out += out.empty() ? "index.html" : "/index.html";
            break;
        }
        rest.remove_prefix(slash + 1);
    }
    return out;
}

std::string_view content_type_for(std::string_view filename) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".webmanifest", "application/manifest+json"},
    }};
    const auto dot = filename.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    const auto ext = filename.substr(dot);
    for (const auto& [e, type] : kTypes) {
        if (ascii::iequals(e, ext)) return type;
    }
    return "application/octet-stream";
}

std::string weak_etag(std::uintmax_t size, std::int64_t mtime_ns) {
    std::array<char, 64> buf{};
    const int n = std::snprintf(buf.data(), buf.size(), "W/\"%jx-%jx\"",
                                static_cast<uintmax_t>(size), static_cast<uintmax_t>(mtime_ns));
    return std::string(buf.data(), static_cast<std::size_t>(n));
}

bool none_match_hits(std::string_view if_none_match, std::string_view etag) {
    const auto opaque = [](std::string_view tag) {
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        return tag;
    };
    const auto want = opaque(trim_blanks(etag));
    for (auto rest = if_none_match; !rest.empty();) {
        const auto tag = opaque(take_item(rest, ','));
        if (tag == "*" || (tag.size() >= 2 && tag.front() == '"' && tag == want)) return true;
    }
    return false;
}

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code ec;
    auto canonical = fs::canonical(root, ec);
    if (!ec && fs::is_directory(canonical, ec)) root_ = std::move(canonical);
}

// Symlinks inside the root are followed only when their target stays inside it.
std::optional<fs::path> StaticFiles::resolve(const std::string& relative) const {
    std::error_code ec;
    auto path = fs::canonical(root_ / relative, ec);
    if (ec) return std::nullopt;
    if (fs::is_directory(path, ec)) {
        path = fs::canonical(path / "index.html", ec);
        if (ec) return std::nullopt;
    }
    const auto root = root_.native() + "/";
    if (!path.native().starts_with(root)) return std::nullopt;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return path;
}

StaticResult StaticFiles::lookup(std::string_view url_path) const {
    const auto relative = safe_relative_path(url_path);
    if (!relative) return {StaticStatus::BadPath, {}};
    if (root_.empty()) return {StaticStatus::NotFound, {}};
    const auto path = resolve(*relative);
    if (!path) return {StaticStatus::NotFound, {}};
    std::error_code ec;
    const auto mtime = fs::last_write_time(*path, ec);  // before the read: a later write changes it
    if (ec) return {StaticStatus::NotFound, {}};
    std::ifstream in(*path, std::ios::binary);
    if (!in) return {StaticStatus::NotFound, {}};
    std::ostringstream body;
    body << in.rdbuf();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch());
    auto text = body.str();
    auto etag = weak_etag(text.size(), ns.count());
    const auto seconds = std::chrono::floor<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(mtime).time_since_epoch());
    return {StaticStatus::Ok,
            {std::move(text), content_type_for(path->filename().native()), std::move(etag),
             static_cast<std::time_t>(seconds.count())}};
}

}  // namespace news
