#include "core/search/match_counter.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/index/schema.hpp"
#include "core/search/date_buckets.hpp"

namespace news {
namespace {

// Numbers each distinct value of a slot; `ids[did]` receives the number (docids are dense).
std::vector<std::string> number_values(const Xapian::Database& db, Xapian::valueno slot,
                                       std::vector<std::uint32_t>& ids) {
    std::unordered_map<std::string, std::uint32_t> numbers;
    std::vector<std::string> names;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const auto [pos, fresh] =
            numbers.try_emplace(*it, static_cast<std::uint32_t>(names.size()));
        if (fresh) names.push_back(*it);
        ids[it.get_docid()] = pos->second;
    }
    return names;
}

// Each dated article's month, numbered densely in date order into `ids`; the months and the
// span of days, which are read from the values themselves because Xapian's slot bounds can stay
// wider than the articles left after some are removed.
std::vector<int> number_months(const Xapian::Database& db, std::vector<std::uint32_t>& ids,
                               std::optional<DateSpan>& span) {
    std::vector<int> by_doc(ids.size(), -1);
    std::vector<int> keys;
    for (auto it = db.valuestream_begin(schema::kSlotDate);
         it != db.valuestream_end(schema::kSlotDate); ++it) {
        const long days = std::lround(Xapian::sortable_unserialise(*it));
        if (!span) span = DateSpan{days, days, 0};
        span->first = std::min(span->first, days);
        span->last = std::max(span->last, days);
        ++span->articles;
        if (const auto month = day_month(days)) {
            by_doc[it.get_docid()] = *month;
            keys.push_back(*month);
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t did = 0; did < by_doc.size(); ++did) {
        if (by_doc[did] < 0) continue;
        const auto pos = std::lower_bound(keys.begin(), keys.end(), by_doc[did]);
        ids[did] = static_cast<std::uint32_t>(pos - keys.begin());
    }
    return keys;
}

// The terms of a query that is a term or an AND of terms (nested ANDs and weight scaling
// included); false for anything else.
bool and_of_terms(const Xapian::Query& q, std::vector<std::string>& terms) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
            terms.push_back(*q.get_terms_begin());
            return true;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SCALE_WEIGHT:
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                if (!and_of_terms(q.get_subquery(i), terms)) return false;
            }
            return q.get_num_subqueries() > 0;
        default:
            return false;
    }
}

// Leapfrog intersection: the rarest list leads, the others skip to its docid.
void count_intersection(const Xapian::Database& db, std::vector<std::string> terms,
                        MatchCounter& counter) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    // Each term's frequency looked up once (a B-tree read), not per comparison.
    std::vector<std::pair<Xapian::doccount, const std::string*>> by_freq;
    for (const auto& t : terms) by_freq.emplace_back(db.get_termfreq(t), &t);
    std::sort(by_freq.begin(), by_freq.end());
    if (by_freq.empty() || by_freq.front().first == 0) return;
    std::vector<Xapian::PostingIterator> lists;
    for (const auto& [freq, t] : by_freq) lists.push_back(db.postlist_begin(*t));
    const Xapian::PostingIterator end;
    auto& lead = lists.front();
    while (lead != end) {
        const Xapian::docid did = *lead;
        Xapian::docid ahead = did;
        for (std::size_t k = 1; k < lists.size(); ++k) {
            lists[k].skip_to(did);
            if (lists[k] == end) return;
            if (*lists[k] != did) {
                ahead = *lists[k];
                break;
            }
        }
        if (ahead == did) {
            counter.count(did);
            ++lead;
        } else {
            lead.skip_to(ahead);
        }
    }
}

}  // namespace

bool count_directly(const Xapian::Database& db, const Xapian::Query& query, MatchCounter& counter) {
    if (query.get_type() == Xapian::Query::LEAF_MATCH_ALL) {
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) counter.count(*it);
        return true;
    }
    std::vector<std::string> terms;
    if (!and_of_terms(query, terms)) return false;
    count_intersection(db, std::move(terms), counter);
    return true;
}

