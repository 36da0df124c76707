#include "core/ingest/jsonl_fast.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/ingest/jsonl.hpp"
#include "core/ingest/jsonl_fields.hpp"

namespace news {
namespace {

namespace dom = simdjson::dom;

// kAlias: the keys after the first of kBodyKeys, kIdKeys, kUrlKeys, kPublishedKeys and
// kAuthorKeys (in jsonl_fields.hpp) but "date" and "author": records with any of them go to
// nlohmann's path, which reads them.
enum Key { kId, kTitle, kBody, kSource, kAuthors, kAuthor, kUrl, kPublished, kDate, kAlias, kKeys };

template <std::size_t N>
bool is_alias(std::string_view key, const std::array<std::string_view, N>& keys) {
    return std::find(keys.begin() + 1, keys.end(), key) != keys.end();
}

int key_index(std::string_view key) {
    static constexpr std::array<std::string_view, kAlias> names = {
        "id", "title", "body", "source", "authors", "author", "url", "published", "date"};
    for (int k = 0; k < kAlias; ++k) {
        if (names[k] == key) return k;
    }
    if (is_alias(key, kBodyKeys) || is_alias(key, kIdKeys) || is_alias(key, kUrlKeys) ||
        is_alias(key, kPublishedKeys) || is_alias(key, kAuthorKeys)) {
        return kAlias;
    }
    return -1;
}

// The line without the JSON white space (space, tab, CR, LF) around the object.
std::string_view trim_json_space(std::string_view s) {
    const auto json_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && json_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && json_space(s.back())) s.remove_suffix(1);
    return s;
}

// A line both parsers read alike: \u escapes (lone surrogates, NUL) and raw control
// characters inside strings (which nlohmann rejects and simdjson lets through) go to
// nlohmann. Space around the object is JSON white space to both.
bool plain_line(std::string_view inner) {
    if (inner.find("\\u") != std::string_view::npos) return false;
    for (const char c : inner) {
        if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    return true;
}

// The fields of the record, each at most once; false when a key read here comes twice
// (nlohmann keeps the last, simdjson's look-up the first) or an alias is there.
bool collect(dom::object object, std::array<std::optional<dom::element>, kKeys>& fields) {
    for (const auto field : object) {
        const int k = key_index(field.key);
        if (k < 0) continue;
        if (k == kAlias || fields[k]) return false;
        fields[k] = field.value;
    }
    return true;
}

// A string field as the nlohmann path reads it: absent or null -> nullopt; false for any
// other type.
bool text(const std::optional<dom::element>& e, std::optional<std::string_view>& out) {
    out.reset();
    if (!e || e->is_null()) return true;
    std::string_view s;
    if (e->get_string().get(s) != simdjson::SUCCESS) return false;
    out = s;
    return true;
}

bool optional_text(const std::optional<dom::element>& e, std::optional<std::string>& out) {
    std::optional<std::string_view> s;
    if (!text(e, s)) return false;
    out = s ? trimmed_text(*s) : std::nullopt;
    return true;
}

// nlohmann turns an integer id into text through long long, so only ids in its range.
bool id_text(const std::optional<dom::element>& e, std::optional<std::string>& out) {
    if (e && e->is_int64()) {
        out = std::to_string(e->get_int64().value_unsafe());
        return true;
    }
    return optional_text(e, out);
}

bool author_names(const std::optional<dom::element>& e, std::vector<std::string>& out) {
    if (!e || e->is_null()) return true;
    auto add = [&](dom::element v) {
        std::string_view s;
        if (v.get_string().get(s) != simdjson::SUCCESS) return false;
        if (auto name = trimmed_text(s)) out.push_back(std::move(*name));
        return true;
    };
    dom::array array;
    if (e->get_array().get(array) != simdjson::SUCCESS) return add(*e);
    for (const auto v : array) {
        if (!add(v)) return false;
    }
    return true;
}

}  // namespace

std::optional<Article> parse_jsonl_fast(std::string_view line, std::string_view origin) {
    const std::string_view inner = trim_json_space(line);
    if (!plain_line(inner)) return std::nullopt;
    // One parser per thread: it keeps its buffers between lines.
    thread_local dom::parser parser;
    dom::object object;
    if (parser.parse(inner.data(), inner.size()).get_object().get(object) != simdjson::SUCCESS)
        return std::nullopt;
    std::array<std::optional<dom::element>, kKeys> f;
    if (!collect(object, f)) return std::nullopt;

    std::optional<std::string> id, title;
    JsonlFields fields;
    std::optional<std::string> date;
    std::optional<std::string_view> body;
    const bool readable = id_text(f[kId], id) && optional_text(f[kTitle], title) &&
                          optional_text(f[kSource], fields.source) &&
                          author_names(f[kAuthors] ? f[kAuthors] : f[kAuthor], fields.authors) &&
                          optional_text(f[kUrl], fields.url) &&
                          optional_text(f[kPublished], fields.published) &&
                          optional_text(f[kDate], date) && text(f[kBody], body);
    // Records without an id or title, or with a long id, get their error (or their id from the
    // URL) from nlohmann's path.
    if (!readable || !id || id->size() > kMaxIdLength || !title) return std::nullopt;
    if (!fields.published) fields.published = std::move(date);
    if (body) {
        const std::string_view b = trim_field(*body);
        if (!b.empty()) fields.body = b;
    }
    return make_jsonl_article(std::move(*id), std::move(*title), std::move(fields), origin);
}

}  // namespace news
