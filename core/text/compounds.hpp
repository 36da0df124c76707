#pragma once
// Two-part hyphenated words ("start-up", "e-mail", "F-35", "COVID-19"), which people write both
// joined and apart: the indexer also indexes each one joined ("startup"), so a search for the
// joined form finds the hyphenated one, and a query's "start-up" also asks for "startup".
// Longer chains ("state-of-the-art") are left alone: nobody types them joined.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace news {

struct Compound {
    std::size_t begin = 0;  // the compound's bytes in the text: [begin, end)
    std::size_t end = 0;
    std::string joined;  // lower case, without the hyphen
};

// ASCII letters and digits on both sides of one '-', the first part starting with a letter, no
// other word character or hyphenated part touching either end. Pure.
std::vector<Compound> hyphen_compounds(std::string_view text);

}  // namespace news
