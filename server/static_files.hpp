#pragma once
// Serves the files of the web directory, and nothing outside it: traversal segments, encoded
// separators, dot files and symlinks that resolve outside the root are all refused.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace news {

// The relative path a (once percent-decoded) URL path names, or nullopt when it could escape
// the root or is not a plain file name: "..", ".", dot files, backslashes, NUL, a '%' left over
// from double encoding. "/" and "/dir/" name index.html.
std::optional<std::string> safe_relative_path(std::string_view url_path);

// Content type for a file name by its extension ("application/octet-stream" when unknown).
std::string_view content_type_for(std::string_view filename);

struct StaticFile {
    std::string body;
    std::string_view content_type;
    std::string etag;          // weak_etag of the file as it was read
    std::time_t modified = 0;  // its modification time, in whole seconds (Last-Modified)
};

// A weak entity tag (RFC 9110, 8.8.3) from a file's size and modification time: it changes when
// the file does. Weak because one tag stands for the file both as it is and gzipped.
std::string weak_etag(std::uintmax_t size, std::int64_t mtime_ns);

// Whether an If-None-Match value ("*", or a comma-separated list of entity tags) matches `etag`
// by the weak comparison (W/ prefixes ignored), so that the client's copy is current.
bool none_match_hits(std::string_view if_none_match, std::string_view etag);

enum class StaticStatus { Ok, BadPath, NotFound };

struct StaticResult {
    StaticStatus status;
    StaticFile file;
};

class StaticFiles {
  public:
    // An absent root is allowed: every lookup is then NotFound.
    explicit StaticFiles(const std::filesystem::path& root);

    StaticResult lookup(std::string_view url_path) const;
    bool available() const { return !root_.empty(); }

  private:
    std::optional<std::filesystem::path> resolve(const std::string& relative) const;
    std::filesystem::path root_;  // canonical; empty when the directory does not exist
};

}  // namespace news
