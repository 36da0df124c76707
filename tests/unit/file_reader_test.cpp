#include "core/ingest/file_reader.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/dedupe/hash.hpp"
#include "core/text/utf8.hpp"
#include "tests/unit/scratch_path.hpp"

namespace {

// A file in the temporary directory, named for this process, removed when the case ends.
class ReaderTestFile {
  public:
    explicit ReaderTestFile(const std::string& bytes) {
        std::ofstream(file_.path(), std::ios::binary) << bytes;
    }
    std::string path() const { return file_.string(); }

  private:
    news::testing::ScratchPath file_{"news-file-reader"};
};

// Bytes that differ from chunk to chunk, so a chunk read twice or skipped changes the text.
std::string several_chunks_of_text() {
    std::string s;
    for (int i = 0; s.size() < 2 * 1024 * 1024 + 3; ++i) {
        s += "Paragraph " + std::to_string(i) + ": Nissan’s Oppama plant.\n";
    }
    return s;
}

}  // namespace

TEST_CASE("a file longer than the read buffer is read byte for byte") {
    const std::string bytes = several_chunks_of_text();
    const ReaderTestFile file(bytes);
    const news::FileContent c = news::read_text_file(file.path());
    CHECK(c.error.empty());
    CHECK_FALSE(c.repaired);
    CHECK(c.text == bytes);
    CHECK(c.hash == news::hash64(bytes));
    const news::FileScan scan = news::scan_file(file.path());
    CHECK(scan.error.empty());
    CHECK(scan.hash == c.hash);
}

TEST_CASE("a short file is read whole, and broken bytes are repaired but hashed as read") {
    const std::string bytes = "Title\n\nBody with a broken byte \xFF here.\n";
    const ReaderTestFile file(bytes);
    const news::FileContent c = news::read_text_file(file.path());
    CHECK(c.error.empty());
    CHECK(c.repaired);
    CHECK(c.text == "Title\n\nBody with a broken byte \xEF\xBF\xBD here.\n");
    CHECK(c.hash == news::hash64(bytes));
    CHECK(news::scan_file(file.path()).hash == c.hash);
}

TEST_CASE("blank, binary and missing files are reported, not read") {
    SUBCASE("blank") {
        const ReaderTestFile file(" \n\t\r\n");
        CHECK(news::read_text_file(file.path()).error == "empty file");
        CHECK(news::scan_file(file.path()).error == "empty file");
    }
    SUBCASE("binary") {
        const ReaderTestFile file(std::string("text\0more", 9));
        CHECK(news::read_text_file(file.path()).error == "binary file (contains NUL bytes)");
        CHECK(news::scan_file(file.path()).error == "binary file (contains NUL bytes)");
    }
    SUBCASE("missing") {
        const std::string path = news::testing::scratch_path("news-file-reader-none").string();
        CHECK(news::read_text_file(path).error.starts_with("cannot read file: "));
        CHECK(news::scan_file(path).error.starts_with("cannot read file: "));
    }
}
