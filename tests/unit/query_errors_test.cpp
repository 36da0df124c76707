// What a query that cannot be parsed is told.
#include "core/search/query_errors.hpp"

#include <doctest/doctest.h>

TEST_CASE("query errors: an operator without its operands is explained in plain words") {
    CHECK(news::query_error_message("Syntax: <expression> AND <expression>") ==
          "the query could not be parsed: AND needs a word or phrase on each side, as in "
          "\"Foxconn AND Nissan\"; written in lower case (\"and\") it is an ordinary word");
    CHECK(news::query_error_message("Syntax: <expression> AND NOT <expression>") ==
          "the query could not be parsed: AND NOT needs a word or phrase on each side, as in "
          "\"Foxconn AND NOT Nissan\"; written in lower case (\"and not\") it is an ordinary "
          "word");
    CHECK(news::query_error_message("Syntax: <expression> NOT <expression>") ==
          "the query could not be parsed: NOT needs a word or phrase after it, as in \"Foxconn "
          "NOT Nissan\"; written in lower case (\"not\") it is an ordinary word");
    // Anything else is passed on as Xapian words it.
    CHECK(news::query_error_message("Unknown range operation") ==
          "the query could not be parsed: Unknown range operation");
    CHECK(news::query_error_message("Syntax: <expression>  <expression>") ==
          "the query could not be parsed: Syntax: <expression>  <expression>");
    CHECK(news::query_error_message("") == "the query could not be parsed: ");
}
