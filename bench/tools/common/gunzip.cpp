#include "common/gunzip.hpp"

#include <libdeflate.h>

#include <memory>
#include <string>

namespace bench {

std::optional<std::string_view> gunzip(std::string_view gz) {
    struct Free {
        void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
    };
    // One decompressor and one buffer per thread: a load generator's thread inflates thousands
    // of replies a second, and allocating for each would cost more than inflating.
    thread_local std::unique_ptr<libdeflate_decompressor, Free> d(libdeflate_alloc_decompressor());
    thread_local std::string out(1 << 16, '\0');
    if (!d) return std::nullopt;
    for (;;) {
        std::size_t got = 0;
        const auto rc =
            libdeflate_gzip_decompress(d.get(), gz.data(), gz.size(), out.data(), out.size(), &got);
        if (rc == LIBDEFLATE_SUCCESS) return std::string_view(out).substr(0, got);
        if (rc != LIBDEFLATE_INSUFFICIENT_SPACE || out.size() >= (std::size_t{1} << 26)) {
            return std::nullopt;
        }
        out.resize(out.size() * 4);
    }
}

}  // namespace bench
