// The server's life: starting without an index, picking one up, serving a reindex without a
// failed request (and without moving the feed time of what it left alone), the health check
// mode and a clean stop on SIGTERM.

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "server_fixture.hpp"

using news::test::ServerProcess;
using news::test::shared_index;
using news::test::TempDir;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

void copy_index(const std::filesystem::path& to) {
    std::filesystem::copy(shared_index(), to, std::filesystem::copy_options::recursive);
}

int healthcheck(int port) {
    TempDir t("healthcheck");
    return news::test::run_command(
        {NEWS_SERVER_BIN, "--healthcheck", "--port", std::to_string(port)}, t.path / "out.log");
}

int total_for(const ServerProcess& s, const std::string& q) {
    auto r = s.get("/api/search?q=" + q);
    if (!r || r->status != 200) return -1;
    return json::parse(r->body).at("total").at("estimated").get<int>();
}

}  // namespace

TEST_CASE("lifecycle: without an index the server starts, says 503 why, then picks it up") {
    TempDir t("missing-index");
    const auto index = t.path / "index";
    ServerProcess s(index);
    CHECK(s.get_json("/healthz").at("status") == "ok");
    const auto ready = s.get_json("/readyz", 503);
    CHECK(ready.at("error") == "not_ready");
    CHECK(ready.at("message").get<std::string>().size() > 0);
    CHECK(s.get_json("/api/search?q=China", 503).at("error") == "not_ready");
    CHECK(s.get_json("/api/stats", 503).at("error") == "not_ready");
    CHECK(s.get_json("/api/articles/x", 503).at("error") == "not_ready");
    CHECK(healthcheck(s.port()) == 1);

    copy_index(index);
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        status = s.get("/readyz")->status;
        if (status == 200) break;
        std::this_thread::sleep_for(20ms);
    }
    CHECK(status == 200);
    CHECK(total_for(s, "Oppama") >= 1);
    CHECK(healthcheck(s.port()) == 0);
}

TEST_CASE("lifecycle: a corrupt index is a 503, not a crash") {
    TempDir t("corrupt-index");
    const auto index = t.path / "index";
    std::filesystem::create_directories(index);
    std::ofstream(index / "iamchert") << "not a xapian database";
    std::ofstream(index / "postlist.glass") << "garbage";
    ServerProcess s(index);
    CHECK(s.get_json("/readyz", 503).at("error") == "not_ready");
    CHECK(s.get_json("/api/search?q=China", 503).at("error") == "not_ready");
    CHECK(s.running());
}

TEST_CASE("lifecycle: a reindex is served within a second, with no failed request") {
    TempDir t("reindex");
    const auto index = t.path / "index";
    copy_index(index);
    ServerProcess s(index, {"--log-level", "warn"});
    REQUIRE(total_for(s, "wombatreindex") == 0);

    std::atomic<bool> stop{false};
    std::atomic<int> requests{0};
    std::atomic<int> failures{0};
    std::thread load([&] {
        auto c = s.client();
        while (!stop) {
            auto r = c.Get("/api/search?q=China+Foxconn");
            ++requests;
            if (!r || r->status != 200) ++failures;
        }
    });

    const auto feed = t.path / "new.jsonl";
    std::ofstream(feed) << R"({"id": "reindex-1", "title": "Wombatreindex arrives", "body": )"
                        << R"("A wombatreindex story, indexed while the server runs.", )"
                        << R"("source": "Reindex Times"})"
                        << "\n";
    REQUIRE(news::test::run_indexer(index, {feed}) <= 1);
    const auto committed = std::chrono::steady_clock::now();
    int found = 0;
    while (std::chrono::steady_clock::now() - committed < 3s) {
        found = total_for(s, "wombatreindex");
        if (found > 0) break;
        std::this_thread::sleep_for(10ms);
    }
    const auto visible_after = std::chrono::steady_clock::now() - committed;
    std::this_thread::sleep_for(200ms);
    stop = true;
    load.join();
    CHECK(found >= 1);
    CHECK(visible_after < 1s);
    CHECK(requests > 10);
    CHECK(failures == 0);
    CHECK(total_for(s, "Oppama") >= 1);  // the rest of the index is still there
}

namespace {

// The <updated> of the feed entry whose id ends in `id`, or empty.
std::string entry_updated(const std::string& xml, const std::string& id) {
    const auto at = xml.find("/api/articles/" + id + "</id>");
    if (at == std::string::npos) return {};
    const auto open = xml.find("<updated>", at);
    if (open == std::string::npos) return {};
    const auto begin = open + std::string_view("<updated>").size();
    return xml.substr(begin, xml.find("</updated>", begin) - begin);
}

void write_undated(const std::filesystem::path& file, const std::string& id) {
    std::ofstream(file) << R"({"id": ")" << id << R"(", "title": "Quokkatime )" << id
                        << R"(", "body": "An undated quokkatime story."})"
                        << "\n";
}

}  // namespace

