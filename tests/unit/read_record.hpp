#pragma once
// One feed line read as an article, checked to read alike on both JSON readers (the simdjson
// fast path and nlohmann's).

#include <doctest/doctest.h>

#include <string>

#include "core/ingest/jsonl.hpp"

namespace news::testing {

inline news::Article read_record(const std::string& line) {
    const auto record = news::parse_jsonl_line(line, "feed.jsonl");
    REQUIRE_MESSAGE(record.article, record.error);
    const auto slow = news::parse_jsonl_line_nlohmann(line, "feed.jsonl");
    REQUIRE(slow.article);
    CHECK(*slow.article == *record.article);
    return *record.article;
}

}  // namespace news::testing
