#pragma once
// Every error the server sends is JSON {"error": code, "message": text}. This maps statuses and
// exceptions to that body, so no handler invents its own shape and nothing leaks paths or traces.

#include <exception>
#include <string>
#include <string_view>

namespace news {

struct ErrorBody {
    int status;
    std::string code;
    std::string message;
};

// The stable code for an HTTP error status ("bad_request", "not_found", ...).
std::string_view error_code_for_status(int status);

// A generic body for an error the HTTP layer produced itself (unknown path, oversized line ...).
ErrorBody error_for_status(int status);

// ApiError keeps its status, code and message; anything else is a 500 with a fixed message
// (the caller logs the details). `detail` receives the exception text for that log.
ErrorBody error_for_exception(std::exception_ptr ep, std::string& detail);

// The JSON text of the body; invalid UTF-8 in a message is replaced, never thrown on.
std::string error_json(const ErrorBody& e);

}  // namespace news
