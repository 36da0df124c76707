#pragma once
// The server's log: spdlog to stdout, as text lines or one JSON object per line, with an access
// line per request (method, path, status, bytes, latency).

#include <memory>
#include <string>
#include <string_view>

#include "server/server_config.hpp"

namespace spdlog {
class logger;
}

namespace news {

struct AccessRecord {
    std::string_view method;
    std::string_view path;
    int status;
    std::size_t bytes;
    double ms;
    std::string_view remote;
};

// The message part of an access line: `GET /api/search 200 512B 1.234ms 127.0.0.1` as text, or
// `"msg":"access","method":...` (fields to splice into the JSON line) in JSON mode.
std::string format_access(const AccessRecord& r, bool json);

// A plain message in the same two forms.
std::string format_message(std::string_view msg, bool json);

class ServerLog {
  public:
    explicit ServerLog(const ServerConfig& cfg);
    void info(std::string_view msg) const;
    void warn(std::string_view msg) const;
    void error(std::string_view msg) const;
    void access(const AccessRecord& r) const;
    bool access_enabled() const { return access_enabled_; }

  private:
    std::shared_ptr<spdlog::logger> logger_;
    bool json_;
    bool access_enabled_;
};

}  // namespace news
