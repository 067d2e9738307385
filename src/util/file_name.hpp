// File names made from ids that come from outside (an article's own id, its
// file name, a JSON Lines "id"): the one place an id becomes part of a path.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace claimtrail::util {

// Longest stem safe_file_stem() gives, in bytes: with any suffix an export
// adds ("_claimtrail.ann") far below NAME_MAX (255).
inline constexpr std::size_t kMaxStemBytes = 120;

// Is `id` usable as it is as a file name stem: 1 to kMaxStemBytes bytes of
// valid UTF-8, not starting with '.', with no '/', '\\', ':', '*', '?', '"',
// '<', '>', '|' and no control character (C0, DEL, C1)?
bool is_safe_file_stem(std::string_view id);

// A file name stem for `id`, never a path: `id` itself when
// is_safe_file_stem(id), else a readable slug of it (each unsafe character or
// invalid byte as '_', leading dots, underscores and spaces dropped, cut on a
// character boundary) followed by '-' and 8 hex digits of a hash of the whole
// id ("../../victim" -> "victim-1a2b3c4d"; an id with nothing left ->
// "article-..."). The same id always gives the same stem.
std::string safe_file_stem(std::string_view id);

// Stems unique within one export (compared without ASCII case, for
// case-insensitive file systems): the first id keeps safe_file_stem(id); a
// later id whose stem is taken gets one with '-' and a hash of the id and
// `salt` (such as the article's number in the store). Deterministic for the
// same ids in the same order.
class UniqueStems {
 public:
  std::string take(std::string_view id, std::string_view salt);

 private:
  std::set<std::string> taken_;
};

}  // namespace claimtrail::util
