#include "core/search/per_revision.hpp"

namespace news {

std::string revision_key(const Xapian::Database& db) {
    return db.get_uuid() + "@" + std::to_string(db.get_revision());
}

}  // namespace news
