#include "core/ingest/jsonl.hpp"

#include <nlohmann/json.hpp>
#include <span>

#include "core/ingest/feed_text.hpp"
#include "core/ingest/jsonl_fast.hpp"
#include "core/ingest/jsonl_fields.hpp"
#include "core/model/derived_title.hpp"
#include "core/model/published_date.hpp"
#include "core/text/char_refs.hpp"
#include "core/text/html_text.hpp"

namespace news {
namespace {

using nlohmann::json;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// A string field, or nullopt when absent/null/empty; throws on another type.
std::optional<std::string> text_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
    return trimmed_text(it->get_ref<const std::string&>());
}

// The first of `keys` present and not null, or end().
json::const_iterator first_of(const json& j, std::span<const std::string_view> keys) {
    for (const auto key : keys) {
        const auto it = j.find(key);
        if (it != j.end() && !it->is_null()) return it;
    }
    return j.end();
}

// An optional string field: nullopt when absent, null, empty or of another type (which adds a
// warning: the article is kept without it).
std::optional<std::string> optional_text(const json& j, json::const_iterator it,
                                         std::vector<std::string>& warnings) {
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
        warnings.push_back("\"" + it.key() + "\" is not a string: left out");
        return std::nullopt;
    }
    return trimmed_text(it->get_ref<const std::string&>());
}

// A name as feeds write it: a string, or an object with a string "name" (JSON Feed's authors,
// NewsAPI's source).
const std::string* name_of(const json& v) {
    if (v.is_string()) return &v.get_ref<const std::string&>();
    if (!v.is_object()) return nullptr;
    const auto it = v.find("name");
    return it != v.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

std::optional<std::string> source_field(const json& j, std::vector<std::string>& warnings) {
    const auto it = j.find("source");
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (const auto* name = name_of(*it)) return trimmed_text(*name);
    warnings.emplace_back("\"source\" is not a string: left out");
    return std::nullopt;
}

std::vector<std::string> authors_field(const json& j, std::vector<std::string>& warnings) {
    auto it = j.end();
    for (const auto key : kAuthorKeys) {
        if ((it = j.find(key)) != j.end()) break;
    }
    std::vector<std::string> out;
    if (it == j.end() || it->is_null()) return out;
    bool dropped = false;
    auto add = [&](const json& v) {
        const auto* name = name_of(v);
        if (!name) {
            dropped = true;
            return;
        }
        std::string trimmed(trim_field(*name));
        if (!trimmed.empty()) out.push_back(std::move(trimmed));
    };
    if (it->is_array()) {
        for (const auto& v : *it) add(v);
    } else {
        add(*it);
    }
    if (dropped) warnings.emplace_back("authors that are not names: left out");
    return out;
}

// The first of kPublishedKeys present, not null and not empty, as text; a Unix time becomes
// its UTC date.
std::optional<std::string> published_field(const json& j, std::vector<std::string>& warnings) {
    for (const auto key : kPublishedKeys) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) continue;
        if (it->is_number()) {
            if (auto d = unix_time_date(it->get<double>())) return d;
            warnings.push_back("\"" + it.key() + "\" is not a date: left out");
            return std::nullopt;
        }
        if (!it->is_string()) return optional_text(j, it, warnings);  // warns
        if (auto text = optional_text(j, it, warnings)) return text;
    }
    return std::nullopt;
}

// A piece of body text: a string, or an object with a string "value" (feedparser's and Atom's
// content objects, {"type": "text/html", "value": "..."}); nullptr for anything else.
const std::string* text_of(const json& v) {
    if (v.is_string()) return &v.get_ref<const std::string&>();
    if (!v.is_object()) return nullptr;
    const auto it = v.find("value");
    return it != v.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// The body's text (under the first of kBodyKeys present and not null), paragraphs separated by
// blank lines; the pieces of an array are paragraphs.
// Throws when it is neither a piece nor an array of pieces.
std::optional<std::string> body_field(const json& j) {
    const auto it = first_of(j, kBodyKeys);
    if (it == j.end()) return std::nullopt;
    if (const auto* text = text_of(*it)) return trimmed_text(*text);
    const auto wrong = [&] {
        return std::invalid_argument(
            "\"" + it.key() +
            "\" is not text (a string or an object with a \"value\") or an array of texts");
    };
    if (!it->is_array()) throw wrong();
    std::string out;
    for (const auto& p : *it) {
        const auto* text = text_of(p);
        if (!text) throw wrong();
        out += *text;
        out += "\n\n";
    }
    return trimmed_text(out);
}

// A link as feeds write it: a string, an Atom link object ({"href", "rel"}, not one of another
// rel than "alternate", such as "self" or "enclosure"), or an array of link objects (the first
// that is one).
const std::string* link_of(const json& v) {
    if (v.is_string()) return &v.get_ref<const std::string&>();
    if (v.is_array()) {
        for (const auto& e : v) {
            if (e.is_object()) {
                if (const auto* href = link_of(e)) return href;
            }
        }
        return nullptr;
    }
    if (!v.is_object()) return nullptr;
    const auto rel = v.find("rel");
    if (rel != v.end() && !rel->is_null() &&
        !(rel->is_string() && rel->get_ref<const std::string&>() == "alternate"))
        return nullptr;
    const auto href = v.find("href");
    return href != v.end() && href->is_string() ? &href->get_ref<const std::string&>() : nullptr;
}

// The first of kUrlKeys, as a link (a warning when it is not one: the article is kept without).
std::optional<std::string> url_field(const json& j, std::vector<std::string>& warnings) {
    const auto it = first_of(j, kUrlKeys);
    if (it == j.end()) return std::nullopt;
    if (const auto* link = link_of(*it)) return trimmed_text(*link);
    warnings.push_back("\"" + it.key() + "\" is not a link: left out");
    return std::nullopt;
}

// The record's id: the first of kIdKeys, else its URL (the address names the article when a
// feed gives no id, as NewsAPI's do). Throws when it is not a string or an integer.
std::optional<std::string> id_field(const json& j, const std::optional<std::string>& url) {
    const auto it = first_of(j, kIdKeys);
    if (it == j.end()) return url;
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
    if (!it->is_string()) throw std::invalid_argument("\"" + it.key() + "\" is not a string");
    return trimmed_text(it->get_ref<const std::string&>());
}

}  // namespace

