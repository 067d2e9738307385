#include "core/spans.hpp"

namespace claimtrail::core {

using nlohmann::json;

std::string span_text(std::string_view text, core::Span s) {
  if (s.end > text.size() || s.start > s.end) return {};
  return std::string(text.substr(s.start, s.end - s.start));
}

nlohmann::json spans_json(const core::Spans& spans) {
  json::array_t a;
  a.reserve(spans.size());
  for (const auto& s : spans) a.emplace_back(json::array_t{json(s.start), json(s.end)});
  return json(std::move(a));
}

std::string span_text(std::string_view text, const core::Spans& spans) {
  std::string out;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i) out += " \xE2\x80\xA6 ";
    out += span_text(text, spans[i]);
  }
  return out;
}

}  // namespace claimtrail::core
