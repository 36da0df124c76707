#include "server/connection_end.hpp"

#include <utility>

namespace news {
namespace {

// Set by end_connection_after_response() on the thread that handles the request, read by the
// connection loop on the same thread once the handler returns.
thread_local std::optional<LingerLimits> t_end_requested;

}  // namespace

void end_connection_after_response(const LingerLimits& limits) {
    t_end_requested = limits;
}

std::optional<LingerLimits> take_end_request() {
    return std::exchange(t_end_requested, std::nullopt);
}

}  // namespace news
