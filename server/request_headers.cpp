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

}  // namespace news
