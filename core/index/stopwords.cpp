#include "core/index/stopwords.hpp"

#include <array>
#include <string_view>

namespace news {
namespace {

constexpr std::string_view kStopWords[] = {
    "a",      "about",  "above", "after", "again",   "against",  "all",        "am",
    "an",     "and",    "any",   "are",   "as",      "at",       "be",         "because",
    "been",   "before", "being", "below", "between", "both",     "but",        "by",
    "can",    "could",  "did",   "do",    "does",    "doing",    "down",       "during",
    "each",   "few",    "for",   "from",  "further", "had",      "has",        "have",
    "having", "he",     "her",   "here",  "hers",    "herself",  "him",        "himself",
    "his",    "how",    "i",     "if",    "in",      "into",     "is",         "it",
    "its",    "itself", "just",  "me",    "more",    "most",     "my",         "myself",
    "no",     "nor",    "not",   "now",   "of",      "off",      "on",         "once",
    "only",   "or",     "other", "ought", "our",     "ours",     "ourselves",  "out",
    "over",   "own",    "same",  "she",   "should",  "so",       "some",       "such",
    "than",   "that",   "the",   "their", "theirs",  "them",     "themselves", "then",
    "there",  "these",  "they",  "this",  "those",   "through",  "to",         "too",
    "under",  "until",  "up",    "very",  "was",     "we",       "were",       "what",
    "when",   "where",  "which", "while", "who",     "whom",     "why",        "will",
    "with",   "would",  "you",   "your",  "yours",   "yourself", "yourselves", "s",
    "t",      "don"};

}  // namespace

const Xapian::SimpleStopper& english_stopper() {
    // Xapian stoppers cannot be copied or moved; build the one instance in place.
    static const Xapian::SimpleStopper* const stopper = [] {
        static Xapian::SimpleStopper s;
        for (const auto w : kStopWords) s.add(std::string(w));
        return &s;
    }();
    return *stopper;
}

}  // namespace news
