#pragma once
// Response compression: which responses are gzipped, for which clients, and the gzip itself.
// Both answer paths use these rules (the search fast path and http_policy's hook for the rest),
// so a response looks the same whichever path sent it. cpp-httplib's own compression is kept
// out (http_policy.cpp): it ignores q-values ("br;q=0" still gets brotli) and compresses with
// brotli's slowest setting on every request (15 ms for the page's 13 KB script).

#include <cstddef>
#include <string>
#include <string_view>

namespace news {

// Bodies smaller than this go out as they are: a gzip header and a deflate block cost more than
// a few hundred bytes save.
inline constexpr std::size_t kCompressMinBytes = 1024;

// libdeflate's fastest level. On 200 of the benchmark's search answers (4 KB of JSON on
// average) it takes 21 us a body for 2.57:1; level 6 takes 35 us for 2.64:1, and zlib's level 1
// 46 us for 2.49:1. A search takes 130-150 us, so the fastest level is the one worth paying.
inline constexpr int kGzipLevel = 1;

// Whether an Accept-Encoding value (all of a request's Accept-Encoding fields joined with
// commas; empty when it sent none) accepts gzip: "gzip" or "x-gzip" with a q-value above zero,
// or "*" above zero when gzip is not named. Names are case-insensitive (RFC 9110, 12.5.3).
bool accepts_gzip(std::string_view accept_encoding);

// Whether a Content-Type is text that compresses well: text/*, JSON, JavaScript, XML (Atom and
// SVG among it).
bool compressible_type(std::string_view content_type);

// Whether a response of this status and type depends on Accept-Encoding, and so says
// "Vary: Accept-Encoding" (whether or not this client's copy was compressed).
bool varies_by_encoding(int status, std::string_view content_type);

// Whether this response is sent gzipped to a client that accepts gzip.
bool should_compress(int status, std::string_view content_type, std::size_t body_bytes);

// `body` as a gzip member (RFC 1952), compressed by libdeflate at `level` (1 fastest ... 12
// smallest). Throws std::runtime_error when out of memory.
std::string gzip(std::string_view body, int level);

// Replaces `body` with its gzip and returns true; leaves it as it is and returns false when that
// fails (out of memory): the response then goes out uncompressed rather than not at all.
bool gzip_in_place(std::string& body, int level) noexcept;

// A Vary value with `token` added to `existing` (a comma-separated list, possibly empty),
// unless it is there already.
std::string vary_with(std::string_view existing, std::string_view token);

}  // namespace news
