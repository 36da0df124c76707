#pragma once
// JSON text for API responses. nlohmann's dump() decodes every byte of every string through a
// UTF-8 state machine, which made serialising a page of results a seventh of a search; this
// writer copies runs of plain bytes whole and checks UTF-8 sequences only where they occur.
// Output is byte for byte what dump(-1, ' ', false, error_handler_t::replace) writes for valid
// UTF-8; an invalid sequence becomes U+FFFD, as there.

#include <nlohmann/json.hpp>
#include <string>

namespace news {

std::string write_json(const nlohmann::json& value);

}  // namespace news
