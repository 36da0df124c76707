#include "core/index/stem_cache.hpp"

#include <string>
#include <unordered_map>

namespace news {
namespace {

class CachedStem : public Xapian::StemImplementation {
  public:
    CachedStem(const std::string& language, std::size_t max_entries)
        : stem_(language), max_entries_(max_entries) {}

    std::string operator()(const std::string& word) override {
        if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
        if (cache_.size() >= max_entries_) cache_.clear();
        return cache_.emplace(word, stem_(word)).first->second;
    }

    std::string get_description() const override {
        std::string out("cached ");  // (not "cached " + ...: GCC 12 warns falsely on it)
        out += stem_.get_description();
        return out;
    }

  private:
    Xapian::Stem stem_;
    std::size_t max_entries_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Xapian::Stem cached_stemmer(const std::string& language, std::size_t max_entries) {
    // Xapian's API takes ownership of a heap-allocated implementation through its own intrusive
    // reference count, so this is the one place a bare new is the interface.
    return Xapian::Stem(new CachedStem(language, max_entries == 0 ? 1 : max_entries));
}

}  // namespace news
