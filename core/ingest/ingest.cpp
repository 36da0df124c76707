#include "core/ingest/ingest.hpp"

#include <filesystem>
#include <optional>
#include <unordered_set>

#include "core/clean/page_cleaner.hpp"
#include "core/dedupe/hash.hpp"
#include "core/index/schema.hpp"
#include "core/ingest/discover.hpp"
#include "core/ingest/file_reader.hpp"
#include "core/ingest/json_document.hpp"
#include "core/ingest/jsonl.hpp"
#include "core/ingest/xml_feed.hpp"
#include "core/text/utf8.hpp"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProgressEvery = 500;

class Run {
  public:
    Run(IndexWriter& w, const IngestOptions& o) : writer_(w), options_(o) {}

    void problem(InputProblem p) {
        switch (p.kind) {
            case InputProblem::Kind::warning:
                ++result_.warnings;
                break;
            case InputProblem::Kind::skipped_record:
                ++result_.skipped_records;
                break;
            case InputProblem::Kind::skipped_file:
                ++result_.skipped_files;
                break;
        }
        if (options_.on_problem) options_.on_problem(p);
        result_.problems.push_back(std::move(p));
    }

    void file(const InputFile& f) {
        ++result_.files_seen;
        if (options_.on_file) options_.on_file(f.path);
        const std::string key = IndexWriter::file_key(f.path);
        seen_.insert(key);
        switch (f.kind) {
            case InputKind::raw_page:
                return raw_page(f.path, key);
            case InputKind::json_lines:
                return json_lines(f.path, key);
            case InputKind::json_document:
                return feed_document(f.path, key, NonUtf8::repair, parse_json_document);
            case InputKind::xml_feed:
                return feed_document(f.path, key, NonUtf8::keep, parse_xml_feed);
        }
    }

    void prune(const std::vector<std::string>& roots) {
        for (const auto& known : writer_.known_files()) {
            if (seen_.contains(known.key)) continue;
            std::error_code ec;
            const bool gone = !fs::exists(known.key, ec);
            if (gone || under_any(known.key, roots)) writer_.remove_file(known.key);
        }
    }

    IngestResult take() { return std::move(result_); }

  private:
    static bool under_any(const std::string& key, const std::vector<std::string>& roots) {
        for (const auto& root : roots) {
            if (key.size() > root.size() && key.compare(0, root.size(), root) == 0 &&
                (root.back() == '/' || key[root.size()] == '/'))
                return true;
        }
        return false;
    }

    bool unchanged(const std::string& key, std::uint64_t hash) {
        const auto known = writer_.known_file(key);
        if (!known || known->hash != schema::versioned_hash(hash)) return false;
        writer_.keep_file(*known);
        return true;
    }

    void put(const Article& a) {
        writer_.put(a);
        if (++since_progress_ >= kProgressEvery && options_.on_progress) {
            since_progress_ = 0;
            options_.on_progress(writer_.counts());
        }
    }

