// Signatures are stored in the index and compared with those of later runs, so minhash must
// give the same minima on every build and CPU: with the vectorised inner loop (AVX-512) as with
// the portable one. The expected values are those of the portable loop.

#include "core/dedupe/minhash.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("minhash: the signature of a fixed text does not change") {
    const std::string text =
        "The central bank raised interest rates by a quarter point on Tuesday, its third "
        "increase this year, as inflation stayed above target and wages kept rising across the "
        "economy.";
    const news::dedupe::Signature expected = {
        42110, 41140, 47828, 36151, 49789, 5335,  54759, 23156, 31850, 3243,  41652, 31838, 18849,
        20897, 13829, 32463, 33349, 31441, 36387, 8422,  56069, 13356, 33338, 53720, 21264, 37576,
        35980, 10315, 50579, 9484,  56323, 12384, 11832, 42067, 44703, 32856, 21065, 13012, 64613,
        9982,  64929, 57266, 56214, 37051, 423,   52597, 18090, 58213, 29666, 9222,  27263, 40842,
        24958, 35618, 10822, 51196, 3175,  32632, 1713,  32514, 6475,  34700, 49173, 15056};
    const auto signature = news::dedupe::minhash(text);
    REQUIRE(signature.has_value());
    CHECK(*signature == expected);
    // Too short for a signature.
    CHECK_FALSE(news::dedupe::minhash("three short words").has_value());
}
