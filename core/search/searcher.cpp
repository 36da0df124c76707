#include "core/search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/index/schema.hpp"
#include "core/model/published_date.hpp"
#include "core/search/api_error.hpp"
#include "core/search/article_cache.hpp"
#include "core/search/highlight.hpp"
#include "core/search/match_counter.hpp"
#include "core/search/passage.hpp"
#include "core/search/per_revision.hpp"
#include "core/search/query_builder.hpp"
#include "core/search/ranking.hpp"
#include "core/search/similar_query.hpp"
#include "core/search/stored_hit.hpp"
#include "core/search/term_ranker.hpp"
#include "core/search/vocabulary.hpp"
#include "core/text/percent_encode.hpp"

namespace news {
namespace {

using nlohmann::json;

// Documents matching every word must outrank those matching some (adaptive matching): their
// AND weight is scaled far above anything an OR-only match can reach.
constexpr double kAllWordsBoost = 100.0;
constexpr int kMaxDuplicatesListed = 10;
constexpr std::size_t kMaxFacetValues = 100;

// Matches every document, built afresh each time: Xapian::Query::MatchAll is one global object
// whose reference count is not atomic, and copies of it made on several threads at once
// corrupted it (the server crashed under load).
Xapian::Query match_all() {
    return Xapian::Query(std::string());
}
constexpr std::size_t kTitleLength = 400;

std::string term(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    t += value;
    return t;
}

// The article's JSON: in its value slot, or (an index written before the slot) the data.
std::string stored_article(const Xapian::Document& doc) {
    std::string stored = doc.get_value(schema::kSlotArticle);
    return stored.empty() ? doc.get_data() : stored;
}

// When the indexer wrote the article (schema::kSlotIndexed); none in indexes from before it.
std::optional<std::string> indexed_time(const Xapian::Document& doc) {
    auto at = doc.get_value(schema::kSlotIndexed);
    if (at.empty()) return std::nullopt;
    return at;
}

json parse_article(const Xapian::Document& doc) {
    return json::parse(stored_article(doc), nullptr, /*allow_exceptions=*/false);
}

bool has_unknown_term(const Xapian::Database& db, const Xapian::Query& query) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        if (db.get_termfreq(*it) == 0) return true;
    }
    return false;
}

// One copy of each revision's tables and vocabulary for every Searcher of the process.
PerRevision<const RevisionTables>& shared_tables() {
    static PerRevision<const RevisionTables> cache;
    return cache;
}
PerRevision<const Vocabulary>& shared_vocabularies() {
    static PerRevision<const Vocabulary> cache;
    return cache;
}
PerRevision<ArticleCache>& shared_articles() {
    static PerRevision<ArticleCache> cache;
    return cache;
}

}  // namespace

struct Searcher::Impl {
    SearcherOptions options;
    Xapian::Database db;
    SpellingVariants variants;
    std::shared_ptr<const Vocabulary> vocabulary;  // taken on first use for a revision
    std::shared_ptr<const RevisionTables> tables;  // likewise
    std::shared_ptr<ArticleCache> articles;        // likewise

    explicit Impl(SearcherOptions o) : options(std::move(o)) {
        try {
            db = Xapian::Database(options.index_dir);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw ApiError::not_ready("no index has been built yet");
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw ApiError::not_ready(std::string("the index cannot be opened: ") + e.get_type());
        } catch (const Xapian::Error& e) {
            throw ApiError::not_ready(std::string("the index is unreadable or corrupt: ") +
                                      e.get_type());
        }
        load_revision_data();
    }

    void load_revision_data() {
        variants = parse_variants(db.get_metadata(std::string(schema::kMetaSpellingVariants)));
        vocabulary.reset();
        tables.reset();
        articles.reset();
    }

    void refresh() {
        if (db.reopen()) load_revision_data();
    }

