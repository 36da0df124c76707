#pragma once
// Answers API requests from one Xapian database handle. Not thread-safe: a server keeps one
// Searcher per worker thread (Xapian::Database must not be shared across threads).

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/search/search_params.hpp"

namespace news {

struct SearcherOptions {
    std::string index_dir;
    SearchLimits limits;
    // Memory for articles already read, shared by the process's Searchers (0 = none); see
    // core/search/article_cache.hpp.
    std::size_t article_cache_bytes = kDefaultArticleCacheMb << 20;
};

class Searcher {
  public:
    // Throws ApiError::not_ready when the index cannot be opened (with the reason).
    explicit Searcher(SearcherOptions options);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    // Picks up a newer committed revision if the indexer wrote one; cheap when nothing changed.
    void refresh();

    nlohmann::json search(const SearchParams& params);  // /api/search
    nlohmann::json article(std::string_view id,
                           std::optional<std::string_view> q);  // /api/articles/{id}
    nlohmann::json similar(std::string_view id, int limit);     // /api/articles/{id}/similar
    nlohmann::json stats();                                     // /api/stats
    std::size_t article_count();                                // /readyz
    // When the indexer last wrote the index (RFC 3339, UTC), or nullopt for an index written
    // before it kept the time: a feed's updated time.
    std::optional<std::string> last_indexed();
    // When the indexer wrote this version of the article (RFC 3339, UTC), or nullopt for an
    // unknown id or an index written before it kept the time: an undated feed entry's time.
    std::optional<std::string> indexed_at(std::string_view id);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace news
