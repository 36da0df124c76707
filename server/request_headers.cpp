#include "server/request_headers.hpp"

#include <httplib.h>

namespace news {

std::string header_values(const httplib::Request& req, const char* name) {
    std::string joined;
    const auto fields = req.get_header_value_count(name);
    for (std::size_t i = 0; i < fields; ++i) {
        if (i > 0) joined += ',';
        joined += req.get_header_value(name, i);
    }
    return joined;
}

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string_view take_item(std::string_view& rest, char sep) {
    const auto at = rest.find(sep);
    const auto item = rest.substr(0, at);
    rest = at == std::string_view::npos ? std::string_view{} : rest.substr(at + 1);
    return trim_blanks(item);
}

}  // namespace news
