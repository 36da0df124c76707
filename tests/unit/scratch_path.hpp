#pragma once
// Where a unit test writes files: ctest runs each test case as a process of its own, several at
// once, so a fixed name in the temporary directory could be written by two cases together.

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace news::testing {

// `name` and this process's id under the temporary directory, with nothing left there from an
// earlier run.
inline std::filesystem::path scratch_path(std::string_view name) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       (std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    return path;
}

// A scratch path, file or directory, removed with everything under it when this goes: at the end
// of a test case, or for a function-local static fixture when the test process exits.
class ScratchPath {
  public:
    explicit ScratchPath(std::string_view name) : path_(scratch_path(name)) {}
    ~ScratchPath() {
        std::error_code ignored;  // nothing left to do about a path that will not go
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchPath(const ScratchPath&) = delete;
    ScratchPath& operator=(const ScratchPath&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string string() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

}  // namespace news::testing
