// Text that is safe to show: valid UTF-8 and free of terminal control
// sequences. Every text renderer (and every error line quoting input) passes
// what it prints through printable(); every JSON rendering of stored text goes
// through dump_json(). Nothing here knows about news articles.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace claimtrail::util {

// `s` with each byte that does not belong to a valid UTF-8 sequence replaced
// by U+FFFD (the replacement character).
std::string replace_invalid_utf8(std::string_view s);

// `s` for a terminal: invalid UTF-8 as in replace_invalid_utf8(), and every
// control character other than newline and tab shown as a visible escape:
// C0 controls and DEL as \xHH ("\x1b" for ESC, "\x0d" for CR), C1 controls
// (U+0080-U+009F) as \u00HH ("\u009b").
std::string printable(std::string_view s);

// Byte offset of the first control character in `s` (any C0 control, tab and
// newline included, DEL, or a C1 control U+0080-U+009F), or nullopt.
std::optional<std::size_t> find_control(std::string_view s);

// j.dump(indent); a string in `j` that is not valid UTF-8 (text stored by an
// older claimtrail) is written with U+FFFD instead of throwing.
std::string dump_json(const nlohmann::json& j, int indent = -1);

// Has replace_invalid_utf8(), printable() or dump_json() replaced an invalid
// byte in this process? (The command line warns once when it has.)
bool replaced_invalid_utf8();

// `s` cut to about n bytes on a UTF-8 boundary, with an ellipsis; line
// breaks become spaces.
std::string shorten(std::string s, std::size_t n);

}  // namespace claimtrail::util
