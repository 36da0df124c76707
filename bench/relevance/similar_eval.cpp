// Similar articles (GET /api/articles/{id}/similar), measured on the bench's news corpus cut
// into halves (halves.hpp): how high each first half finds its other half (MRR@5), and how
// many of its five neighbours share its section (P@5; BBC sections, Reuters as business).
//
// usage: similar_eval split --corpus FILE --out FILE [--articles N]
//          writes the corpus with N BBC articles (default 500, every fourth of those with four
//          paragraphs or more) replaced by their halves
//        similar_eval measure --port N --split FILE [--host H] [--min-mrr X]
//          asks a running server for the neighbours of every first half in FILE
// Exit status: 0 done, 1 MRR@5 below --min-mrr, 2 usage, input or server error.

#include <httplib.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "halves.hpp"

namespace {

using nlohmann::json;

[[noreturn]] void usage(const std::string& why) {
    std::cerr << "similar_eval: " << why << "\n"
              << "usage: similar_eval split --corpus FILE --out FILE [--articles N]\n"
                 "       similar_eval measure --port N --split FILE [--host H] [--min-mrr X]\n";
    std::exit(2);
}

struct Options {
    std::string command, corpus, out, split, host;
    int articles = 500, port = 0;
    std::optional<double> min_mrr;
};

Options parse_args(int argc, char** argv) {
    try {
        const bench::Args args(
            argc, argv,
            {"--corpus", "--out", "--split", "--host", "--articles", "--port", "--min-mrr"});
        if (args.positional().size() != 1) usage("one command: split or measure");
        Options o;
        o.command = args.positional()[0];
        o.corpus = args.str("--corpus");
        o.out = args.str("--out");
        o.split = args.str("--split");
        o.host = args.str("--host", "127.0.0.1");
        // std::stoll's own message names the function, not the option.
        const auto number = [&](const char* name, double fallback) {
            try {
                return args.number(name, fallback);
            } catch (const std::logic_error&) {
                usage(std::string("bad number after ") + name);
            }
        };
        o.articles = static_cast<int>(number("--articles", o.articles));
        o.port = static_cast<int>(number("--port", 0));
        if (args.has("--min-mrr")) o.min_mrr = number("--min-mrr", 0);
        if (o.command == "split" && (o.corpus.empty() || o.out.empty() || o.articles < 1))
            usage("split needs --corpus, --out and --articles >= 1");
        if (o.command == "measure" && (o.port <= 0 || o.split.empty()))
            usage("measure needs --port and --split");
        if (o.command != "split" && o.command != "measure") usage("unknown command " + o.command);
        return o;
    } catch (const std::invalid_argument& e) {  // an unknown option, or one without its value
        usage(e.what());
    }
}

int split(const Options& o) {
    std::ifstream in(o.corpus);
    if (!in) throw std::runtime_error("cannot read " + o.corpus);
    std::ofstream out(o.out);
    if (!out) throw std::runtime_error("cannot write " + o.out);
    int eligible = 0, cut = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const json record = json::parse(line);
        const std::string id = record.value("id", "");
        std::optional<std::pair<json, json>> halves;
        if (cut < o.articles && id.starts_with("bbc-")) {
            halves = relevance::split_halves(record, 4);
            if (halves && eligible++ % 4 != 0) halves.reset();
        }
        if (!halves) {
            out << line << '\n';
            continue;
        }
        out << halves->first.dump() << '\n' << halves->second.dump() << '\n';
        ++cut;
    }
    std::printf("cut %d articles in halves\n", cut);
    return cut > 0 ? 0 : 2;
}

std::vector<std::string> first_halves(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> ids;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const std::string id = json::parse(line).value("id", "");
        if (id.ends_with(relevance::kFirstHalf)) ids.push_back(id);
    }
    return ids;
}

int measure(const Options& o) {
    const auto ids = first_halves(o.split);
    if (ids.empty()) throw std::runtime_error(o.split + " holds no first half");
    httplib::Client client(o.host, o.port);
    client.set_keep_alive(true);
    client.set_read_timeout(30, 0);
    constexpr std::size_t k = 5;
    double rr = 0, in_section = 0;
    for (const auto& id : ids) {
        const auto res = client.Get("/api/articles/" + id + "/similar?limit=" + std::to_string(k));
        if (!res) throw std::runtime_error("no answer from the server for " + id);
        if (res->status != 200)
            throw std::runtime_error("HTTP " + std::to_string(res->status) + " for " + id);
        const json answer = json::parse(res->body);
        std::vector<std::string> ranking;
        for (const auto& h : answer.at("hits")) ranking.push_back(h.at("id").get<std::string>());
        const std::string other = id.substr(0, id.size() - relevance::kFirstHalf.size()) +
                                  std::string(relevance::kSecondHalf);
        rr += relevance::reciprocal_rank(ranking, other, k);
        const std::string section = relevance::section_of(id);
        for (std::size_t i = 0; i < ranking.size() && i < k; ++i)
            in_section += relevance::section_of(ranking[i]) == section ? 1 : 0;
    }
    const double n = static_cast<double>(ids.size());
    const double mrr = rr / n, p5 = in_section / (n * k);
    std::printf("similar articles over %zu halved articles\n", ids.size());
    std::printf(
        "| metric | value |\n|---|---|\n| other half, MRR@5 | %.4f |\n"
        "| same section, P@5 | %.4f |\n",
        mrr, p5);
    std::cout << json{{"kind", "similar"},
                      {"articles", ids.size()},
                      {"mrr5", std::round(mrr * 1e4) / 1e4},
                      {"section_p5", std::round(p5 * 1e4) / 1e4}}
                     .dump()
              << std::endl;
    if (o.min_mrr && mrr < *o.min_mrr) {
        std::cerr << "similar_eval: MRR@5 " << mrr << " is below the floor " << *o.min_mrr << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_args(argc, argv);
    try {
        return o.command == "split" ? split(o) : measure(o);
    } catch (const std::exception& e) {
        std::cerr << "similar_eval: " << e.what() << "\n";
        return 2;
    }
}