    // Runs `fn`, and once more on a fresh revision if the indexer replaced the one being read.
    template <typename Fn>
    auto with_retry(Fn&& fn) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            db.reopen();
            load_revision_data();
            return fn();
        }
    }

    const RevisionTables& revision_tables() {
        if (!tables) {
            tables =
                shared_tables().get(db, [&] { return std::make_unique<const RevisionTables>(db); });
        }
        return *tables;
    }

    // The stored article of a docid from this revision's posting lists (so no need to check
    // it exists), read from the index once per revision while the cache has room.
    ArticleCache::Text article_text(Xapian::docid did) {
        if (!articles) {
            articles = shared_articles().get(
                db, [&] { return std::make_unique<ArticleCache>(options.article_cache_bytes); });
        }
        return articles->get(
            did, [&] { return stored_article(db.get_document(did, Xapian::DOC_ASSUME_VALID)); });
    }

    const Vocabulary& vocab() {
        if (!vocabulary) {
            vocabulary = shared_vocabularies().get(
                db, [&] { return std::make_unique<const Vocabulary>(db); });
        }
        return *vocabulary;
    }

    // The vocabulary (a sorted copy of the spelling table) is built only for a query that
    // expands a prefix: a wildcard, or a partial last word.
    QueryContext context(std::string_view text, bool partial) {
        static const Vocabulary none;
        const bool expands = partial || text.find('*') != std::string_view::npos;
        return QueryContext{db, expands ? vocab() : none, variants, options.limits};
    }

    std::optional<Xapian::docid> find(std::string_view id) {
        auto it = db.postlist_begin(term(schema::kId, id));
        if (it == db.postlist_end(term(schema::kId, id))) return std::nullopt;
        return *it;
    }

    // From the revision's summaries in memory; indexes written before the summary slot have
    // only the whole article.
    std::optional<StoredHit> duplicate_summary(const RevisionTables& tables, Xapian::docid did) {
        if (const auto summary = tables.summary_of(did); !summary.empty())
            return read_stored_hit(summary, false);
        return read_stored_hit(stored_article(db.get_document(did, Xapian::DOC_ASSUME_VALID)),
                               false);
    }

    json duplicates_of(Xapian::docid self) {
        json out = json::array();
        const RevisionTables& tables = revision_tables();
        const auto cluster = tables.cluster_of(self);
        if (cluster == RevisionTables::kNone) return out;
        for (const Xapian::docid did : tables.members(cluster)) {
            if (did == self) continue;
            auto d = duplicate_summary(tables, did);
            if (!d) continue;
            json entry = json::object();
            auto& o = entry.get_ref<json::object_t&>();
            o.emplace("id", std::move(d->id));
            o.emplace("source", std::move(d->source));
            o.emplace("title", std::move(d->title));
            out.push_back(std::move(entry));
            if (static_cast<int>(out.size()) >= kMaxDuplicatesListed) break;
        }
        return out;
    }

    // `title_words` marks the title: the body's words and those sought in the title alone.
    json hit(const RankedHit& item, std::size_t length, const QueryWords& words,
             const QueryWords& title_words, bool with_duplicates) {
        auto d = read_stored_hit(*article_text(item.did)).value_or(StoredHit{});
        const std::vector<std::string_view> paragraphs(d.paragraphs.begin(), d.paragraphs.end());
        d.title.resize(std::min(d.title.size(), kTitleLength));
        // Member by member, moving each value in: an initializer list copies every value.
        json h = json::object();
        auto& o = h.get_ref<json::object_t&>();
        o.emplace("title", highlight_all(title_words, d.title));
        o.emplace("source", std::move(d.source));
        o.emplace("authors", std::move(d.authors));
        o.emplace("published_text", std::move(d.published_text));
        o.emplace("published", std::move(d.published));
        o.emplace("score", item.weight);
        o.emplace("percent", item.percent);
        o.emplace("snippet",
                  snippet(words, best_passage(paragraphs, words.needles(), length), length));
        o.emplace("url", "/api/articles/" + percent_encode(d.id));
        o.emplace("id", std::move(d.id));
        if (with_duplicates) h["duplicates"] = duplicates_of(item.did);
        return h;
    }

    Xapian::Query text_query(const SearchParams& p, std::string_view text, ParsedQuery* first) {
        const QueryContext ctx = context(text, p.partial);
        if (p.op == MatchOp::Or) {
            *first = parse_query(text, Xapian::Query::OP_OR, p.partial, ctx);
            return first->query;
        }
        *first = parse_query(text, Xapian::Query::OP_AND, p.partial, ctx);
        return first->query;
    }

    struct Outcome {
        std::vector<RankedHit> page;  // the hits shown, in order
        std::size_t total = 0;        // exact, after collapsing when asked for
        json sources;                 // exact article counts per source over the whole match set
        json published;               // and by year or month
    };

    Outcome run(const Xapian::Query& query, const Xapian::Query& filter, const SearchParams& p) {
        const RevisionTables& tables = revision_tables();
        const bool collapse = p.collapse && tables.cluster_count() > 0;
        const auto first = static_cast<Xapian::doccount>((p.page - 1) * p.per_page);
        const auto wanted = static_cast<Xapian::doccount>(p.per_page);
        MatchCounter counter(tables, collapse);
        Outcome out;
        const auto terms =
            p.sort == SortOrder::Relevance ? as_term_query(query, filter) : std::nullopt;
        if (terms) {
            out.page = rank_terms(db, *terms, tables, counter, collapse, first, wanted);
        } else {
            rank_with_xapian(query, filter, p, tables, counter, collapse, first, wanted, out);
        }
        out.total = collapse ? counter.collapsed() : counter.matches();
        out.sources = counter.sources(kMaxFacetValues);
        out.published = counter.published();
        return out;
    }

    // Any query term_ranker does not handle, ranked by Xapian's matcher. Where the posting lists
    // alone cannot count it (a phrase, an OR, a wildcard), the ranked pass counts it too: with
    // check_at_least covering the whole database the match spy sees every match, so a phrase's
    // positions are read once instead of once to count and again to rank.
    void rank_with_xapian(const Xapian::Query& query, const Xapian::Query& filter,
                          const SearchParams& p, const RevisionTables& tables,
                          MatchCounter& counter, bool collapse, Xapian::doccount first,
                          Xapian::doccount wanted, Outcome& out) {
        Xapian::Query q = query.empty() ? match_all() : query;
        if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        // With no words to rank by (a filter alone), relevance says nothing: newest first.
        if (p.sort == SortOrder::Date || query.empty()) {
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
        }
        Xapian::doccount check_all = 0;
        if (!count_directly(db, q, counter)) {
            enquire.add_matchspy(&counter);
            check_all = db.get_doccount();
        }
        if (!collapse) {
            const Xapian::MSet mset = enquire.get_mset(first, wanted, check_all);
            for (auto it = mset.begin(); it != mset.end(); ++it) out.page.push_back(ranked(it));
            return;
        }
        collapse_page(enquire, tables, first, wanted, counter, check_all, out);
    }

    static RankedHit ranked(const Xapian::MSetIterator& it) {
        return {*it, it.get_weight(), it.get_percent()};
    }

    // Collapsing by the in-memory cluster table, not Xapian's collapse key: that reads a value
    // from every candidate document. Enough ranked hits are fetched, uncollapsed, for the page to
    // survive collapsing (the match set's own ratio of matches to collapsed results tells how
    // many, or the whole index's while this pass is still counting), and more when that was not
    // enough. The first of each cluster in rank order stays, as with Xapian's collapse.
    // `check_all` is non-zero when this pass counts for `counter`; a wider pass after it must
    // not count again.
    void collapse_page(Xapian::Enquire& enquire, const RevisionTables& tables,
                       Xapian::doccount first, Xapian::doccount wanted, const MatchCounter& counter,
                       Xapian::doccount check_all, Outcome& out) {
        const Xapian::doccount need = first + wanted;
        const double ratio =
            check_all != 0 ? tables.articles_per_result()
            : counter.collapsed() == 0
                ? 1.0
                : static_cast<double>(counter.matches()) / static_cast<double>(counter.collapsed());
        auto fetch = static_cast<Xapian::doccount>(need * ratio * 1.1) + 3;
        for (;;) {
            const Xapian::MSet mset = enquire.get_mset(0, fetch, check_all);
            if (check_all != 0) {
                enquire.clear_matchspies();
                check_all = 0;
            }
            out.page.clear();
            std::unordered_set<std::uint32_t> seen;
            Xapian::doccount kept = 0;
            for (auto it = mset.begin(); it != mset.end() && kept < need; ++it) {
                const auto c = tables.cluster_of(*it);
                if (c != RevisionTables::kNone && !seen.insert(c).second) continue;
                if (kept++ >= first) out.page.push_back(ranked(it));
            }
            if (kept >= need || mset.size() < fetch) return;
            fetch *= 2;
        }
    }

    // The articles `p.q` finds, and the query that found them (its words are highlighted).
    struct Answer {
        Outcome outcome;
        Xapian::Query query;
        ParsedQuery parsed;
    };

    Answer answer(const SearchParams& p, const Xapian::Query& filter) {
        Answer a;
        a.query = text_query(p, p.q, &a.parsed);
        a.outcome = run(a.query, filter, p);
        const auto wanted = static_cast<Xapian::doccount>(p.per_page);
        if (p.op == MatchOp::Adaptive && !a.query.empty() && a.outcome.total < wanted) {
            // Too few articles hold every word: add those with most of them, ranked after.
            ParsedQuery loose =
                parse_query(p.q, Xapian::Query::OP_OR, p.partial, context(p.q, p.partial));
            const Xapian::Query all(Xapian::Query::OP_SCALE_WEIGHT, a.query, kAllWordsBoost);
            a.query = Xapian::Query(Xapian::Query::OP_OR, all, loose.query);
            // A long question: add the words its best matches share (core/search/ranking.hpp);
            // not when sorting by date, where they would mix in among the user's own matches.
            if (!p.partial && p.sort == SortOrder::Relevance && wants_feedback(loose.query, p.q))
                a.query = with_feedback(db, a.query, filter, vocab());
            a.outcome = run(a.query, filter, p);
        }
        return a;
    }

    json search(const SearchParams& p) {
        const auto started = std::chrono::steady_clock::now();
        const Xapian::Query filter = build_filter(p);
        std::optional<std::string> corrected, suggestion;
        Answer result = answer(p, filter);

        // The spelling table is consulted only when the query found too little and has a word
        // the index does not hold: it costs an edit-distance search per word, more than the
        // search itself.
        const auto wanted = static_cast<std::size_t>(p.per_page);
        const std::string fix =
            result.outcome.page.size() < wanted && has_unknown_term(db, result.query)
                ? spelling_correction(p.q, p.partial, context(p.q, p.partial))
                : std::string();
        if (!fix.empty() && fix != p.q) {
            if (result.outcome.page.empty()) {
                // Answered as if the user had typed the correction, adaptive fallback included.
                SearchParams again = p;
                again.q = fix;
                Answer second = answer(again, filter);
                if (!second.outcome.page.empty()) {
                    result = std::move(second);
                    corrected = fix;
                }
            }
            if (!corrected) suggestion = fix;
        }

        const QueryWords words(result.query);
        const auto own_title_words = QueryWords::with_field(result.query, schema::kTitle);
        const QueryWords& title_words = own_title_words ? *own_title_words : words;
        json hits = json::array();
        for (const RankedHit& item : result.outcome.page) {
            hits.push_back(
                hit(item, static_cast<std::size_t>(p.snippet_length), words, title_words, true));
        }
        const double took =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        const std::size_t total = result.outcome.total;
        json out = {
            {"query", p.q},
            {"corrected_query", corrected ? json(*corrected) : json(nullptr)},
            {"suggestion", suggestion ? json(*suggestion) : json(nullptr)},
            {"total", {{"estimated", total}, {"lower_bound", total}, {"upper_bound", total}}},
            {"page", p.page},
            {"per_page", p.per_page},
            {"took_ms", took},
            {"facets",
             {{"source", std::move(result.outcome.sources)},
              {"published", std::move(result.outcome.published)}}},
            {"hits", std::move(hits)}};
        if (result.parsed.expansion_capped) {
            out["warnings"] = json::array({"a wildcard matched more words than the limit of " +
                                           std::to_string(options.limits.max_wildcard_expansion) +
                                           "; the most frequent were used"});
        }
        return out;
    }

    json article(std::string_view id, std::optional<std::string_view> q) {
        const auto did = find(id);
        if (!did) throw ApiError::not_found("no article with id '" + std::string(id) + "'");
        const Xapian::Document doc = db.get_document(*did);
        json out = parse_article(doc);
        out["cluster"] = doc.get_value(schema::kSlotCluster);
        out["duplicates"] = duplicates_of(*did);
        const auto indexed = indexed_time(doc);
        out["indexed"] = indexed ? json(*indexed) : json(nullptr);
        if (q && !q->empty()) {
            const QueryContext ctx = context(*q, false);
            Xapian::Query query = parse_query(*q, Xapian::Query::OP_OR, false, ctx).query;
            // Opened from an answer to a corrected query (`Foxcon`): mark what the search found.
            if (has_unknown_term(db, query)) {
                if (const std::string fix = spelling_correction(*q, false, ctx); !fix.empty()) {
                    query = Xapian::Query(Xapian::Query::OP_OR, query,
                                          parse_query(fix, Xapian::Query::OP_OR, false, ctx).query);
                }
            }
            const QueryWords words(query);
            json headings = json::array(), paragraphs = json::array();
            for (const auto& h : out.value("headings", json::array())) {
                headings.push_back(highlight_all(words, h.value("text", "")));
            }
            for (const auto& para : out.value("paragraphs", json::array())) {
                paragraphs.push_back(
                    highlight_all(words, para.is_string() ? para.get<std::string>() : ""));
            }
            const auto own_title_words = QueryWords::with_field(query, schema::kTitle);
            const QueryWords& title_words = own_title_words ? *own_title_words : words;
            out["highlighted"] = {{"title", highlight_all(title_words, out.value("title", ""))},
                                  {"headings", std::move(headings)},
                                  {"paragraphs", std::move(paragraphs)}};
        }
        return out;
    }

    json similar(std::string_view id, int limit) {
        const auto did = find(id);
        if (!did) throw ApiError::not_found("no article with id '" + std::string(id) + "'");
        const Xapian::Document doc = db.get_document(*did);
        const Xapian::Query related = similar_query(db, *did, vocab());
        json hits = json::array();
        if (!related.empty()) {
            Xapian::Enquire enquire(db);
            std::vector<Xapian::Query> exclude{Xapian::Query(term(schema::kId, id))};
            if (const std::string c = doc.get_value(schema::kSlotCluster); !c.empty()) {
                exclude.emplace_back(term(schema::kClusterFilter, c));
            }
            const QueryWords words(related);
            enquire.set_query(
                Xapian::Query(Xapian::Query::OP_AND_NOT, related,
                              Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end())));
            enquire.set_collapse_key(schema::kSlotCluster);
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
            for (auto it = mset.begin(); it != mset.end(); ++it)
                hits.push_back(hit(ranked(it), 200, words, words, false));
        }
        return {{"id", std::string(id)}, {"hits", std::move(hits)}};
    }

    // The first and last date of the dated articles, or null when none has a date: what a date
    // filter can offer.
    json date_span() {
        const auto& span = revision_tables().date_span();
        if (!span) return nullptr;
        const auto first_date = days_iso_date(span->first);
        const auto last_date = days_iso_date(span->last);
        if (!first_date || !last_date) return nullptr;
        return {{"first", *first_date}, {"last", *last_date}, {"articles", span->articles}};
    }

    json stats() {
        std::size_t clusters = 0;
        const std::string prefix(schema::kClusterFilter);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            if (it.get_termfreq() > 1) ++clusters;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(match_all());
        Xapian::ValueCountMatchSpy spy(schema::kSlotSource);
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, db.get_doccount());
        json sources = json::array();
        for (auto it = spy.top_values_begin(1000); it != spy.top_values_end(1000); ++it) {
            sources.push_back({{"value", *it}, {"count", it.get_termfreq()}});
        }
        const std::string last = last_indexed().value_or("");
        return {{"articles", db.get_doccount()},
                {"duplicate_clusters", clusters},
                {"sources", std::move(sources)},
                {"dates", date_span()},
                {"revision", db.get_revision()},
                {"last_indexed", last.empty() ? json(nullptr) : json(last)}};
    }

    std::optional<std::string> last_indexed() {
        auto last = db.get_metadata(std::string(schema::kMetaLastIndexed));
        if (last.empty()) return std::nullopt;
        return last;
    }

    std::optional<std::string> indexed_at(std::string_view id) {
        const auto did = find(id);
        if (!did) return std::nullopt;
        return indexed_time(db.get_document(*did, Xapian::DOC_ASSUME_VALID));
    }
};

Searcher::Searcher(SearcherOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

void Searcher::refresh() {
    impl_->refresh();
}

nlohmann::json Searcher::search(const SearchParams& params) {
    return impl_->with_retry([&] { return impl_->search(params); });
}

nlohmann::json Searcher::article(std::string_view id, std::optional<std::string_view> q) {
    return impl_->with_retry([&] { return impl_->article(id, q); });
}

nlohmann::json Searcher::similar(std::string_view id, int limit) {
    return impl_->with_retry([&] { return impl_->similar(id, limit); });
}

std::optional<std::string> Searcher::last_indexed() {
    return impl_->with_retry([&] { return impl_->last_indexed(); });
}

std::optional<std::string> Searcher::indexed_at(std::string_view id) {
    return impl_->with_retry([&] { return impl_->indexed_at(id); });
}

nlohmann::json Searcher::stats() {
    return impl_->with_retry([&] { return impl_->stats(); });
}

std::size_t Searcher::article_count() {
    return impl_->with_retry([&] { return static_cast<std::size_t>(impl_->db.get_doccount()); });
}

}  // namespace news
