#include "report/records.hpp"

#include <algorithm>
#include <iostream>

#include "report/rounds.hpp"

namespace bench::report {

std::string Records::meta_value(const std::string& key) const {
    for (const auto& [k, v] : meta) {
        if (k == key) return v;
    }
    return "";
}

const json* Records::find_query(const std::string& engine, const std::string& corpus, int c) const {
    for (const auto& q : query) {
        if (q.value("engine", "") == engine && q.value("corpus", "") == corpus &&
            q.value("concurrency", 0) == c) {
            return &q;
        }
    }
    return nullptr;
}

const json* Records::find_index(const std::string& engine, const std::string& corpus) const {
    for (const auto& i : index) {
        if (i.value("engine", "") == engine && i.value("corpus", "") == corpus) return &i;
    }
    return nullptr;
}

const json* Records::find_memory(const std::string& corpus, const std::string& phase) const {
    for (const auto& m : memory) {
        if (m.value("corpus", "") == corpus && m.value("phase", "") == phase) return &m;
    }
    return nullptr;
}

std::vector<std::string> Records::corpora() const {
    std::vector<std::string> out;
    auto add = [&](const std::vector<json>& lines) {
        for (const auto& l : lines) {
            const auto c = l.value("corpus", "");
            if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
    };
    add(index);
    add(query);
    return out;
}

Records read_records(std::istream& in) {
    Records r;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            std::cerr << "report: line " << line_no << " is not a JSON object, skipped\n";
            continue;
        }
        const auto kind = j.value("kind", "");
        if (kind == "index")
            r.index.push_back(j);
        else if (kind == "query")
            r.query.push_back(j);
        else if (kind == "clean")
            r.clean.push_back(j);
        else if (kind == "memory")
            r.memory.push_back(j);
        else if (kind == "relevance")
            r.relevance.push_back(j);
        else if (kind == "note")
            r.notes.push_back(j.value("text", ""));
        else if (kind == "meta")
            r.meta.emplace_back(j.value("key", ""), j.value("value", ""));
        else
            std::cerr << "report: line " << line_no << " has unknown kind \"" << kind << "\"\n";
    }
    r.query = merge_query_rounds(r.query);
    r.index = merge_index_runs(r.index);
    return r;
}

bool is_ours(const std::string& engine) {
    return engine.starts_with("news-search");
}

double num(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

}  // namespace bench::report
