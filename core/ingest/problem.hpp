#pragma once
// A problem found in the input: reported with the file (and line) and a reason, never fatal.

#include <cstddef>
#include <optional>
#include <string>

namespace news {

struct InputProblem {
    enum class Kind {
        warning,         // indexed anyway (e.g. invalid UTF-8 repaired)
        skipped_record,  // one JSON Lines record left out
        skipped_file,    // the whole input left out
    };
    Kind kind = Kind::warning;
    std::string file;
    std::optional<std::size_t> line;
    std::string reason;
};

// "file:line: reason" (line only when known).
std::string describe(const InputProblem& p);

}  // namespace news