std::string readable(std::string text) {
    if (text.find('&') != std::string::npos) decode_char_refs_in(text);
    const auto trimmed = trim_field(text);
    if (trimmed.size() != text.size()) return std::string(trimmed);
    return text;
}

std::string_view trim_field(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::optional<std::string> trimmed_text(std::string_view text) {
    const std::string_view t = trim_field(text);
    if (t.empty()) return std::nullopt;
    return std::string(t);
}

Article make_jsonl_article(std::string id, std::string title, JsonlFields fields,
                           std::string_view origin) {
    Article a;
    a.id = std::move(id);
    a.title = readable(std::move(title));
    if (fields.source) a.source = trimmed_text(readable(std::move(*fields.source)));
    for (auto& author : fields.authors) {
        auto name = readable(std::string(rss_author_name(author)));
        if (!name.empty()) a.authors.push_back(std::move(name));
    }
    a.url = std::move(fields.url);
    a.published_text = std::move(fields.published);
    if (a.published_text) a.published = published_date(*a.published_text);
    if (fields.body) a.paragraphs = body_paragraphs(without_cut_marker(*fields.body));
    if (a.title.empty() && !a.paragraphs.empty()) {
        a.title = derive_title(a.paragraphs.front());
        a.title_derived = true;
    }
    a.origin = std::string(origin);
    return a;
}

std::vector<std::string> body_paragraphs(std::string_view body) {
    if (looks_like_html(body)) return split_paragraphs(html_to_text(body));
    if (body.find('&') == std::string_view::npos) return split_paragraphs(body);
    return split_paragraphs(decode_char_refs(body));
}

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const auto t = trim_field(current);
        if (!t.empty()) out.emplace_back(t);
        current.clear();
    };
    while (!body.empty()) {
        const auto nl = body.find('\n');
        const std::string_view line = body.substr(0, nl);
        body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
        if (trim_field(line).empty()) {
            flush();
            continue;
        }
        if (!current.empty()) current += '\n';
        current.append(line);
    }
    flush();
    return out;
}

JsonlRecord parse_jsonl_line(std::string_view line, std::string_view origin) {
    if (auto a = parse_jsonl_fast(line, origin)) {
        JsonlRecord r;
        r.article = std::move(a);
        return r;
    }
    return parse_jsonl_line_nlohmann(line, origin);
}

JsonlRecord parse_jsonl_line_nlohmann(std::string_view line, std::string_view origin) {
    const json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) {
        JsonlRecord r;
        r.error = "not valid JSON";
        return r;
    }
    return read_jsonl_record(j, origin);
}

JsonlRecord read_jsonl_record(const nlohmann::json& j, std::string_view origin) {
    JsonlRecord r;
    if (!j.is_object()) {
        r.error = "not a JSON object";
        return r;
    }
    try {
        auto url = url_field(j, r.warnings);
        const auto id = id_field(j, url);
        if (!id) {
            r.error = "record has no \"id\" (nor \"guid\", \"url\" or \"link\")";
            return r;
        }
        if (id->size() > kMaxIdLength) {
            r.error = "the record's id is longer than " + std::to_string(kMaxIdLength) + " bytes";
            return r;
        }
        const auto title = text_field(j, "title");
        const auto body = body_field(j);
        JsonlFields f;
        f.source = source_field(j, r.warnings);
        f.authors = authors_field(j, r.warnings);
        f.url = std::move(url);
        f.published = published_field(j, r.warnings);
        if (body) f.body = *body;
        r.article = make_jsonl_article(*id, title.value_or(""), std::move(f), origin);
        if (r.article->title.empty()) {
            r.article.reset();
            r.error = "record \"" + *id + "\" has no \"title\" (nor a body to take one from)";
        }
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

}  // namespace news
