#pragma once
// Site chrome: the furniture news pages print as lines of their own around an article, which the
// cleaner drops (docs/cleaning.md, "Chrome removal"). Like the other line tests
// (core/clean/line_rules.hpp), a pure function of one line that names no site.

#include <string_view>

namespace news::clean {

// Site chrome that stands alone on a line: "Advertisement", "Hashtags", "Comments",
// "No comments yet...", "Leave a Reply", "Share it on...", "logo", "Comments0", counters ("300"),
// separators ("-", "•"), navigation ("Skip to content", "Quick access to main page …"),
// image placeholders ("Orange background"), app and AI-feature promotions, sign-up lines,
// cookie-consent banners, share bars ("Facebook Twitter LinkedIn Email"), links to other
// stories ("Read more: …"), tag lists ("Tags: …"), copyright lines ("© 2024 …") and section
// bars ("World  Business  Markets  Tech").
bool is_chrome_line(std::string_view line);

}  // namespace news::clean
