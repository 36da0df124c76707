#include "server/security_headers.hpp"

namespace news {

std::string cors_allow_origin(std::string_view origin, const std::vector<std::string>& allowed) {
    if (origin.empty()) return {};
    for (const auto& a : allowed) {
        if (a == "*") return "*";
        if (a == origin) return std::string(origin);
    }
    return {};
}

std::string_view content_security_policy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
           "frame-ancestors 'none'";
}

std::vector<HeaderField> policy_headers(bool api, bool cors_configured) {
    std::vector<HeaderField> out{{"X-Content-Type-Options", "nosniff"},
                                 {"Referrer-Policy", "no-referrer"},
                                 {"X-Frame-Options", "DENY"},
                                 {"Content-Security-Policy", content_security_policy()}};
    if (api) out.push_back({"Cache-Control", "no-store"});
    if (api && cors_configured) out.push_back({"Vary", "Origin"});
    return out;
}

}  // namespace news