TEST_CASE("lifecycle: an undated feed entry keeps its time when a later run adds another") {
    TempDir t("feed-times");
    const auto index = t.path / "index";
    write_undated(t.path / "first.jsonl", "quokka-1");
    REQUIRE(news::test::run_indexer(index, {t.path / "first.jsonl"}) <= 1);
    ServerProcess s(index, {"--log-level", "warn"});
    const auto before = s.get("/api/feed?q=quokkatime");
    REQUIRE(before);
    const auto first_time = entry_updated(before->body, "quokka-1");
    REQUIRE(first_time.size() == 20);

    std::this_thread::sleep_for(1100ms);  // the times count whole seconds
    write_undated(t.path / "second.jsonl", "quokka-2");
    REQUIRE(news::test::run_indexer(index, {t.path / "first.jsonl", t.path / "second.jsonl"}) <= 1);
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (total_for(s, "quokkatime") < 2 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(10ms);
    }
    const auto after = s.get("/api/feed?q=quokkatime");
    REQUIRE(after);
    CHECK(entry_updated(after->body, "quokka-1") == first_time);  // unchanged: not moved
    CHECK(s.get_json("/api/articles/quokka-1").at("indexed") == first_time);
    const auto second_time = entry_updated(after->body, "quokka-2");
    CHECK(second_time.size() == 20);
    CHECK(second_time > first_time);  // RFC 3339 in UTC sorts as text
    // The feed itself moved with the index.
    CHECK(after->body.find("<updated>" + first_time + "</updated>\n  <author>") ==
          std::string::npos);
}

TEST_CASE("lifecycle: SIGTERM finishes in-flight requests and exits 0") {
    ServerProcess s(shared_index());
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 2; ++i) {
        clients.emplace_back([&] {
            auto c = s.client();
            for (int k = 0; k < 20; ++k) {
                auto r = c.Get("/api/search?q=China&per_page=100&collapse=false");
                if (!r) break;  // refused after the stop: acceptable, not a half answer
                if (r->status == 200 && json::parse(r->body).contains("hits")) {
                    ++answered;
                } else {
                    ++failed;
                }
            }
        });
    }
    std::this_thread::sleep_for(50ms);
    const auto started = std::chrono::steady_clock::now();
    const int code = s.terminate(10s);
    const auto took = std::chrono::steady_clock::now() - started;
    for (auto& t : clients) t.join();
    CHECK(code == 0);
    CHECK(took < 10s);
    CHECK(answered >= 1);
    CHECK(failed == 0);
    CHECK(s.log().find("received SIGTERM") != std::string::npos);
}

TEST_CASE("lifecycle: healthcheck fails when nothing listens, bad flags exit 2 with a message") {
    CHECK(healthcheck(news::test::free_port()) == 1);
    TempDir t("flags");
    CHECK(news::test::run_command({NEWS_SERVER_BIN, "--port", "http"}, t.path / "a.log") == 2);
    CHECK(news::test::run_command({NEWS_SERVER_BIN, "--bogus"}, t.path / "b.log") == 2);
    CHECK(news::test::run_command({NEWS_SERVER_BIN, "--help"}, t.path / "c.log") == 0);
}

TEST_CASE("lifecycle: settings come from the config file, env and flags in that order") {
    TempDir t("config");
    const auto cfg = t.path / "server.json";
    std::ofstream(cfg) << R"({"port": 1, "index": "/nowhere", "log": {"format": "json"}})";
    // The flags below override the file's port and index; the file's JSON log format stays.
    ServerProcess s(shared_index(), {"--config", cfg.string()});
    CHECK(s.get_json("/readyz").at("status") == "ready");
    CHECK(s.log().find(R"("msg":"listening on)") != std::string::npos);
    // The access line is written after the response: give it a moment.
    const std::string access = R"("msg":"access","method":"GET","path":"/readyz","status":200)";
    for (int i = 0; i < 100 && s.log().find(access) == std::string::npos; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    CHECK(s.log().find(access) != std::string::npos);
}

TEST_CASE("lifecycle: concurrent keep-alive clients get answers and the server survives") {
    ServerProcess s(shared_index(), {"--log-level", "warn"});
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> clients;
    const auto until = std::chrono::steady_clock::now() + 1500ms;
    for (int i = 0; i < 6; ++i) {
        clients.emplace_back([&, i] {
            auto c = s.client();
            const std::string q = i % 2 == 0 ? "quokkaburger" : "China+Foxconn+Nissan";
            while (std::chrono::steady_clock::now() < until) {
                auto r = c.Get("/api/search?q=" + q + "&collapse=" + (i % 3 ? "true" : "false"));
                (r && r->status == 200 ? answered : failed)++;
            }
        });
    }
    for (auto& t : clients) t.join();
    CHECK(answered > 100);
    CHECK(failed == 0);
    CHECK(s.running());
    CHECK(s.log().find("[error]") == std::string::npos);
}
