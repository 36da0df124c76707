// Which responses are gzipped for which clients (server/compression.hpp), and that the gzip
// comes back as the body it was made from.

#include <doctest/doctest.h>
#include <libdeflate.h>

#include <memory>
#include <string>

#include "server/compression.hpp"

namespace {

std::string gunzip(const std::string& gz, std::size_t size) {
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    std::string out(size, '\0');
    std::size_t got = 0;
    REQUIRE(libdeflate_gzip_decompress(d.get(), gz.data(), gz.size(), out.data(), out.size(),
                                       &got) == LIBDEFLATE_SUCCESS);
    out.resize(got);
    return out;
}

}  // namespace

TEST_CASE("compression: Accept-Encoding is read as RFC 9110 writes it") {
    using news::accepts_gzip;
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("gzip, deflate, br, zstd"));  // what browsers send
    CHECK(accepts_gzip("GZip"));
    CHECK(accepts_gzip("x-gzip"));
    CHECK(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
    CHECK(accepts_gzip(" deflate ,gzip ; q=0.001"));
    CHECK(accepts_gzip("*"));
    CHECK(accepts_gzip("br, *;q=0.5"));

    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("identity"));
    CHECK_FALSE(accepts_gzip("br"));
    CHECK_FALSE(accepts_gzip("deflate, br"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
    CHECK_FALSE(accepts_gzip("gzip;Q=0, br"));
    CHECK_FALSE(accepts_gzip("*;q=0"));
    CHECK_FALSE(accepts_gzip("gzip;q=0, *"));     // named beats the wildcard
    CHECK_FALSE(accepts_gzip("gzipper, xgzip"));  // names, not substrings
    // A weight that is not a qvalue makes its element void.
    CHECK_FALSE(accepts_gzip("gzip;q=2"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.5.5"));
    CHECK_FALSE(accepts_gzip("gzip;q=1.5"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.12345"));
    CHECK_FALSE(accepts_gzip("gzip;q="));
    CHECK(accepts_gzip("gzip;q=1.000"));
    CHECK(accepts_gzip("gzip;q=1."));
    CHECK_FALSE(accepts_gzip("gzip;q=0."));
}

TEST_CASE("compression: text types are compressed, a 200 only, from 1 KB up") {
    using news::compressible_type;
    using news::should_compress;
    CHECK(compressible_type("application/json; charset=utf-8"));
    CHECK(compressible_type("text/html; charset=utf-8"));
    CHECK(compressible_type("text/css; charset=utf-8"));
    CHECK(compressible_type("text/javascript; charset=utf-8"));
    CHECK(compressible_type("application/atom+xml; charset=utf-8"));
    CHECK(compressible_type("text/plain; version=0.0.4; charset=utf-8"));
    CHECK(compressible_type("image/svg+xml"));
    CHECK(compressible_type("Application/JSON"));
    CHECK(compressible_type("application/problem+json"));
    CHECK_FALSE(compressible_type("image/png"));
    CHECK_FALSE(compressible_type("application/octet-stream"));
    CHECK_FALSE(compressible_type("text/event-stream"));
    CHECK_FALSE(compressible_type("multipart/byteranges; boundary=x"));
    CHECK_FALSE(compressible_type(""));

    const std::string_view json = "application/json; charset=utf-8";
    CHECK(should_compress(200, json, news::kCompressMinBytes));
    CHECK_FALSE(should_compress(200, json, news::kCompressMinBytes - 1));
    CHECK_FALSE(should_compress(206, "text/css", 5000));  // a range of the identity bytes
    CHECK_FALSE(should_compress(404, json, 5000));
    CHECK_FALSE(should_compress(200, "image/png", 5000));
    CHECK(news::varies_by_encoding(200, json));
    CHECK_FALSE(news::varies_by_encoding(400, json));
}

TEST_CASE("compression: gzip gives back the body, smaller, at any level") {
    std::string body;
    for (int i = 0; i < 200; ++i) {
        body += R"({"id":"reuters-)" + std::to_string(i) +
                R"(","snippet":"oil <mark>prices</mark> rose"},)";
    }
    for (const int level : {news::kGzipLevel, 6, 12, news::kGzipLevel}) {
        const auto gz = news::gzip(body, level);
        CHECK(gz.size() < body.size() / 4);
        REQUIRE(gz.size() > 18);
        CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);  // the gzip magic
        CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
        CHECK(gunzip(gz, body.size()) == body);
    }
    CHECK(gunzip(news::gzip("", news::kGzipLevel), 0).empty());

    std::string in_place = body;
    REQUIRE(news::gzip_in_place(in_place, news::kGzipLevel));
    CHECK(gunzip(in_place, body.size()) == body);
}

TEST_CASE("compression: Accept-Encoding joins Vary once") {
    using news::vary_with;
    CHECK(vary_with("", "Accept-Encoding") == "Accept-Encoding");
    CHECK(vary_with("Origin", "Accept-Encoding") == "Origin, Accept-Encoding");
    CHECK(vary_with("Origin, accept-encoding", "Accept-Encoding") == "Origin, accept-encoding");
    CHECK(vary_with("*", "Accept-Encoding") == "*");
}
