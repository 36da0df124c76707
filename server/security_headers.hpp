#pragma once
// The values of the security and CORS headers every response carries.

#include <string>
#include <string_view>
#include <vector>

namespace news {

// The value for Access-Control-Allow-Origin, or empty when `origin` is not allowed.
std::string cors_allow_origin(std::string_view origin, const std::vector<std::string>& allowed);

// Content-Security-Policy for the page: only its own scripts, styles and images.
std::string_view content_security_policy();

}  // namespace news
