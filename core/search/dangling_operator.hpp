#pragma once
// Search-as-you-type before an operator's right side is typed. On its way to `Nissan AND Foxconn`
// the box holds `Nissan AND`: read as typed, its last word is a prefix (`and*`: "and",
// "android"), so the results jumped to other articles at that keystroke and back at the next.
// Until the right side comes, the query is the part before the operator, and the page keeps the
// results it has.

#include <string_view>

namespace news {

// `text` without the boolean operators it ends in (`AND`, `OR`, `NOT`, `XOR`, `NEAR`, `ADJ`, in
// capitals as the parser reads them, with the spaces around them), when a word or phrase comes
// before them; `text` itself otherwise (`AND` alone is a word being typed). Pure.
std::string_view without_dangling_operator(std::string_view text);

}  // namespace news
