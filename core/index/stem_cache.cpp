#include "core/index/stem_cache.hpp"

#include <string>

#include "core/text/flat_string_map.hpp"

namespace news {
namespace {

class CachedStem : public Xapian::StemImplementation {
  public:
    CachedStem(const std::string& language, std::size_t max_entries)
        : stem_(language), max_entries_(max_entries) {}

    std::string operator()(const std::string& word) override {
        if (const std::string* stem = cache_.find(word)) return *stem;
        if (cache_.size() >= max_entries_) cache_.clear();
        std::string stem = stem_(word);
        *cache_.try_emplace(word).first = stem;
        return stem;
    }

    std::string get_description() const override {
        std::string out("cached ");  // (not "cached " + ...: GCC 12 warns falsely on it)
        out += stem_.get_description();
        return out;
    }

  private:
    Xapian::Stem stem_;
    std::size_t max_entries_;
    FlatStringMap<std::string> cache_;
};

}  // namespace

Xapian::Stem cached_stemmer(const std::string& language, std::size_t max_entries) {
    // Xapian's API takes ownership of a heap-allocated implementation through its own intrusive
    // reference count, so this is the one place a bare new is the interface.
    return Xapian::Stem(new CachedStem(language, max_entries == 0 ? 1 : max_entries));
}

}  // namespace news
