#include "server/server_log.hpp"

#include <spdlog/fmt/fmt.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace news {
namespace {

std::string quoted(std::string_view s) {
    return nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string format_access(const AccessRecord& r, bool json) {
    if (json) {
        return fmt::format(
            R"("msg":"access","method":{},"path":{},"status":{},"bytes":{},"ms":{:.3f},"remote":{})",
            quoted(r.method), quoted(r.path), r.status, r.bytes, r.ms, quoted(r.remote));
    }
    return fmt::format("{} {} {} {}B {:.3f}ms {}", r.method, r.path, r.status, r.bytes, r.ms,
                       r.remote);
}

std::string format_message(std::string_view msg, bool json) {
    return json ? "\"msg\":" + quoted(msg) : std::string(msg);
}

ServerLog::ServerLog(const ServerConfig& cfg)
    : logger_(std::make_shared<spdlog::logger>("server",
                                               std::make_shared<spdlog::sinks::stdout_sink_mt>())),
      json_(cfg.log_format == "json") {
    logger_->set_level(spdlog::level::from_str(cfg.log_level));
    logger_->set_pattern(json_ ? R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})"
                               : "[%Y-%m-%dT%H:%M:%S.%eZ] [%l] %v",
                         spdlog::pattern_time_type::utc);
    logger_->flush_on(spdlog::level::trace);
    access_enabled_ = cfg.access_log && logger_->should_log(spdlog::level::info);
}

void ServerLog::info(std::string_view msg) const {
    logger_->info(format_message(msg, json_));
}
void ServerLog::warn(std::string_view msg) const {
    logger_->warn(format_message(msg, json_));
}
void ServerLog::error(std::string_view msg) const {
    logger_->error(format_message(msg, json_));
}

void ServerLog::access(const AccessRecord& r) const {
    if (access_enabled_) logger_->info(format_access(r, json_));
}

}  // namespace news
