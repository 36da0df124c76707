#include "core/model/article.hpp"

#include <nlohmann/json.hpp>

namespace news {
namespace {

template <typename T>
void put_optional(nlohmann::json& j, const char* key, const std::optional<T>& v) {
    if (v) {
        j[key] = *v;
    } else {
        j[key] = nullptr;
    }
}

template <typename T>
void get_optional(const nlohmann::json& j, const char* key, std::optional<T>& v) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        v.reset();
    } else {
        v = it->get<T>();
    }
}

template <typename T>
void get_or(const nlohmann::json& j, const char* key, T& v) {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) v = it->get<T>();
}

}  // namespace

void to_json(nlohmann::json& j, const Heading& h) { j = {{"text", h.text}, {"before", h.before}}; }

void from_json(const nlohmann::json& j, Heading& h) {
    h.text = j.at("text").get<std::string>();
    h.before = j.value("before", std::size_t{0});
}

void to_json(nlohmann::json& j, const Article& a) {
    j = nlohmann::json::object();
    j["id"] = a.id;
    j["title"] = a.title;
    j["title_derived"] = a.title_derived;
    put_optional(j, "source", a.source);
    j["authors"] = a.authors;
    put_optional(j, "published_text", a.published_text);
    put_optional(j, "published", a.published);
    put_optional(j, "url", a.url);
    j["headings"] = a.headings;
    j["paragraphs"] = a.paragraphs;
    j["origin"] = a.origin;
    j["origin_position"] = a.origin_position;
    put_optional(j, "embedded_in", a.embedded_in);
}

void from_json(const nlohmann::json& j, Article& a) {
    a = Article{};
    get_or(j, "id", a.id);
    get_or(j, "title", a.title);
    get_or(j, "title_derived", a.title_derived);
    get_optional(j, "source", a.source);
    get_or(j, "authors", a.authors);
    get_optional(j, "published_text", a.published_text);
    get_optional(j, "published", a.published);
    get_optional(j, "url", a.url);
    get_or(j, "headings", a.headings);
    get_or(j, "paragraphs", a.paragraphs);
    get_or(j, "origin", a.origin);
    get_or(j, "origin_position", a.origin_position);
    get_optional(j, "embedded_in", a.embedded_in);
}

std::string body_text(const Article& a) {
    std::string out;
    for (const auto& p : a.paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

}  // namespace news
