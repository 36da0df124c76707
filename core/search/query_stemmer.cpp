#include "core/search/query_stemmer.hpp"

#include <array>
#include <cctype>
#include <memory>
#include <vector>

namespace news {
namespace {

constexpr std::size_t kShortStem = 3;

class NeedleStemmer final : public Xapian::StemImplementation {
  public:
    explicit NeedleStemmer(std::span<const std::string> needles)
        : needles_(needles.begin(), needles.end()) {
        for (const auto& n : needles_) first_[static_cast<unsigned char>(n.front())] = true;
    }

    std::string operator()(const std::string& word) override {
        // Words reach here lower-cased by the generator; the needles are lower case too.
        if (word.empty() || !first_[static_cast<unsigned char>(word.front())] || !matches(word)) {
            return word;
        }
        return english_(word);
    }

    std::string get_description() const override { return "news::NeedleStemmer(english)"; }

  private:
    // A short stem may differ from its word early ("dying" gives "die"): only its first
    // letter is trusted.
    bool matches(const std::string& word) const {
        for (const auto& n : needles_) {
            if (n.size() <= kShortStem ? word.front() == n.front() : word.starts_with(n)) {
                return true;
            }
        }
        return false;
    }

    std::vector<std::string> needles_;
    std::array<bool, 256> first_{};
    Xapian::Stem english_{"english"};
};

}  // namespace

Xapian::Stem query_stemmer(std::span<const std::string> needles) {
    // Xapian::Stem takes ownership through its intrusive reference count, so the
    // implementation is handed over as a raw pointer once.
    auto impl = std::make_unique<NeedleStemmer>(needles);
    return Xapian::Stem(impl.release());
}

}  // namespace news
