#pragma once
// Exact counts over a whole match set, cheaply. Facet counts and the collapsed total must cover
// every matching article, not just the top hits; Xapian's own ValueCountMatchSpy and collapse
// key read a value from each matching document, which made counting most of a search's cost.
// The per-revision tables here answer "which source, which duplicate cluster" by docid from
// memory, so a counting pass over the matches does no document reads at all.

#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

// The first and last day (days since 1970-01-01) of the articles with a date, and how many.
struct DateSpan {
    long first = 0, last = 0;
    std::size_t articles = 0;
};

// Built once per index revision from the source, cluster and date value streams and the
// document lengths.
class RevisionTables {
  public:
    RevisionTables() = default;
    explicit RevisionTables(const Xapian::Database& db);

    static constexpr std::uint32_t kNone = UINT32_MAX;

    // Index into source_names(), or kNone when the article has no source.
    std::uint32_t source_of(Xapian::docid did) const { return at(sources_, did); }
    // A duplicate cluster with at least two articles, or kNone for an article on its own.
    std::uint32_t cluster_of(Xapian::docid did) const { return at(clusters_, did); }
    // The article's length in words (Xapian's document length), 0 for no article.
    Xapian::termcount length_of(Xapian::docid did) const {
        return did < lengths_.size() ? lengths_[did] : 0;
    }
    const std::vector<std::string>& source_names() const { return source_names_; }
    // Index into month_keys(), or kNone when the article has no date.
    std::uint32_t month_of(Xapian::docid did) const { return at(months_, did); }
    // The months (core/search/date_buckets.hpp's day_month) of the dated articles, ascending.
    const std::vector<int>& month_keys() const { return month_keys_; }
    // Nullopt when no article has a date.
    const std::optional<DateSpan>& date_span() const { return date_span_; }
    std::size_t cluster_count() const { return cluster_count_; }
    // The summary (core/index/document_builder.cpp) of an article in a cluster, read once per
    // revision so that listing duplicates reads no document; empty for any other article, or
    // for an index written before summaries.
    std::string_view summary_of(Xapian::docid did) const {
        if (did >= summaries_.size()) return {};
        const auto [begin, end] = summaries_[did];
        return std::string_view(summary_text_).substr(begin, end - begin);
    }
    // The articles of a cluster, in docid order (what a hit lists as its duplicates).
    const std::vector<Xapian::docid>& members(std::uint32_t cluster) const {
        return members_[cluster];
    }
    // Articles per result once clusters collapse, over the whole index (1 with no duplicates):
    // how many ranked hits a page needs before a query's own ratio is known.
    double articles_per_result() const { return articles_per_result_; }

  private:
    static std::uint32_t at(const std::vector<std::uint32_t>& v, Xapian::docid did) {
        return did < v.size() ? v[did] : kNone;
    }
    std::vector<std::uint32_t> sources_;                          // by docid
    std::vector<std::uint32_t> clusters_;                         // by docid
    std::vector<std::uint32_t> months_;                           // by docid
    std::vector<Xapian::termcount> lengths_;                      // by docid
    std::string summary_text_;                                    // every summary kept
    std::vector<std::pair<std::size_t, std::size_t>> summaries_;  // by docid, into summary_text_
    std::vector<std::string> source_names_;
    std::vector<int> month_keys_;
    std::optional<DateSpan> date_span_;
    std::vector<std::vector<Xapian::docid>> members_;  // by cluster
    std::size_t cluster_count_ = 0;
    double articles_per_result_ = 1.0;
};

// Sees every match of a counting pass: articles per source, results per month, and the number of
// results left once each duplicate cluster is collapsed to one article. With `collapse`, a
// month counts one dated article of each cluster, so that the months add up to the results a
// search lists (a cluster's articles mostly share a day); sources count every article, since a
// filter by outlet lists each outlet's copy.
class MatchCounter : public Xapian::MatchSpy {
  public:
    explicit MatchCounter(const RevisionTables& tables, bool collapse = false);

    void operator()(const Xapian::Document& doc, double weight) override;
    void count(Xapian::docid did);

    std::size_t matches() const { return matches_; }
    std::size_t collapsed() const { return matches_ - repeats_; }
    // [{"value", "count"}], most articles first (ties by name), at most `limit`.
    nlohmann::json sources(std::size_t limit) const;
    // The dated matches by decade, year or month (core/search/date_buckets.hpp), in date order.
    nlohmann::json published() const;

  private:
    const RevisionTables& tables_;
    std::vector<std::size_t> per_source_;
    std::vector<std::size_t> per_month_;
    std::vector<bool> cluster_seen_;
    std::vector<bool> cluster_dated_;  // clusters whose month is counted (when collapsing)
    bool collapse_;
    std::size_t matches_ = 0;
    std::size_t repeats_ = 0;  // matches whose cluster was already counted
};

// Counts the matches of `query` into `counter` by walking posting lists directly, when the query
// is one term, all documents, or an AND of terms (what most searches are): Xapian's matcher,
// even unweighted, spends several times more per match. False, counting nothing, for any other
// query; the caller then runs a counting pass through Xapian.
bool count_directly(const Xapian::Database& db, const Xapian::Query& query, MatchCounter& counter);

}  // namespace news
