#include "common/cli.hpp"

#include <algorithm>
#include <stdexcept>

namespace bench {

namespace {
bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

Args::Args(int argc, char** argv, const std::vector<std::string>& known,
           const std::vector<std::string>& flags) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (!arg.starts_with("--")) {
            positional_.push_back(arg);
        } else if (contains(flags, arg)) {
            values_.insert_or_assign(arg, std::string());  // a flag: present, no value
        } else if (!contains(known, arg)) {
            throw std::invalid_argument("unknown option " + arg);
        } else if (i + 1 >= argc) {
            throw std::invalid_argument(arg + " needs a value");
        } else {
            values_[arg] = argv[++i];
        }
    }
}

std::string Args::str(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) const {
    if (!has(name)) throw std::invalid_argument(name + " is required");
    return str(name);
}

long long Args::integer(const std::string& name, long long fallback) const {
    if (!has(name)) return fallback;
    std::size_t used = 0;
    const auto v = std::stoll(str(name), &used);
    if (used != str(name).size()) throw std::invalid_argument(name + " needs an integer");
    return v;
}

double Args::number(const std::string& name, double fallback) const {
    if (!has(name)) return fallback;
    std::size_t used = 0;
    const auto v = std::stod(str(name), &used);
    if (used != str(name).size()) throw std::invalid_argument(name + " needs a number");
    return v;
}

}  // namespace bench