    // A file read whole, when it is readable and changed since the last run (problems reported).
    std::optional<FileContent> read_changed(const std::string& path, const std::string& key,
                                            NonUtf8 policy = NonUtf8::repair) {
        FileContent c = read_text_file(path, policy);
        if (!c.error.empty()) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt, c.error});
            return std::nullopt;
        }
        if (unchanged(key, c.hash)) return std::nullopt;
        if (c.repaired) {
            problem({InputProblem::Kind::warning, path, std::nullopt,
                     "invalid UTF-8 (bad bytes replaced with U+FFFD)"});
        }
        return c;
    }

    void raw_page(const std::string& path, const std::string& key) {
        const auto content = read_changed(path, key);
        if (!content) return;
        const FileContent& c = *content;
        std::vector<Article> articles;
        const std::string origin = fs::path(path).filename().string();
        try {
            articles = clean_page(c.text, origin);
        } catch (const std::exception& e) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt,
                     std::string("cannot clean page: ") + e.what()});
            return;
        }
        if (articles.empty()) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt,
                     "no article found in the page"});
            return;
        }
        const std::string stem = fs::path(path).stem().string();
        writer_.begin_file(key, schema::versioned_hash(c.hash));
        for (std::size_t i = 0; i < articles.size(); ++i) {
            Article& a = articles[i];
            if (a.id.empty()) a.id = stem + "-" + std::to_string(a.origin_position);
            if (a.origin.empty()) a.origin = origin;
            put(a);
        }
        writer_.end_file();
    }

    void json_lines(const std::string& path, const std::string& key) {
        const FileScan scan = scan_file(path);
        if (!scan.error.empty()) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt, scan.error});
            return;
        }
        if (unchanged(key, scan.hash)) return;
        LineReader reader(path);
        if (!reader.ok()) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt, "cannot read file"});
            return;
        }
        const std::string origin = fs::path(path).filename().string();
        const std::size_t skipped_before = result_.skipped_records;
        writer_.begin_file(key, schema::versioned_hash(scan.hash));
        std::string line;
        while (reader.next(line)) {
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            const std::size_t n = reader.line_number();
            if (line.find('\0') != std::string::npos) {
                problem({InputProblem::Kind::skipped_record, path, n, "binary data (NUL bytes)"});
                continue;
            }
            if (!is_valid_utf8(line)) {
                problem({InputProblem::Kind::warning, path, n,
                         "invalid UTF-8 (bad bytes replaced with U+FFFD)"});
                line = repair_utf8(line);
            }
            record(parse_jsonl_line(line, origin), path, n, "");
        }
        // A file with skipped records is read again next run, so its problems are reported again.
        writer_.end_file(result_.skipped_records == skipped_before);
    }

    // A feed that is one document: a .json (parse_json_document) or an RSS or Atom file
    // (parse_xml_feed), each item a record.
    using ParseFeed = FeedDocument (*)(std::string_view text, std::string_view origin);
    void feed_document(const std::string& path, const std::string& key, NonUtf8 policy,
                       ParseFeed parse) {
        const auto content = read_changed(path, key, policy);
        if (!content) return;
        const FileContent& c = *content;
        FeedDocument doc = parse(c.text, fs::path(path).filename().string());
        for (auto& w : doc.warnings) {
            problem({InputProblem::Kind::warning, path, std::nullopt, std::move(w)});
        }
        if (!doc.error.empty()) {
            problem({InputProblem::Kind::skipped_file, path, std::nullopt, doc.error});
            return;
        }
        const std::size_t skipped_before = result_.skipped_records;
        writer_.begin_file(key, schema::versioned_hash(c.hash));
        for (std::size_t i = 0; i < doc.items.size(); ++i) {
            record(std::move(doc.items[i]), path, std::nullopt, "item " + std::to_string(i + 1));
        }
        writer_.end_file(result_.skipped_records == skipped_before);
    }

    // A feed record: its article indexed and its warnings reported, or its error. `where` names
    // the item of a feed document (whose line says nothing).
    void record(JsonlRecord r, const std::string& path, std::optional<std::size_t> line,
                const std::string& where) {
        const std::string prefix = where.empty() ? "" : where + ": ";
        if (!r.article) {
            problem({InputProblem::Kind::skipped_record, path, line, prefix + r.error});
            return;
        }
        for (auto& w : r.warnings) {
            problem({InputProblem::Kind::warning, path, line,
                     prefix + "record \"" + r.article->id + "\": " + std::move(w)});
        }
        put(*r.article);
    }

    IndexWriter& writer_;
    const IngestOptions& options_;
    IngestResult result_;
    std::unordered_set<std::string> seen_;
    std::size_t since_progress_ = 0;
};

}  // namespace

IngestResult ingest_inputs(IndexWriter& writer, std::span<const std::string> inputs,
                           const IngestOptions& options) {
    Run run(writer, options);
    Discovery d = discover_inputs(inputs);
    for (auto& p : d.problems) run.problem(std::move(p));
    for (const auto& f : d.files) run.file(f);
    if (options.prune) run.prune(d.roots);
    return run.take();
}

}  // namespace news
