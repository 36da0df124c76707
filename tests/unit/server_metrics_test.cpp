// Prometheus text of the server's metrics and the access log line.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/metrics.hpp"
#include "server/server_log.hpp"

TEST_CASE("metrics: requests are counted by route and status") {
    news::Metrics m;
    m.record("/api/search", 200, 0.0007);
    m.record("/api/search", 200, 0.003);
    m.record("/api/search", 400, 0.0001);
    m.record("static", 404, 0.0002);
    const auto text = m.render({});
    CHECK(text.find("# TYPE http_requests_total counter") != std::string::npos);
    CHECK(text.find("http_requests_total{route=\"/api/search\",status=\"200\"} 2\n") !=
          std::string::npos);
    CHECK(text.find("http_requests_total{route=\"/api/search\",status=\"400\"} 1\n") !=
          std::string::npos);
    CHECK(text.find("http_requests_total{route=\"static\",status=\"404\"} 1\n") !=
          std::string::npos);
}

TEST_CASE("metrics: the latency histogram is cumulative") {
    news::Metrics m;
    m.record("/api/search", 200, 0.0007);  // <= 0.001
    m.record("/api/search", 200, 0.003);   // <= 0.005
    m.record("/api/search", 200, 9.0);     // only +Inf
    const auto text = m.render({});
    CHECK(text.find("# TYPE http_request_duration_seconds histogram") != std::string::npos);
    auto has = [&](const std::string& line) { return text.find(line + "\n") != std::string::npos; };
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="0.0005"} 0)"));
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="0.001"} 1)"));
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="0.0025"} 1)"));
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="0.005"} 2)"));
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="2.5"} 2)"));
    CHECK(has(R"(http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} 3)"));
    CHECK(has(R"(http_request_duration_seconds_count{route="/api/search"} 3)"));
    CHECK(has(R"(http_request_duration_seconds_sum{route="/api/search"} 9.0037)"));
}

TEST_CASE("metrics: gauges are appended with help and type") {
    news::Metrics m;
    const auto text = m.render({{"news_index_size_bytes", "Bytes of the index.", 12345}});
    CHECK(text.find("# HELP news_index_size_bytes Bytes of the index.\n") != std::string::npos);
    CHECK(text.find("# TYPE news_index_size_bytes gauge\n") != std::string::npos);
    CHECK(text.find("news_index_size_bytes 12345\n") != std::string::npos);
}

TEST_CASE("metrics: the fast path's answers are a counter of their own") {
    news::Metrics m;
    CHECK(m.render({}).find("\nhttp_fast_path_requests_total 0\n") != std::string::npos);
    m.count_fast_path();
    m.count_fast_path();
    const auto text = m.render({});
    CHECK(text.find("# TYPE http_fast_path_requests_total counter\n") != std::string::npos);
    CHECK(text.find("\nhttp_fast_path_requests_total 2\n") != std::string::npos);
}

namespace {

// Builds the object around the fields (append, not operator+: GCC 12 warns falsely on the latter).
nlohmann::json as_object(const std::string& fields) {
    std::string text("{");
    text.append(fields).append("}");
    return nlohmann::json::parse(text);
}

}  // namespace

TEST_CASE("access log: text and JSON lines carry method, path, status, bytes, latency") {
    const news::AccessRecord r{"GET", "/api/search", 200, 512, 1.2345, "127.0.0.1"};
    CHECK(news::format_access(r, false) == "GET /api/search 200 512B 1.234ms 127.0.0.1");
    const auto j = as_object(news::format_access(r, true));
    CHECK(j.at("method") == "GET");
    CHECK(j.at("path") == "/api/search");
    CHECK(j.at("status") == 200);
    CHECK(j.at("bytes") == 512);
    CHECK(j.at("ms").get<double>() == doctest::Approx(1.234));
    // A hostile path cannot break the JSON line.
    const news::AccessRecord evil{"GET", "/\"}\n{\xff", 404, 0, 0.1, "::1"};
    CHECK(as_object(news::format_access(evil, true)).at("status") == 404);
    CHECK(as_object(news::format_message("a \"quoted\" msg", true)).at("msg") ==
          "a \"quoted\" msg");
}
