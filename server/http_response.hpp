#pragma once
// Writing JSON and error bodies into an httplib response.

#include <exception>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "server/error_response.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace news {

struct AppContext;

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

// Sets `name` to `value`, replacing every value it had: httplib's set_header adds another field.
void replace_header(httplib::Response& res, const std::string& name, const std::string& value);

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, const ErrorBody& error);

// Maps any exception to its JSON error; a 500 is logged with its detail, which never reaches
// the client.
void send_exception(const AppContext& ctx, const httplib::Request& req, httplib::Response& res,
                    std::exception_ptr ep);

}  // namespace news
