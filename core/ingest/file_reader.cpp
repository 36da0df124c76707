#include "core/ingest/file_reader.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/dedupe/hash.hpp"
#include "core/text/utf8.hpp"

namespace news {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kBinaryProbe = 64 * 1024;  // NUL bytes in the first 64 KiB = binary

// Left uninitialised: zeroing a 1 MiB buffer cost more than reading a 5 KB page.
std::unique_ptr<char[]> chunk_buffer() {
    return std::make_unique_for_overwrite<char[]>(kChunk);
}

std::string open_error() {
    return std::string("cannot read file: ") + std::strerror(errno);
}

}  // namespace

FileContent read_text_file(const std::string& path, NonUtf8 policy) {
    FileContent c;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        c.error = open_error();
        return c;
    }
    std::string data;
    const auto buf = chunk_buffer();
    while (in.read(buf.get(), static_cast<std::streamsize>(kChunk)) || in.gcount() > 0) {
        data.append(buf.get(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        c.error = open_error();
        return c;
    }
    c.hash = hash64(data);
    if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
        c.error = "empty file";
        return c;
    }
    if (data.find('\0') != std::string::npos) {
        c.error = "binary file (contains NUL bytes)";
        return c;
    }
    if (policy == NonUtf8::repair && !is_valid_utf8(data)) {
        c.repaired = true;
        c.text = repair_utf8(data);
    } else {
        c.text = std::move(data);
    }
    return c;
}

FileScan scan_file(const std::string& path) {
    FileScan s;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        s.error = open_error();
        return s;
    }
    Hasher64 h;
    const auto buf = chunk_buffer();
    std::size_t total = 0;
    bool blank = true;
    while (in.read(buf.get(), static_cast<std::streamsize>(kChunk)) || in.gcount() > 0) {
        const std::string_view chunk(buf.get(), static_cast<std::size_t>(in.gcount()));
        if (total < kBinaryProbe &&
            chunk.substr(0, kBinaryProbe - total).find('\0') != std::string_view::npos) {
            s.error = "binary file (contains NUL bytes)";
            return s;
        }
        if (blank) blank = chunk.find_first_not_of(" \t\r\n") == std::string_view::npos;
        total += chunk.size();
        h.feed(chunk);
    }
    if (in.bad()) {
        s.error = open_error();
        return s;
    }
    if (blank) {
        s.error = "empty file";
        return s;
    }
    s.hash = h.value();
    return s;
}

LineReader::LineReader(const std::string& path) : buffer_(kChunk) {
    // A large stream buffer: feeds are read sequentially, and getline is cheaper with it.
    in_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    in_.open(path, std::ios::binary);
}

bool LineReader::next(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

}  // namespace news