RevisionTables::RevisionTables(const Xapian::Database& db)
    : sources_(db.get_lastdocid() + 1, kNone),
      clusters_(db.get_lastdocid() + 1, kNone),
      months_(db.get_lastdocid() + 1, kNone) {
    source_names_ = number_values(db, schema::kSlotSource, sources_);
    month_keys_ = number_months(db, months_, date_span_);
    // Ranking needs every match's length; Xapian looks each one up in a B-tree.
    lengths_.assign(sources_.size(), 0);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        lengths_[*it] = it.get_doclength();
    }

    std::vector<std::uint32_t> keys(clusters_.size(), kNone);
    const auto key_count = number_values(db, schema::kSlotCluster, keys).size();
    std::vector<std::uint32_t> members(key_count, 0);
    for (const auto k : keys) {
        if (k != kNone) ++members[k];
    }
    // Only clusters of two or more articles collapse anything; they are renumbered densely.
    std::vector<std::uint32_t> dense(key_count, kNone);
    for (std::size_t did = 0; did < keys.size(); ++did) {
        const auto k = keys[did];
        if (k == kNone || members[k] < 2) continue;
        if (dense[k] == kNone) {
            dense[k] = static_cast<std::uint32_t>(cluster_count_++);
            members_.emplace_back();
        }
        clusters_[did] = dense[k];
        members_[dense[k]].push_back(static_cast<Xapian::docid>(did));
    }
    std::size_t repeats = 0;
    for (const auto& m : members_) repeats += m.size() - 1;
    const auto articles = static_cast<double>(db.get_doccount());
    if (articles > static_cast<double>(repeats)) {
        articles_per_result_ = articles / (articles - static_cast<double>(repeats));
    }
    // Read in docid order, a value stream costs a small fraction of a lookup per document.
    summaries_.assign(clusters_.size(), {0, 0});
    for (auto it = db.valuestream_begin(schema::kSlotSummary);
         it != db.valuestream_end(schema::kSlotSummary); ++it) {
        if (cluster_of(it.get_docid()) == kNone) continue;
        const std::string value = *it;
        summaries_[it.get_docid()] = {summary_text_.size(), summary_text_.size() + value.size()};
        summary_text_ += value;
    }
}

MatchCounter::MatchCounter(const RevisionTables& tables, bool collapse)
    : tables_(tables),
      per_source_(tables.source_names().size(), 0),
      per_month_(tables.month_keys().size(), 0),
      cluster_seen_(tables.cluster_count(), false),
      cluster_dated_(collapse ? tables.cluster_count() : 0, false),
      collapse_(collapse) {}

void MatchCounter::operator()(const Xapian::Document& doc, double) {
    count(doc.get_docid());
}

void MatchCounter::count(Xapian::docid did) {
    ++matches_;
    if (const auto s = tables_.source_of(did); s != RevisionTables::kNone) ++per_source_[s];
    const auto c = tables_.cluster_of(did);
    if (c != RevisionTables::kNone) {
        if (cluster_seen_[c]) {
            ++repeats_;
        } else {
            cluster_seen_[c] = true;
        }
    }
    const auto m = tables_.month_of(did);
    if (m == RevisionTables::kNone) return;
    // A cluster's month is its first dated article's: a date filter leaves the undated out.
    if (collapse_ && c != RevisionTables::kNone) {
        if (cluster_dated_[c]) return;
        cluster_dated_[c] = true;
    }
    ++per_month_[m];
}

nlohmann::json MatchCounter::sources(std::size_t limit) const {
    std::vector<std::size_t> order(per_source_.size());
    std::iota(order.begin(), order.end(), 0);
    const auto& names = tables_.source_names();
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return per_source_[a] != per_source_[b] ? per_source_[a] > per_source_[b]
                                                : names[a] < names[b];
    });
    nlohmann::json out = nlohmann::json::array();
    for (const auto i : order) {
        if (per_source_[i] == 0 || out.size() >= limit) break;
        out.push_back({{"value", names[i]}, {"count", per_source_[i]}});
    }
    return out;
}

nlohmann::json MatchCounter::published() const {
    return date_buckets(tables_.month_keys(), per_month_);
}

}  // namespace news
