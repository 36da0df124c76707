#include "core/search/query_errors.hpp"

#include "core/text/ascii.hpp"

namespace news {

std::string query_error_message(std::string_view message) {
    constexpr std::string_view kOpen = "Syntax: <expression> ";
    constexpr std::string_view kClose = " <expression>";
    std::string out = "the query could not be parsed: ";
    if (message.starts_with(kOpen) && message.ends_with(kClose) &&
        message.size() > kOpen.size() + kClose.size()) {
        const std::string_view op =
            message.substr(kOpen.size(), message.size() - kOpen.size() - kClose.size());
        out += op;
        // NOT alone is allowed ("NOT Honda": everything without it); it only lacks what follows.
        out += op == "NOT" ? " needs a word or phrase after it"
                           : " needs a word or phrase on each side";
        out += ", as in \"Foxconn ";
        out += op;
        out += " Nissan\"; written in lower case (\"";
        out += ascii::lower(op);
        out += "\") it is an ordinary word";
        return out;
    }
    out += message;
    return out;
}

}  // namespace news
