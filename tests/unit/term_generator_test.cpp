// news::TermGenerator must give a document exactly the terms, wdf and positions that
// Xapian::TermGenerator gives it with the settings DocumentBuilder used before (English
// stemmer, STEM_ALL_Z, the English stopper with STOP_STEMMED): the index and so every search
// result depend on it. Compared on tricky text, on the sample corpus and on random text.

#include "core/index/term_generator.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/index/stopwords.hpp"
#include "tests/unit/document_terms.hpp"
#include "tests/unit/read_file.hpp"

namespace {

// One field of a document: text, wdf increment, prefix.
struct Field {
    std::string text;
    Xapian::termcount wdf_inc = 1;
    std::string prefix;
};

// What DocumentBuilder did before: Xapian's generator, fields 100 positions apart.
std::string with_xapian(const std::vector<Field>& fields) {
    Xapian::TermGenerator gen;
    gen.set_stemmer(Xapian::Stem("english"));
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    gen.set_stopper(&news::english_stopper());
    gen.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    Xapian::Document doc;
    gen.set_document(doc);
    for (const auto& f : fields) {
        gen.index_text(f.text, f.wdf_inc, f.prefix);
        gen.increase_termpos(100);
    }
    return news::testing::document_terms(doc) + "termpos " + std::to_string(gen.get_termpos());
}

std::string with_ours(news::TermGenerator& gen, const std::vector<Field>& fields) {
    Xapian::Document doc;
    gen.set_document(doc);
    for (const auto& f : fields) {
        gen.index_text(f.text, f.wdf_inc, f.prefix);
        gen.increase_termpos(100);
    }
    const auto pos = gen.get_termpos();
    gen.clear_document();
    return news::testing::document_terms(doc) + "termpos " + std::to_string(pos);
}

void check_same(news::TermGenerator& gen, const std::vector<Field>& fields) {
    const std::string expected = with_xapian(fields);
    const std::string actual = with_ours(gen, fields);
    CHECK_MESSAGE(actual == expected, "text: " << fields.front().text);
}

const char* const kTricky[] = {
    "U.S. U.K. U.S.A. u.s. U.S U.Sx A.b A.B.c Ph.D. E.U.'s I.B.M.x A. B. AB ABC",
    "AT&T R&D M&S O'Neil rock'n'roll don't '' 'quoted' x' 'x &x x& a&&b a''b",
    "C++ C# F# c+++ c++++ x+++++y fish+chips fish++ a+ +a ++ # #a a# a#b a+#+ a#+#+",
    "1,000.50 3.14; 1.2.3 1,2 1,a a,1 10;20 1;x 5'6 1'000 1&2 1.x x.1 1..2 1,,2 .5 5.",
    "_under_score__ _ __init__ snake_case CamelCase MiXeD ALLCAPS x_1 1_x",
    "end. end, end; end: end! end? end- -start (paren) [bracket] {brace} \"quote\"",
    "e-mail co-operation well-known 3-D T-shirt x--y a-b-c -- - --- ",
    "tabs\tand\nnewlines\r\nand\fform\vvertical \x01\x02 control\x7f del",
    "running runs ran runner runners' organisations generalisation's happily",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z the of and to in",
    "",
    "   ",
    "x",
    "A",
    "U.",
    "+",
    "C++",
    "1,",
    "a'",
    // Longer than Xapian's 64-byte limit (dropped, no position), exactly 64, and 65 via infix.
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa next",
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb next",
    "cccccccccccccccccccccccccccccccc'ccccccccccccccccccccccccccccccc next",
    "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T."
    "U.V.W.X.Y.Z.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O. next",
    // Not ASCII: Xapian's own generator does these, with the positions carried across.
    "naïve café Straße 東京 données — “quoted” ‘single’ O’Neil 5½ x\u200By",
};

}  // namespace

TEST_CASE("term generator: tricky ASCII and non-ASCII text as Xapian's") {
    news::TermGenerator gen(Xapian::Stem("english"));
    for (const char* text : kTricky) {
        check_same(gen, {{text, 1, ""}});
        check_same(gen, {{text, 3, "S"}, {text, 3, ""}, {text, 1, "XO"}, {"after", 1, "A"}});
    }
}

TEST_CASE("term generator: the sample corpus as Xapian's, memo emptied often or never") {
    for (const std::size_t max_memo : {std::size_t{7}, std::size_t{200'000}}) {
        news::TermGenerator gen(Xapian::Stem("english"), max_memo);
        std::size_t texts = 0;
        for (const auto& e : std::filesystem::directory_iterator(NEWS_CORPUS_DIR)) {
            const auto text = news::testing::read_file(e.path());
            check_same(gen, {{text.substr(0, 300), 3, "S"}, {text, 1, ""}});
            ++texts;
        }
        CHECK(texts > 3);
    }
}

TEST_CASE("term generator: random text as Xapian's") {
    // Random strings over the characters the rules care about, a few of them not ASCII.
    const std::vector<std::string> pieces = {
        "a", "B", "z",  "Q",  "0",  "7", "_", ".", ",",  ";",  "'",  "&",  "+",  "#", "-",
        " ", " ", "\n", "U.", "S.", "é", "’", "x", "ab", "CD", "++", "+#", "1,", "9."};
    std::mt19937 rng(20240607);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 40);
    news::TermGenerator gen(Xapian::Stem("english"), 50);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const std::size_t n = length(rng);
        // Half of the texts stay ASCII, so that the fast path is the one compared.
        const bool ascii_only = round % 2 == 0;
        while (text.size() < n) {
            const std::string& p = pieces[piece(rng)];
            if (ascii_only && static_cast<unsigned char>(p[0]) >= 0x80) continue;
            text += p;
        }
        check_same(gen, {{text, 1, round % 3 == 0 ? "S" : ""}, {text, 2, ""}});
    }
}

TEST_CASE("term generator: a word added without a position gets the same term and wdf") {
    news::TermGenerator gen(Xapian::Stem("english"));
    Xapian::Document doc;
    gen.set_document(doc);
    gen.index_text("Startups raised money", 1);
    const Xapian::termpos after_text = gen.get_termpos();
    gen.add_unpositioned("startups", 2);
    gen.add_unpositioned("startups", 3, "S");
    gen.add_unpositioned("", 1);
    gen.add_unpositioned(std::string(65, 'a'), 1);
    CHECK(gen.get_termpos() == after_text);
    gen.clear_document();
    std::map<std::string, std::pair<Xapian::termcount, Xapian::termcount>> terms;  // wdf, positions
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        terms[*t] = {t.get_wdf(), t.positionlist_count()};
    }
    CHECK(terms.at("Zstartup") == std::pair<Xapian::termcount, Xapian::termcount>{3, 1});
    CHECK(terms.at("ZSstartup") == std::pair<Xapian::termcount, Xapian::termcount>{3, 0});
    CHECK(terms.size() == 4);  // Zstartup, ZSstartup, Zrais, Zmoney
}
