// Reading the tab-separated word tables: '#' lines are comments, blank lines
// are skipped, fields are split on tabs.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace claimtrail::util {

// Calls `row` with the fields of every data line of `tsv`.
void for_each_tsv_row(std::string_view tsv, const std::function<void(const std::vector<std::string_view>&)>& row);

}  // namespace claimtrail::util
