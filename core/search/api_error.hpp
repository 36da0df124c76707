#pragma once
// An error the API reports to its caller: an HTTP status, a stable code and a human message.
// Thrown by parameter parsing and the searcher; the server maps it to the JSON error body.

#include <stdexcept>
#include <string>

namespace news {

class ApiError : public std::runtime_error {
  public:
    ApiError(int status, std::string code, const std::string& message)
        : std::runtime_error(message), status_(status), code_(std::move(code)), message_(message) {}
    int status() const noexcept { return status_; }
    const std::string& code() const noexcept { return code_; }
    // Whole, unlike what(), which ends at the first NUL of an echoed id or value.
    const std::string& message() const noexcept { return message_; }

    static ApiError bad_request(const std::string& m) { return {400, "bad_request", m}; }
    static ApiError bad_query(const std::string& m) { return {400, "bad_query", m}; }
    static ApiError not_found(const std::string& m) { return {404, "not_found", m}; }
    static ApiError not_ready(const std::string& m) { return {503, "not_ready", m}; }

  private:
    int status_;
    std::string code_;
    std::string message_;
};

}  // namespace news
