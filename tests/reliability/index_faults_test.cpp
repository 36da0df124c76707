// The index missing, unreadable or corrupt when the server starts; the disk filling up during
// indexing; two indexers at once.

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include "tests/reliability/support/checks.hpp"
#include "tests/reliability/support/feed.hpp"
#include "tests/reliability/support/fixture.hpp"

using namespace news::test;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

void check_not_ready(const ServerProcess& server, const std::string& situation) {
    CHECK(server.healthy());
    std::string why;
    auto ready = server.get("/readyz");
    CHECK_MESSAGE(is_json_error(ready, 503, "not_ready", why), situation << ": " << why);
    if (ready.status == 503) MESSAGE(situation << ": /readyz says " << ready.body);
    auto search = server.get("/api/search?q=nissan");
    CHECK_MESSAGE(is_json_error(search, 503, "not_ready", why), situation << ": " << why);
    // The reason must not reveal file system paths.
    CHECK(ready.body.find(server.options().index_dir.string()) == std::string::npos);
}

bool becomes_ready(const ServerProcess& server, std::chrono::seconds within) {
    const auto deadline = Clock::now() + within;
    while (Clock::now() < deadline) {
        auto r = get(server.port(), "/readyz");
        if (r && r->status == 200) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void index_and_expect_pickup(const ServerProcess& server, const fs::path& db, const fs::path& log) {
    REQUIRE(run_indexer(db, {corpus_dir().string()}, log).code == 0);
    CHECK(becomes_ready(server, std::chrono::seconds(10)));
    auto r = server.get("/api/search?q=Foxconn%20Nissan%20Oppama");
    REQUIRE(is_search_result(r));
    CHECK(!json_body(r)["hits"].empty());
}

// A small tmpfs mounted for the test and unmounted at the end.
class SmallFilesystem {
  public:
    SmallFilesystem(const fs::path& where, std::size_t bytes) : where_(where) {
        fs::create_directories(where);
        const std::string options = "size=" + std::to_string(bytes);
        mounted_ = ::mount("tmpfs", where.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallFilesystem() {
        if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
    }
    SmallFilesystem(const SmallFilesystem&) = delete;
    SmallFilesystem& operator=(const SmallFilesystem&) = delete;
    bool mounted() const { return mounted_; }

  private:
    fs::path where_;
    bool mounted_ = false;
};

std::uintmax_t tree_size(const fs::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) total += e.file_size();
    }
    return total;
}

}  // namespace

TEST_CASE(
    "index missing at start: server starts, /readyz 503 with the reason, picks the index up") {
    TempDir dir;
    const fs::path db = dir / "index";
    ServerProcess server(ServerOptions{db});
    check_not_ready(server, "missing index");
    index_and_expect_pickup(server, db, dir / "indexer.log");
}

TEST_CASE("index unreadable at start: server starts, /readyz 503, picks the index up") {
    TempDir dir;
    const fs::path db = dir / "index";
    if (::geteuid() != 0) {
        fs::create_directories(db);
        fs::permissions(db, fs::perms::none);
    } else {
        // Permissions do not stop root; a file where the directory should be is unreadable as
        // an index for anyone.
        std::ofstream(db) << "not a directory";
    }
    ServerProcess server(ServerOptions{db});
    check_not_ready(server, ::geteuid() != 0 ? "unreadable index (mode 000)"
                                             : "unreadable index (a file, running as root)");
    fs::permissions(db, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(db);
    index_and_expect_pickup(server, db, dir / "indexer.log");
}

TEST_CASE("index corrupt at start: server starts, /readyz 503, picks up a rebuilt index") {
    TempDir dir;
    const fs::path db = dir / "index";
    REQUIRE(run_indexer(db, {corpus_dir().string()}, dir / "indexer.log").code == 0);
    // Overwrite every table with garbage, keeping the file names Xapian looks for.
    for (const auto& e : fs::directory_iterator(db)) {
        if (!e.is_regular_file()) continue;
        std::ofstream out(e.path(), std::ios::binary | std::ios::trunc);
        out << std::string(8192, '\x5a');
    }
    ServerProcess server(ServerOptions{db});
    check_not_ready(server, "corrupt index");
    fs::remove_all(db);
    index_and_expect_pickup(server, db, dir / "indexer.log");
}

TEST_CASE(
    "disk full during indexing: the indexer stops with a clear error, the old revision serves") {
    TempDir dir;
    const fs::path staging = dir / "staging";
    REQUIRE(run_indexer(staging, {corpus_dir().string()}, dir / "indexer.log").code == 0);
    const auto used = tree_size(staging);
    const auto before_ids = index_ids(staging);
    // A tmpfs with 512 KiB to spare. Where mounting is denied (an unprivileged container), the
    // indexer runs instead under a file size limit just above its largest table (RLIMIT_FSIZE):
    // its writes then fail with EFBIG where they would fail with ENOSPC on a full disk.
    const char* force = std::getenv("NEWS_DISK_FULL_FALLBACK");
    const bool fallback_forced = force != nullptr && std::string(force) == "1";
    std::optional<SmallFilesystem> small;
    if (!fallback_forced) small.emplace(dir / "small", used + 512 * 1024);
    const bool mounted = small && small->mounted();
    const fs::path db = mounted ? dir / "small" / "index" : dir / "index";
    fs::copy(staging, db, fs::copy_options::recursive);
    std::optional<rlim_t> file_limit;
    if (!mounted) {
        std::uintmax_t largest = 0;
        for (const auto& e : fs::directory_iterator(db)) {
            if (e.is_regular_file()) largest = std::max(largest, e.file_size());
        }
        file_limit = static_cast<rlim_t>(largest + 256 * 1024);
    }
    MESSAGE("disk full by "
            << (mounted ? "a tmpfs of " + std::to_string((used + 512 * 1024) / 1024) + " KiB"
                        : "RLIMIT_FSIZE of " + std::to_string(*file_limit / 1024) +
                              " KiB (mounting a tmpfs was not possible or not wanted)"));
    ServerProcess server(ServerOptions{db});
    REQUIRE(becomes_ready(server, std::chrono::seconds(10)));

    const fs::path feed = dir / "big.jsonl";
    write_feed(feed, synthetic_articles({"big-", 0, 4000, 5, "", "", 6}));
    const fs::path log = dir / "full.log";
    const auto status =
        run_command(indexer_args(db, {feed.string()}), log, std::chrono::minutes(5), file_limit);
    const std::string output = read_file(log);
    MESSAGE("indexer on a full disk exited " << status.code << ": " << output.substr(0, 400));
    CHECK(status.exited);
    CHECK(status.code == 2);
    const bool clear = output.find("disk is full") != std::string::npos;
    CHECK_MESSAGE(clear, "no clear disk-full error in: " << output.substr(0, 400));
    // The previous revision is intact and still served.
    CHECK(index_ids(db) == before_ids);
    auto r = server.get("/api/search?q=Foxconn%20Nissan%20Oppama");
    REQUIRE(is_search_result(r));
    CHECK(!json_body(r)["hits"].empty());
    auto stats = json_body(server.get("/api/stats"));
    CHECK(stats["articles"].get<std::size_t>() == before_ids.size());
    CHECK(server.healthy());
}

TEST_CASE("two indexers at once: the second is refused with a clear message, nothing is lost") {
    TempDir dir;
    const fs::path db = dir / "index";
    REQUIRE(run_indexer(db, {corpus_dir().string()}, dir / "first.log").code == 0);
    const fs::path big = dir / "big.jsonl";
    const fs::path small = dir / "small.jsonl";
    write_feed(big, synthetic_articles({"first-", 0, 6000, 3}));
    write_feed(small, synthetic_articles({"second-", 0, 20, 4}));

    bool refused_while_running = false;
    std::string second_output;
    {
        ChildProcess first(indexer_args(db, {big.string()}), dir / "first.log");
        // Let the first take the lock, then start the second while it still runs.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        REQUIRE_MESSAGE(first.running(), "the first indexer ended too soon to overlap");
        const auto second = run_indexer(db, {small.string()}, dir / "second.log");
        second_output = read_file(dir / "second.log");
        refused_while_running = first.running();
        CHECK(second.exited);
        CHECK(second.code == 2);
        CHECK_MESSAGE(second_output.find("locked") != std::string::npos,
                      "no clear lock message: " << second_output.substr(0, 300));
        const auto first_status = first.wait_for(std::chrono::minutes(5));
        REQUIRE(first_status.has_value());
        CHECK(first_status->code == 0);
    }
    MESSAGE("second indexer said: " << second_output.substr(0, 300));
    CHECK(refused_while_running);
    // Nothing lost: the first run is whole, and the refused one succeeds when run again.
    REQUIRE(run_indexer(db, {small.string()}, dir / "second.log").code == 0);
    const auto ids = index_ids(db);
    std::size_t first_ids = 0, second_ids = 0;
    for (const auto& id : ids) {
        first_ids += id.starts_with("first-") ? 1 : 0;
        second_ids += id.starts_with("second-") ? 1 : 0;
    }
    CHECK(first_ids == 6000);
    CHECK(second_ids == 20);
}
