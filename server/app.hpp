#pragma once
// Running the server: listen, serve until SIGINT/SIGTERM, let requests in flight finish, return.

#include "server/server_config.hpp"

namespace news {

// Returns the process exit code: 0 after a signal-initiated stop, 1 when it cannot listen.
int run_server(const ServerConfig& cfg);

// Probes http://127.0.0.1:<cfg.port>/readyz; 0 when it answers 200, 1 otherwise.
int run_healthcheck(const ServerConfig& cfg);

}  // namespace news
