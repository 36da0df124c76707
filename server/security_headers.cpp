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

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// Every response gets the first four, API responses the fifth too, and with CORS the sixth.
constexpr HeaderField kPolicyHeaders[] = {
    {"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},           {"Content-Security-Policy", kContentSecurityPolicy},
    {"Cache-Control", "no-store"},         {"Vary", "Origin"}};

}  // namespace

std::string_view content_security_policy() {
    return kContentSecurityPolicy;
}

std::span<const HeaderField> policy_headers(bool api, bool cors_configured) {
    // A view of one table, not a list built per response: the full path asks on every request.
    const std::size_t count = !api ? 4 : cors_configured ? 6 : 5;
    return std::span(kPolicyHeaders).first(count);
}

}  // namespace news
