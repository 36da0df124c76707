#pragma once
// A Xapian stemmer that remembers its answers. News text repeats a small vocabulary, so most
// words an indexer meets have been stemmed before; Snowball's English stemmer costs far more
// than a hash look-up. The answers are those of the wrapped stemmer, so the terms Xapian's
// TermGenerator makes with it are byte for byte the same.
//
// Not thread-safe (like Xapian::Stem itself): one per DocumentBuilder, one builder per thread.

#include <xapian.h>

#include <cstddef>

namespace news {

// A Xapian::Stem for `language` whose answers are cached; the cache starts again from empty
// when it holds `max_entries` words, which bounds its memory on any input.
Xapian::Stem cached_stemmer(const std::string& language, std::size_t max_entries = 200'000);

}  // namespace news
