#include "server/compression.hpp"

#include <libdeflate.h>

#include <memory>
#include <optional>
#include <stdexcept>

#include "core/text/ascii.hpp"
#include "server/request_headers.hpp"

namespace news {
namespace {

using ascii::iequals;

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ): whether it is above zero, or
// nullopt when it is not a qvalue.
std::optional<bool> positive_qvalue(std::string_view q) {
    if (q.empty() || (q[0] != '0' && q[0] != '1')) return std::nullopt;
    const auto fraction = q.substr(1);
    if (!fraction.empty() && (fraction[0] != '.' || fraction.size() > 4)) return std::nullopt;
    bool nonzero_digit = false;
    for (const char c : fraction.substr(fraction.empty() ? 0 : 1)) {
        if (!ascii::is_digit(c) || (q[0] == '1' && c != '0')) return std::nullopt;
        nonzero_digit = nonzero_digit || c != '0';
    }
    return q[0] == '1' || nonzero_digit;
}

// One Accept-Encoding element, "coding *( OWS ";" OWS name=value )": whether its weight is above
// zero (no weight is q=1), or nullopt when its weight is malformed.
std::optional<bool> element_accepted(std::string_view params) {
    while (!params.empty()) {
        auto value = take_item(params, ';');
        const auto name = take_item(value, '=');
        if (iequals(name, "q")) return positive_qvalue(trim_blanks(value));
    }
    return true;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    std::optional<bool> gzip_named, star;
    while (!accept_encoding.empty()) {
        auto params = take_item(accept_encoding, ',');
        const auto coding = take_item(params, ';');
        const auto accepted = element_accepted(params);
        if (!accepted) continue;
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
            gzip_named = gzip_named.value_or(false) || *accepted;
        } else if (coding == "*") {
            star = *accepted;
        }
    }
    return gzip_named ? *gzip_named : star.value_or(false);
}

bool compressible_type(std::string_view content_type) {
    const auto type = trim_blanks(content_type.substr(0, content_type.find(';')));
    const auto starts = [type](std::string_view prefix) {
        return type.size() >= prefix.size() && iequals(type.substr(0, prefix.size()), prefix);
    };
    if (starts("text/")) return !iequals(type, "text/event-stream");  // a stream: no buffering
    for (const auto t : {"application/json", "application/javascript", "application/xml",
                         "application/xhtml+xml", "image/svg+xml"}) {
        if (iequals(type, t)) return true;
    }
    // application/problem+json, application/atom+xml and the like
    return type.ends_with("+json") || type.ends_with("+xml");
}

bool varies_by_encoding(int status, std::string_view content_type) {
    // Only a 200 is compressed: a 206 is a range of the uncompressed bytes, errors are short.
    return status == 200 && compressible_type(content_type);
}

bool should_compress(int status, std::string_view content_type, std::size_t body_bytes) {
    return body_bytes >= kCompressMinBytes && varies_by_encoding(status, content_type);
}

namespace {

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorFree>;

}  // namespace

std::string gzip(std::string_view body, int level) {
    // One compressor per thread and level: allocating one per response costs more than a
    // small body's compression.
    thread_local Compressor compressor;
    thread_local int compressor_level = 0;
    if (!compressor || compressor_level != level) {
        compressor.reset(libdeflate_alloc_compressor(level));
        compressor_level = level;
        if (!compressor) throw std::runtime_error("gzip: cannot allocate a compressor");
    }
    std::string out(libdeflate_gzip_compress_bound(compressor.get(), body.size()), '\0');
    const auto n = libdeflate_gzip_compress(compressor.get(), body.data(), body.size(), out.data(),
                                            out.size());
    if (n == 0) throw std::runtime_error("gzip: compression failed");  // the bound is enough
    out.resize(n);
    return out;
}

bool gzip_in_place(std::string& body, int level) noexcept {
    try {
        body = gzip(body, level);
        return true;
    } catch (...) {
        return false;
    }
}

std::string vary_with(std::string_view existing, std::string_view token) {
    for (auto rest = existing; !rest.empty();) {
        const auto item = take_item(rest, ',');
        if (item == "*" || iequals(item, token)) return std::string(existing);
    }
    std::string out(trim_blanks(existing));
    if (!out.empty()) out += ", ";
    out += token;
    return out;
}

}  // namespace news
