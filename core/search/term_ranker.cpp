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

// A phrase of plain terms whose window is its length (words side by side, in order: what the
// query parser makes of quotes). The API does not expose the window; the description does.
bool exact_phrase(const Xapian::Query& q, std::vector<std::string>& terms) {
    const std::size_t n = q.get_num_subqueries();
    if (q.get_type() != Xapian::Query::OP_PHRASE || n < 2) return false;
    if (q.get_description().find(" PHRASE " + std::to_string(n) + " ") == std::string::npos)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
        terms.push_back(*sub.get_terms_begin());
    }
    return true;
}

// Adds a term or an exact phrase to `out`; false for any other query.
bool add_scoring_part(const Xapian::Query& q, TermQuery& out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out.weighted.push_back(*q.get_terms_begin());
        return true;
    }
    std::vector<std::string> words;
    if (!exact_phrase(q, words)) return false;
    auto& phrase = out.phrases.emplace_back();
    for (auto& w : words) {
        phrase.push_back(out.weighted.size());
        out.weighted.push_back(std::move(w));
    }
    return true;
}

// Whether the words of a phrase (their position lists in one article, in phrase order) stand
// side by side somewhere: word i at p + i for some p. Each list skips to where a match could be.
bool side_by_side(std::vector<Xapian::PositionIterator>& words) {
    const Xapian::PositionIterator end;
    auto& head = words.front();
    while (head != end) {
        const Xapian::termpos p = *head;
        bool all = true;
        for (std::size_t i = 1; i < words.size(); ++i) {
            const auto want = p + static_cast<Xapian::termpos>(i);
            words[i].skip_to(want);
            if (words[i] == end) return false;
            if (*words[i] != want) {
                head.skip_to(*words[i] - static_cast<Xapian::termpos>(i));
                all = false;
                break;
            }
        }
        if (all) return true;
    }
    return false;
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
    if (query.get_type() == Xapian::Query::OP_AND) {
        if (query.get_num_subqueries() == 0) return std::nullopt;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            if (!add_scoring_part(query.get_subquery(i), out)) return std::nullopt;
        }
    } else if (!add_scoring_part(query, out)) {
        return std::nullopt;
    }
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
    for (const auto& t : q.filters) {
        lists.push_back({db.get_termfreq(t), nullptr, db.postlist_begin(t)});
    }
    // A phrase's words by their posting lists, before the lists are reordered.
    std::vector<std::vector<const Xapian::PostingIterator*>> phrases;
    // The rarest list leads the intersection, and Xapian sums the weights in this order too.
    std::vector<std::size_t> order(lists.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return lists[a].freq < lists[b].freq; });
    const std::size_t need = first + wanted;
    if (lists.empty() || lists[order.front()].freq == 0 || need == 0) return {};
    for (const auto& phrase : q.phrases) {
        auto& words = phrases.emplace_back();
        for (const auto t : phrase) words.push_back(&lists[t].it);
    }

    TopByKey top(need);
    double greatest = 0;
    std::vector<Xapian::PositionIterator> positions;
    const auto in_phrases = [&] {
        for (const auto& words : phrases) {
            positions.clear();
            for (const auto* w : words) positions.push_back(w->positionlist_begin());
            if (!side_by_side(positions)) return false;
        }
        return true;
    };
    const Xapian::PostingIterator end;
    auto& lead = lists[order.front()].it;
    while (lead != end) {
        const Xapian::docid did = *lead;
        Xapian::docid ahead = did;
        for (std::size_t k = 1; k < order.size(); ++k) {
            auto& it = lists[order[k]].it;
            it.skip_to(did);
            if (it == end) return finish(top, first, greatest);
            if (*it != did) {
                ahead = *it;
                break;
            }
        }
        if (ahead != did) {
            lead.skip_to(ahead);
            continue;
        }
        if (!phrases.empty() && !in_phrases()) {
            ++lead;
            continue;
        }
        counter.count(did);
        const Xapian::termcount length = tables.length_of(did);
        double weight = 0;
        for (const auto k : order) {
            const auto& l = lists[k];
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
