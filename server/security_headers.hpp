#pragma once
// The values of the security and CORS headers every response carries.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// The value for Access-Control-Allow-Origin, or empty when `origin` is not allowed.
std::string cors_allow_origin(std::string_view origin, const std::vector<std::string>& allowed);

// Content-Security-Policy for the page: only its own scripts, styles and images.
std::string_view content_security_policy();

struct HeaderField {
    std::string_view name;
    std::string_view value;
};

// What the server's policy adds to every response (http_policy.cpp), for a request without an
// Origin header: the security headers, and on the API no caching (unless the handler set
// Cache-Control itself) and, when CORS is configured, "Vary: Origin".
std::span<const HeaderField> policy_headers(bool api, bool cors_configured);

}  // namespace news
