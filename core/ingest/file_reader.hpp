#pragma once
// Reading input files with the checks every input gets: readable, not empty, not binary
// (NUL bytes), valid UTF-8 (repaired with a warning). Small files are read whole; JSON Lines
// feeds are streamed line by line so a big feed never sits in memory.

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news {

struct FileContent {
    std::string text;   // valid UTF-8 (repaired if needed), or the bytes as read (NonUtf8::keep)
    std::string error;  // why the file is skipped (text is then empty)
    bool repaired = false;
    std::uint64_t hash = 0;  // of the bytes as read
};

// What read_text_file does with bytes that are not UTF-8: replace them (text, JSON), or keep
// them for a parser that reads the encoding the file declares (XML).
enum class NonUtf8 { repair, keep };

FileContent read_text_file(const std::string& path, NonUtf8 policy = NonUtf8::repair);

// Content hash of a whole file read in chunks, plus the early checks; error set when unusable.
struct FileScan {
    std::uint64_t hash = 0;
    std::string error;
};
FileScan scan_file(const std::string& path);

// Streams lines of a file (without the '\n'); line numbers start at 1.
class LineReader {
  public:
    explicit LineReader(const std::string& path);
    bool ok() const { return static_cast<bool>(in_); }
    bool next(std::string& line);
    std::size_t line_number() const { return line_no_; }

  private:
    std::vector<char> buffer_;
    std::ifstream in_;
    std::size_t line_no_ = 0;
};

}  // namespace news
