// Batches: the inputs of extract and ingest expanded into work items (text
// files, directories walked recursively, JSON-lines files one record per
// line, scanned rather than loaded), and each item read as an article.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "article/input.hpp"

namespace claimtrail::article {

struct InputItem {
  std::string path;                       // the file ("-" for standard input)
  std::uint64_t offset = 0;               // a JSON-lines record: where its line starts
  std::uint64_t length = 0;               // and its length in bytes
  std::uint64_t line = 0;                 // its 1-based line number; 0 for a whole text file
  InputKind kind = InputKind::automatic;  // how to read a whole file
};

struct BatchOptions {
  std::string input = "auto";              // auto (by extension and look), text, html or jsonl
  std::uint64_t max_record = 32ull << 20;  // a longer JSON line is rejected unread
};

// The work items of `args`, in order; each problem (a missing input, a line
// over max_record, an unreadable directory) goes to `reject` as one message.
// Standard input read as JSON lines is spooled to a temporary file.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const BatchOptions& o,
                                     const std::function<void(const std::string&)>& reject);

// The bytes an item holds (a file's size, a record's length), for progress.
std::uint64_t item_bytes(const InputItem& item);

// Reads one item. A JSON-lines record is an object with "text" (a string,
// required) and optionally "id", "url", "outlet", "published", "headline";
// anything else is an error naming FILE:LINE. Throws core::Error.
Article read_item(const InputItem& item);

// The article of one JSON-lines record `line` (the bytes of the line), named
// `where` ("FILE:LINE") in errors; an article without an "id" is named
// "line<line_no>". Throws core::Error.
Article article_from_record(std::string_view line, const std::string& where, std::uint64_t line_no);

}  // namespace claimtrail::article
