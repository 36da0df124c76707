#include "core/search/term_ranker.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>

namespace news {
namespace {

bool leaf_terms(const Xapian::Query& q, std::vector<std::string>& out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out.push_back(*q.get_terms_begin());
        return true;
    }
    if (q.get_type() != Xapian::Query::OP_AND || q.get_num_subqueries() == 0) return false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
        out.push_back(*sub.get_terms_begin());
    }
    return true;
}

// Xapian::BM25Weight with its default parameters (k1 = 1, k2 = 0, k3 = 1, b = 0.5,
// min_normlen = 0.5) for a term of query frequency 1, its operations in Xapian's order so
// that weights agree to the last bit and ties rank as they would there.
class Bm25Term {
  public:
    Bm25Term(Xapian::doccount collection, Xapian::doccount termfreq, double average_length) {
        double tw = (collection - termfreq + 0.5) / (termfreq + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1;
        termweight_ = std::log(tw);
        termweight_ *= (kK3 + 1) * 1.0 / (kK3 + 1.0);
        termweight_ *= (kK1 + 1);
        len_factor_ = average_length == 0 ? 0 : 1 / average_length;
    }

    double sumpart(Xapian::termcount wdf, Xapian::termcount length) const {
        const double normlen = std::max(length * len_factor_, kMinNormlen);
        const double wdf_double = wdf;
        const double denom = kK1 * (normlen * kB + (1 - kB)) + wdf_double;
        return termweight_ * (wdf_double / denom);
    }

  private:
    static constexpr double kK1 = 1, kK3 = 1, kB = 0.5, kMinNormlen = 0.5;
    double termweight_ = 0;
    double len_factor_ = 0;
};

struct Candidate {
    double weight;
    Xapian::docid did;
    std::uint64_t key;  // the cluster, or the article itself
};

// Xapian's relevance order: higher weight first, equal weights by ascending docid.
bool ranks_before(const Candidate& a, const Candidate& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.did < b.did);
}

// The best `need` candidates with distinct keys, each key at its best candidate. Candidates are
// buffered and pruned in batches; once `need` keys are held, anything ranking below the worst
// of them can never enter (its key is either held at a better rank or outranked `need` times).
class TopByKey {
  public:
    explicit TopByKey(std::size_t need) : need_(need) {}

    void offer(double weight, Xapian::docid did, std::uint64_t key) {
        const Candidate c{weight, did, key};
        if (full_ && !ranks_before(c, floor_)) return;
        buffer_.push_back(c);
        if (buffer_.size() >= 2 * need_ + 64) prune();
    }

    std::vector<Candidate> ranked() {
        prune();
        std::sort(buffer_.begin(), buffer_.end(), ranks_before);
        return std::move(buffer_);
    }

  private:
    void prune() {
        std::sort(buffer_.begin(), buffer_.end(), [](const Candidate& a, const Candidate& b) {
            return a.key != b.key ? a.key < b.key : ranks_before(a, b);
        });
        buffer_.erase(
            std::unique(buffer_.begin(), buffer_.end(),
                        [](const Candidate& a, const Candidate& b) { return a.key == b.key; }),
            buffer_.end());
        if (buffer_.size() < need_) return;
        std::nth_element(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(need_ - 1),
                         buffer_.end(), ranks_before);
        buffer_.resize(need_);
        floor_ = buffer_.back();
        full_ = true;
    }

    std::size_t need_;
    std::vector<Candidate> buffer_;
    Candidate floor_{};
    bool full_ = false;
};

// Xapian's percentage: the weight over the greatest weight of the whole match set (every
// weighted term matches in an AND), with its rounding rules.
int percent_of(double weight, double greatest) {
    const double percent_factor = greatest > 0 ? 1.0 / greatest * 100.0 : 0;
    if (percent_factor == 0) return 100;
    const int p = static_cast<int>(weight * percent_factor + 100.0 * DBL_EPSILON);
    if (p > 100) return 100;
    if (p < 0) return 0;
    return p == 0 && weight > 0 ? 1 : p;
}

std::vector<RankedHit> finish(TopByKey& top, std::size_t first, double greatest) {
    std::vector<RankedHit> page;
    const auto ranked = top.ranked();
    for (std::size_t i = first; i < ranked.size(); ++i) {
        page.push_back({ranked[i].did, ranked[i].weight, percent_of(ranked[i].weight, greatest)});
    }
    return page;
}

}  // namespace

std::optional<TermQuery> as_term_query(const Xapian::Query& query, const Xapian::Query& filter) {
    TermQuery out;
    if (!leaf_terms(query, out.weighted)) return std::nullopt;
    auto sorted = out.weighted;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
    if (!filter.empty() && !leaf_terms(filter, out.filters)) return std::nullopt;
    return out;
}

std::vector<RankedHit> rank_terms(const Xapian::Database& db, const TermQuery& q,
                                  const RevisionTables& tables, MatchCounter& counter,
                                  bool collapse, std::size_t first, std::size_t wanted) {
    struct List {
        Xapian::doccount freq;
        const Bm25Term* weight;  // null for a filter term
        Xapian::PostingIterator it;
    };
    const Xapian::doccount collection = db.get_doccount();
    const double average_length = db.get_avlength();
    std::vector<Bm25Term> weights;
    weights.reserve(q.weighted.size());
    std::vector<List> lists;
    for (const auto& t : q.weighted) {
        const auto freq = db.get_termfreq(t);
        weights.emplace_back(collection, freq, average_length);
        lists.push_back({freq, &weights.back(), db.postlist_begin(t)});
    }
    for (const auto& t : q.filters)
        lists.push_back({db.get_termfreq(t), nullptr, db.postlist_begin(t)});
    // The rarest list leads the intersection, and Xapian sums the weights in this order too.
    std::stable_sort(lists.begin(), lists.end(),
                     [](const List& a, const List& b) { return a.freq < b.freq; });
    const std::size_t need = first + wanted;
    if (lists.empty() || lists.front().freq == 0 || need == 0) return {};

    TopByKey top(need);
    double greatest = 0;
    const Xapian::PostingIterator end;
    auto& lead = lists.front().it;
    while (lead != end) {
        const Xapian::docid did = *lead;
        Xapian::docid ahead = did;
        for (std::size_t k = 1; k < lists.size(); ++k) {
            lists[k].it.skip_to(did);
            if (lists[k].it == end) return finish(top, first, greatest);
            if (*lists[k].it != did) {
                ahead = *lists[k].it;
                break;
            }
        }
        if (ahead != did) {
            lead.skip_to(ahead);
            continue;
        }
        counter.count(did);
        const Xapian::termcount length = tables.length_of(did);
        double weight = 0;
        for (const auto& l : lists) {
            if (l.weight) weight += l.weight->sumpart(l.it.get_wdf(), length);
        }
        greatest = std::max(greatest, weight);
        const auto cluster = collapse ? tables.cluster_of(did) : RevisionTables::kNone;
        top.offer(weight, did,
                  cluster != RevisionTables::kNone ? cluster : (std::uint64_t{1} << 32) | did);
        ++lead;
    }
    return finish(top, first, greatest);
}

}  // namespace news
