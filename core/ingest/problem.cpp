#include "core/ingest/problem.hpp"

namespace news {

std::string describe(const InputProblem& p) {
    std::string out = p.file;
    if (p.line) {
        out += ':';
        out += std::to_string(*p.line);
    }
    out += ": ";
    out += p.reason;
    return out;
}

}  // namespace news
