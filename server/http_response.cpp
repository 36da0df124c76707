#include "server/http_response.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/text/json_writer.hpp"
#include "server/app_context.hpp"

namespace news {

void replace_header(httplib::Response& res, const std::string& name, const std::string& value) {
    res.headers.erase(name);
    res.set_header(name, value);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    // Moved in rather than through set_content(), which copies the body.
    res.body = write_json(body);
    replace_header(res, "Content-Type", kJsonType);
}

void send_error(httplib::Response& res, const ErrorBody& error) {
    res.status = error.status;
    res.set_content(error_json(error), kJsonType);
    if (error.status == 405) res.set_header("Allow", "GET, HEAD");
}

void send_exception(const AppContext& ctx, const httplib::Request& req, httplib::Response& res,
                    std::exception_ptr ep) {
    std::string detail;
    const auto error = error_for_exception(ep, detail);
    if (error.status >= 500 && error.status != 503) {
        ctx.log.error(req.method + " " + req.path + " failed: " + detail);
    }
    // A half-built response (headers of a success) must not survive into the error.
    res.headers.clear();
    send_error(res, error);
}

}  // namespace news
