#pragma once
// Inflating a gzipped reply, as a browser does before it reads the JSON (http_load --gzip).

#include <optional>
#include <string_view>

namespace bench {

// The bytes `gz` (one gzip member) stands for, in a buffer of the calling thread that is valid
// until its next call; nullopt when `gz` is not valid gzip or would inflate past 64 MB.
std::optional<std::string_view> gunzip(std::string_view gz);

}  // namespace bench
