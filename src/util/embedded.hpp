// Access to the data files compiled into the binary: the word tables
// (data/lexicon/*.tsv) and the store's migrations (schema/*.sql).
#pragma once
#include <span>
#include <string_view>

namespace claimtrail::lexicon_data {
// The bytes of the embedded file `name` (e.g. "cues.tsv"); empty when unknown.
std::string_view get(std::string_view name);
// The names of every embedded file, in file-name order.
std::span<const std::string_view> names();
}  // namespace claimtrail::lexicon_data

namespace claimtrail::schema_data {
std::string_view get(std::string_view name);  // e.g. "001_init.sql"
std::span<const std::string_view> names();    // in file-name order
}  // namespace claimtrail::schema_data
