#pragma once
// Ranked-retrieval metrics as trec_eval computes them: average precision (for MAP), nDCG@k with
// linear gains (the judgment grade) and the log2 discount, and precision@k. Relevant means
// grade >= 1; grade 0 is a judged non-relevant document, as is an unjudged one.

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace relevance {

// Document id -> grade for one query.
using Judgments = std::map<std::string, int>;

inline int grade_of(const Judgments& j, const std::string& doc) {
    const auto it = j.find(doc);
    return it == j.end() ? 0 : it->second;
}

// The ranking with repeats removed (a document counts once, at its first rank), so a faulty
// server cannot score twice for one document.
inline std::vector<std::string> first_occurrences(const std::vector<std::string>& ranking) {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& d : ranking) {
        if (seen.insert(d).second) out.push_back(d);
    }
    return out;
}

inline double average_precision(const std::vector<std::string>& ranking, const Judgments& j) {
    std::size_t relevant_total = 0;
    for (const auto& [doc, grade] : j) relevant_total += grade >= 1 ? 1 : 0;
    if (relevant_total == 0) return 0.0;
    const auto ranked = first_occurrences(ranking);
    double sum = 0.0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (grade_of(j, ranked[i]) >= 1) {
            ++found;
            sum += static_cast<double>(found) / static_cast<double>(i + 1);
        }
    }
    return sum / static_cast<double>(relevant_total);
}

inline double precision_at(const std::vector<std::string>& ranking, const Judgments& j,
                           std::size_t k) {
    const auto ranked = first_occurrences(ranking);
    std::size_t hits = 0;
    for (std::size_t i = 0; i < ranked.size() && i < k; ++i) hits += grade_of(j, ranked[i]) >= 1;
    return static_cast<double>(hits) / static_cast<double>(k);
}

inline double dcg(const std::vector<int>& gains, std::size_t k) {
    double sum = 0.0;
    for (std::size_t i = 0; i < gains.size() && i < k; ++i) {
        sum += gains[i] / std::log2(static_cast<double>(i) + 2.0);
    }
    return sum;
}

inline double ndcg_at(const std::vector<std::string>& ranking, const Judgments& j, std::size_t k) {
    std::vector<int> ideal;
    for (const auto& [doc, grade] : j) ideal.push_back(grade);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    const double best = dcg(ideal, k);
    if (best <= 0.0) return 0.0;
    std::vector<int> gains;
    for (const auto& d : first_occurrences(ranking)) gains.push_back(grade_of(j, d));
    return dcg(gains, k) / best;
}

}  // namespace relevance
