#include "util/tsv.hpp"

namespace claimtrail::util {

void for_each_tsv_row(std::string_view tsv, const std::function<void(const std::vector<std::string_view>&)>& row) {
  std::vector<std::string_view> fields;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view{} : tsv.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fields.clear();
    while (true) {
      const std::size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    row(fields);
  }
}

}  // namespace claimtrail::util
