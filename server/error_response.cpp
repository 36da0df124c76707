#include "server/error_response.hpp"

#include <nlohmann/json.hpp>

#include "core/search/api_error.hpp"

namespace news {

std::string_view error_code_for_status(int status) {
    switch (status) {
        case 400:
            return "bad_request";
        case 404:
            return "not_found";
        case 405:
            return "method_not_allowed";
        case 408:
            return "request_timeout";
        case 413:
            return "payload_too_large";
        case 414:
            return "uri_too_long";
        case 416:
            return "range_not_satisfiable";
        case 429:
            return "rate_limited";
        case 431:
            return "headers_too_large";
        case 503:
            return "not_ready";
        default:
            return status >= 500 ? "internal" : "bad_request";
    }
}

ErrorBody error_for_status(int status) {
    std::string message;
    switch (status) {
        case 400:
            message = "The request could not be parsed.";
            break;
        case 404:
            message = "No such path.";
            break;
        case 405:
            message = "Only GET and HEAD are allowed.";
            break;
        case 408:
            message = "The request took too long to arrive.";
            break;
        case 413:
            message = "The request body is too large.";
            break;
        case 414:
            message = "The request line is too long.";
            break;
        case 416:
            message = "The requested range cannot be satisfied.";
            break;
        case 429:
            message = "Too many requests; retry later.";
            break;
        case 431:
            message = "The request headers are too large.";
            break;
        case 503:
            message = "The service is not ready.";
            break;
        default:
            message = status >= 500 ? "Internal server error." : "The request was rejected.";
    }
    return {status, std::string(error_code_for_status(status)), std::move(message)};
}

ErrorBody error_for_exception(std::exception_ptr ep, std::string& detail) {
    try {
        if (ep) std::rethrow_exception(ep);
        detail = "no exception";
    } catch (const ApiError& e) {
        detail = e.message();
        return {e.status(), e.code(), e.message()};
    } catch (const std::exception& e) {
        detail = e.what();
    } catch (...) {
        detail = "unknown exception";
    }
    return error_for_status(500);
}

std::string error_json(const ErrorBody& e) {
    const nlohmann::json body{{"error", e.code}, {"message", e.message}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace news
