#include "core/text/percent_encode.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <string>

namespace {

// What the server reads back from ?q=<encoded>: it decodes query strings with this httplib call.
std::string server_reads(const std::string& encoded) {
    httplib::Params params;
    httplib::detail::parse_query_text("q=" + encoded, params);
    REQUIRE(params.count("q") == 1);
    return params.find("q")->second;
}

}  // namespace

TEST_CASE("percent_encode: unreserved characters stay, every other byte becomes %XX") {
    CHECK(news::percent_encode("Foxconn-Nissan_2.0~") == "Foxconn-Nissan_2.0~");
    CHECK(news::percent_encode("a b") == "a%20b");
    CHECK(news::percent_encode("\"rate cut\"") == "%22rate%20cut%22");
    CHECK(news::percent_encode("a&b=c+d/e?f#g%") == "a%26b%3Dc%2Bd%2Fe%3Ff%23g%25");
    CHECK(news::percent_encode("caf\xc3\xa9") == "caf%C3%A9");
    CHECK(news::percent_encode(std::string("\0\xff", 2)) == "%00%FF");
    CHECK(news::percent_encode("") == "");
}

TEST_CASE("percent_encode: the server decodes every byte back as it was sent") {
    std::string all_bytes;
    for (int b = 1; b < 256; ++b) all_bytes += static_cast<char>(b);
    CHECK(server_reads(news::percent_encode(all_bytes)) == all_bytes);
    const std::string query = "\"interest rates\" +bank -euro caf\xc3\xa9 50% a&b=c";
    CHECK(server_reads(news::percent_encode(query)) == query);
}

TEST_CASE("percent_decode: the reverse of percent_encode, a stray '%' or '+' stays") {
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    CHECK(news::percent_decode(news::percent_encode(all_bytes)) == all_bytes);
    CHECK(news::percent_decode("a%2fb%2F") == "a/b/");
    CHECK(news::percent_decode("100%") == "100%");
    CHECK(news::percent_decode("%4") == "%4");
    CHECK(news::percent_decode("%zz%41") == "%zzA");
    CHECK(news::percent_decode("a+b") == "a+b");
    CHECK(news::percent_decode("") == "");
}
