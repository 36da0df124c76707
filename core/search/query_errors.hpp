#pragma once
// What a query that cannot be parsed is told, in the words of the person who typed it rather
// than the parser's grammar.

#include <string>
#include <string_view>

namespace news {

// The message of a bad_query for Xapian's QueryParserError `message`. "Syntax: <expression>
// AND <expression>" (Xapian's words for "Foxconn AND" or "OR Honda") says what the operator
// needs, and that in lower case it is an ordinary word; other messages are kept as they are.
// Both begin "the query could not be parsed: ".
std::string query_error_message(std::string_view message);

}  // namespace news
