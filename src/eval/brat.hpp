// Reading and writing PolNeAR-style annotated directories (brat standoff).
//
// A split directory holds
//     text/NAME.txt                  the article, UTF-8
//     attributions/NAME_ANNOT.ann    brat standoff, one file per annotator
// and only the first .ann of an article by sorted file name is used, as in
// ../shared/tools/score_polnear.py. Offsets in this module are Unicode code
// points into the text (brat's unit), never bytes: core::Analysis is in bytes,
// evaluate.hpp converts.
//
// Reading is meant for other people's data too: CRLF files, a missing .ann
// (no attributions), unknown roles, malformed lines and E lines naming missing
// T lines are tolerated and reported as warnings, never thrown.
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.hpp"

namespace claimtrail::eval {

// One fragment, half-open [start, end) in code points. Read as written: it may
// be empty, reversed or outside the text until scorer.hpp's normalise() clips it.
struct Fragment {
  std::int64_t start = 0;
  std::int64_t end = 0;
  friend auto operator<=>(const Fragment&, const Fragment&) = default;
};

// A span as read: any number of fragments (a split quote has several).
using Fragments = std::vector<Fragment>;

// One attribution, gold or predicted. An empty role means "absent" (an
// attribution without an explicit source has an empty `source`).
struct Attribution {
  Fragments cue;
  Fragments source;
  Fragments content;
  std::string id;  // the brat E id for gold ("E3"); free for predictions
  // Predictions only: the source's category and anonymity, when known.
  std::optional<core::SourceCategory> category;
  std::optional<bool> anonymous;
};

// One article of a split directory.
struct Document {
  std::string name;  // text file name without ".txt"
  std::filesystem::path text_path;
  std::optional<std::filesystem::path> ann_path;  // the .ann used; nullopt when none
  std::string utf8;                               // the text file's bytes (valid UTF-8)
  std::u32string text;                            // the same text as code points
  std::vector<Attribution> attributions;          // in the order of the E lines
};

// A whole split directory.
struct Split {
  std::vector<Document> documents;    // sorted by name
  std::vector<std::string> warnings;  // "NAME_A.ann:12: unparsable T line", ...
  std::vector<std::string> rejected;  // "PATH: why" for each text left out (e.g. invalid UTF-8)
};

// Reads a split directory. Throws core::Error naming `dir` when it has no
// text/ or attributions/ subdirectory (not a PolNeAR-style directory). Every
// other problem is a warning, or, for an unreadable or invalid-UTF-8 text, an
// entry in `rejected` with that article left out.
Split read_split(const std::filesystem::path& dir);

// Parses the content of one .ann file. `file_name` prefixes warnings, which
// are appended to *warnings (may be null). Lines other than T and E lines are
// ignored; only the Cue, Source and Content arguments of an E line are kept
// (case-insensitive, trailing digits dropped: "Source2" is a source).
std::vector<Attribution> parse_ann(std::string_view content, std::string_view file_name,
                                   std::vector<std::string>* warnings);

// Decodes UTF-8 into code points; nullopt when `utf8` is not valid UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view utf8);

// Formats attributions as a .ann file for `text`: per attribution, T lines for
// the roles present (fragments clipped to the text; empty ones dropped), an
// Attribution (or Attribution-no-source) trigger on the cue, else the content,
// and an E line. Attributions with no fragment at all are skipped. Round-trips
// through parse_ann() (up to fragment clipping).
std::string format_ann(const std::vector<Attribution>& attributions, std::u32string_view text);

// Writes DIR/text/NAME.txt (the bytes of `utf8`) and
// DIR/attributions/NAME_ANNOTATOR.ann, creating the directories. `utf8` must
// be valid UTF-8 and NAME a safe file name (util::is_safe_file_stem: never a
// path). Throws core::Error naming the file on a write failure.
void write_document(const std::filesystem::path& dir, std::string_view name, std::string_view utf8,
                    const std::vector<Attribution>& attributions, std::string_view annotator = "claimtrail");

}  // namespace claimtrail::eval
