#include "store/json_columns.hpp"

namespace claimtrail::store {

using nlohmann::json;

json parse_json_column(const std::string& s, json fallback) {
  json j = json::parse(s, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

core::Spans parse_spans(const std::string& s) {
  core::Spans out;
  const json a = json::parse(s, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& p : a)
    if (p.is_array() && p.size() == 2 && p[0].is_number_unsigned() && p[1].is_number_unsigned())
      out.push_back({p[0].get<std::size_t>(), p[1].get<std::size_t>()});
  return out;
}

}  // namespace claimtrail::store
