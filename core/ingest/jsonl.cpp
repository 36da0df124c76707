#include "core/ingest/jsonl.hpp"

#include <nlohmann/json.hpp>

#include "core/index/document_builder.hpp"

namespace news {
namespace {

using nlohmann::json;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// A string field, or nullopt when absent/null/empty; throws on another type.
std::optional<std::string> text_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
    std::string v(trim(it->get_ref<const std::string&>()));
    if (v.empty()) return std::nullopt;
    return v;
}

std::vector<std::string> authors_field(const json& j) {
    const auto it = j.contains("authors") ? j.find("authors") : j.find("author");
    std::vector<std::string> out;
    if (it == j.end() || it->is_null()) return out;
    auto add = [&](const json& v) {
        if (!v.is_string()) throw std::invalid_argument("authors must be strings");
        std::string name(trim(v.get_ref<const std::string&>()));
        if (!name.empty()) out.push_back(std::move(name));
    };
    if (it->is_array()) {
        for (const auto& v : *it) add(v);
    } else {
        add(*it);
    }
    return out;
}

std::optional<std::string> id_field(const json& j) {
    const auto it = j.find("id");
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
    if (!it->is_string()) throw std::invalid_argument("\"id\" is not a string");
    std::string v(trim(it->get_ref<const std::string&>()));
    if (v.empty()) return std::nullopt;
    return v;
}

}  // namespace

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const auto t = trim(current);
        if (!t.empty()) out.emplace_back(t);
        current.clear();
    };
    while (!body.empty()) {
        const auto nl = body.find('\n');
        const std::string_view line = body.substr(0, nl);
        body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
        if (trim(line).empty()) {
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
    JsonlRecord r;
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) {
        r.error = "not valid JSON";
        return r;
    }
    if (!j.is_object()) {
        r.error = "not a JSON object";
        return r;
    }
    try {
        Article a;
        const auto id = id_field(j);
        if (!id) {
            r.error = "record has no \"id\"";
            return r;
        }
        if (id->size() > kMaxIdLength) {
            r.error = "\"id\" is longer than " + std::to_string(kMaxIdLength) + " bytes";
            return r;
        }
        const auto title = text_field(j, "title");
        if (!title) {
            r.error = "record \"" + *id + "\" has no \"title\"";
            return r;
        }
        a.id = *id;
        a.title = *title;
        a.source = text_field(j, "source");
        a.authors = authors_field(j);
        a.url = text_field(j, "url");
        a.published_text = text_field(j, "published");
        if (!a.published_text) a.published_text = text_field(j, "date");  // common feed alias
        if (a.published_text && iso_date_days(*a.published_text)) {
            a.published = a.published_text->substr(0, 10);
        }
        if (const auto body = text_field(j, "body")) a.paragraphs = split_paragraphs(*body);
        a.origin = std::string(origin);
        r.article = std::move(a);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

}  // namespace news
