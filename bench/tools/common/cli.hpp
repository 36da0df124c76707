#pragma once
// Minimal "--name value" argument reader shared by the bench tools: they take a handful of
// options each, so a table of known names is clearer than a parser library.

#include <map>
#include <string>
#include <vector>

namespace bench {

class Args {
  public:
    // `known` lists the accepted option names (with "--"); flags are the ones that take no value.
    // Throws std::invalid_argument on an unknown option or a missing value.
    Args(int argc, char** argv, const std::vector<std::string>& known,
         const std::vector<std::string>& flags = {});

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string str(const std::string& name, const std::string& fallback = "") const;
    std::string required(const std::string& name) const;
    long long integer(const std::string& name, long long fallback) const;
    double number(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }

  private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

}  // namespace bench
