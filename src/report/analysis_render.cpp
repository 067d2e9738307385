#include "report/analysis_render.hpp"

#include "core/categories.hpp"

#include <cstdio>
#include <map>
#include <sstream>

#include "core/version.hpp"
#include "util/printable.hpp"

namespace claimtrail::report {

using core::span_text;
using core::spans_json;
using util::shorten;

namespace {

using nlohmann::json;

// The builders below move every value into place: an initializer list of
// json values would copy each nested value once more.
json span_field(std::string_view text, const core::Spans& spans) {
  json j(json::value_t::object);
  j["text"] = span_text(text, spans);
  j["spans"] = spans_json(spans);
  return j;
}

json span_field(std::string_view text, core::Span span) { return span_field(text, core::Spans{span}); }

std::string entity_id(int e) { return e < 0 ? std::string() : "e" + std::to_string(e + 1); }

json source_json(std::string_view text, const core::Source& s) {
  json j = span_field(text, s.spans);
  j["category"] = std::string(core::to_string(s.category));
  j["anonymous"] = s.anonymous;
  j["entity"] = s.entity < 0 ? json(nullptr) : json(entity_id(s.entity));
  json ents = json::array();
  for (int e : s.entities) ents.push_back(entity_id(e));
  j["entities"] = std::move(ents);
  json d = json::object();
  if (!s.descriptors.affiliation.empty()) d["affiliation"] = s.descriptors.affiliation;
  if (!s.descriptors.rank.empty()) d["rank"] = s.descriptors.rank;
  if (!s.descriptors.role.empty()) d["role"] = s.descriptors.role;
  if (s.descriptors.count)
    d["count"] = *s.descriptors.count;
  else if (!s.descriptors.count_word.empty()) {
    d["count"] = nullptr;
    d["count_word"] = s.descriptors.count_word;
  }
  j["descriptors"] = std::move(d);
  return j;
}

}  // namespace

json summary(const core::Analysis& a) {
  const core::SourcingProfile p = core::profile(a);
  json b = json::object();
  for (const auto& [k, v] : p.by_category) b[k] = v;
  return {{"attributions", p.statements}, {"by_category", b}, {"anonymous_share", p.anonymous_share()}};
}

namespace {

// One element of each of the article object's arrays.
json attribution_json(const core::Analysis& a, std::size_t i, std::string_view text) {
  const auto& at = a.attributions[i];
  json x;
  x["id"] = "a" + std::to_string(i + 1);
  x["kind"] = std::string(core::to_string(at.kind));
  x["parent"] = at.parent < 0 ? json(nullptr) : json("a" + std::to_string(at.parent + 1));
  x["headline"] = at.in_headline;
  // A floating quotation has no cue and no source of its own words: its
  // speaker is the previous paragraph's, given as "speaker".
  x["cue"] = at.cue.empty() ? json(nullptr) : span_field(text, at.cue);
  const bool implied = at.source && at.source->spans.empty();
  x["source"] = at.source && !implied ? source_json(text, *at.source) : json(nullptr);
  if (implied)
    x["speaker"] = {{"category", std::string(core::to_string(at.source->category))},
                    {"anonymous", at.source->anonymous},
                    {"entity", at.source->entity < 0 ? json(nullptr) : json(entity_id(at.source->entity))}};
  x["content"] = span_field(text, at.content);
  json h = json::array();
  for (const auto& s : at.hedges) h.push_back(span_field(text, s));
  x["hedges"] = std::move(h);
  return x;
}

json entity_json(const core::Analysis& a, std::size_t i, std::string_view text) {
  const auto& e = a.entities[i];
  json m = json::array();
  for (const auto& s : e.mentions) m.push_back(span_field(text, s));
  json x(json::value_t::object);
  x["id"] = entity_id(static_cast<int>(i));
  x["name"] = e.name;
  x["category"] = std::string(core::to_string(e.category));
  x["mentions"] = std::move(m);
  if (!e.role.empty()) x["role"] = e.role;
  return x;
}

json non_response_json(const core::Analysis& a, std::size_t i, std::string_view text) {
  const auto& n = a.non_responses[i];
  json x = span_field(text, n.span);
  x["who"] = n.who.spans.empty() ? json(nullptr) : source_json(text, n.who);
  x["kind"] = std::string(core::to_string(n.kind));
  return x;
}

json source_description_json(const core::Analysis& a, std::size_t i, std::string_view text) {
  const auto& d = a.source_descriptions[i];
  json members = json::array();
  for (const auto& m : d.members) {
    json mj = span_field(text, m.span);
    mj["count"] = m.count ? json(*m.count) : json(nullptr);
    members.push_back(std::move(mj));
  }
  json x = span_field(text, d.span);
  x["group"] = d.group < 0 ? json(nullptr) : json(entity_id(d.group));
  x["members"] = std::move(members);
  x["total"] = d.total ? json(*d.total) : json(nullptr);
  x["reason"] = d.reason ? span_field(text, *d.reason) : json(nullptr);
  return x;
}

json unattributed_json(const core::Analysis& a, std::size_t i, std::string_view text) {
  return span_field(text, a.unattributed[i]);
}

// The article object's arrays: key, length, element builder.
struct ArrayField {
  const char* key;
  std::size_t (*size)(const core::Analysis&);
  json (*element)(const core::Analysis&, std::size_t, std::string_view);
};
constexpr ArrayField kArrays[] = {
    {"attributions", [](const core::Analysis& a) { return a.attributions.size(); }, attribution_json},
    {"entities", [](const core::Analysis& a) { return a.entities.size(); }, entity_json},
    {"non_responses", [](const core::Analysis& a) { return a.non_responses.size(); }, non_response_json},
    {"source_descriptions", [](const core::Analysis& a) { return a.source_descriptions.size(); },
     source_description_json},
    {"unattributed", [](const core::Analysis& a) { return a.unattributed.size(); }, unattributed_json},
};

// The article object with every array field set by `array(field)`.
template <typename ArrayValue>
json article_json(const core::Analysis& a, std::string_view text, std::string_view doc, ArrayValue array) {
  json j;
  j["doc"] = std::string(doc);
  j["parser"] = std::string("claimtrail ") + core::kVersion;
  j["headline"] = a.headline ? json(span_text(text, *a.headline)) : json(nullptr);
  if (a.dateline)
    j["dateline"] = {{"place", a.dateline->place},
                     {"date", a.dateline->date},
                     {"outlet", a.dateline->outlet},
                     {"text", span_text(text, a.dateline->span)},
                     {"spans", spans_json({a.dateline->span})}};
  else
    j["dateline"] = nullptr;
  for (const ArrayField& f : kArrays) j[f.key] = array(f);
  j["summary"] = summary(a);
  return j;
}

// A marker standing for an array in the dumped object; written by
// write_json as a string, never found inside another string (a quote there
// is escaped).
std::string marker(const ArrayField& f) { return std::string("\x01") + f.key; }

}  // namespace

json to_json(const core::Analysis& a, std::string_view text, std::string_view doc) {
  return article_json(a, text, doc, [&](const ArrayField& f) {
    json arr = json::array();
    for (std::size_t i = 0, n = f.size(a); i < n; ++i) arr.push_back(f.element(a, i, text));
    return arr;
  });
}

void write_json(std::ostream& out, const core::Analysis& a, std::string_view text, std::string_view doc, int indent,
                const json& extra) {
  auto dump = [&](const json& j) { return j.dump(indent, ' ', false, json::error_handler_t::replace); };
  json top = article_json(a, text, doc, [](const ArrayField& f) { return json(marker(f)); });
  for (const auto& [k, v] : extra.items()) top[k] = v;
  const std::string head = dump(top);
  // Each array replaces its marker, one element built and dumped at a time;
  // with an indent, as nlohmann::json lays out an array at depth 1.
  const std::string pad = indent < 0 ? "" : std::string(static_cast<std::size_t>(indent), ' ');
  std::size_t at = 0;
  for (const ArrayField& f : kArrays) {
    const std::string key = std::string("\"") + f.key + (indent < 0 ? "\":" : "\": ");
    const std::string placeholder = key + dump(json(marker(f)));
    const std::size_t p = head.find(placeholder, at);
    if (p == std::string::npos) continue;  // (cannot happen: every array field is in the object)
    out << std::string_view(head).substr(at, p - at) << key;
    const std::size_t n = f.size(a);
    if (n == 0) {
      out << "[]";
    } else {
      out << '[';
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out << ',';
        if (indent < 0) {
          out << dump(f.element(a, i, text));
          continue;
        }
        std::string e = dump(f.element(a, i, text));
        out << '\n' << pad << pad;
        for (const char c : e) {
          out << c;
          if (c == '\n') out << pad << pad;
        }
      }
      if (indent >= 0) out << '\n' << pad;
      out << ']';
    }
    at = p + placeholder.size();
  }
  out << std::string_view(head).substr(at);
}

std::string to_text(const core::Analysis& a, std::string_view text, std::string_view doc) {
  std::ostringstream out;
  out << "== " << doc;
  if (a.headline) out << ": " << shorten(span_text(text, *a.headline), 90);
  out << '\n';
  if (a.dateline)
    out << "dateline: " << a.dateline->place << (a.dateline->date.empty() ? "" : ", " + a.dateline->date)
        << (a.dateline->outlet.empty() ? "" : " (" + a.dateline->outlet + ")") << '\n';
  for (std::size_t i = 0; i < a.attributions.size(); ++i) {
    const auto& at = a.attributions[i];
    out << (at.parent >= 0 ? "  a" : "a") << (i + 1) << (at.in_headline ? " [headline]" : "") << "  "
        << core::to_string(at.kind) << "  ";
    if (at.source && at.source->spans.empty()) {
      // A floating quotation: its speaker is the previous paragraph's.
      out << "(speaker above)";
      if (at.source->entity >= 0) out << " = " << a.entities[static_cast<std::size_t>(at.source->entity)].name;
      out << "  (" << core::to_string(at.source->category) << (at.source->anonymous ? ", anonymous" : "") << ")";
    } else if (at.source) {
      out << '"' << shorten(span_text(text, at.source->spans), 60) << '"';
      if (at.source->entity >= 0) {
        const auto& e = a.entities[static_cast<std::size_t>(at.source->entity)];
        if (e.name != span_text(text, at.source->spans)) out << " = " << e.name;
      }
      out << "  (" << core::to_string(at.source->category) << (at.source->anonymous ? ", anonymous" : "") << ")";
    } else {
      out << "(no source)";
    }
    out << "  " << (at.cue.empty() ? std::string("(no cue)") : span_text(text, at.cue)) << ": "
        << shorten(span_text(text, at.content), 100);
    if (!at.hedges.empty()) {
      out << "  [hedged:";
      for (const auto& h : at.hedges) out << ' ' << span_text(text, h);
      out << ']';
    }
    out << '\n';
  }
  for (const auto& n : a.non_responses) {
    out << "non-response (" << core::to_string(n.kind) << "): ";
    if (!n.who.spans.empty()) {
      out << span_text(text, n.who.spans);
      if (n.who.entity >= 0) {
        const auto& e = a.entities[static_cast<std::size_t>(n.who.entity)];
        if (e.name != span_text(text, n.who.spans)) out << " = " << e.name;
      }
    } else {
      out << "?";
    }
    out << " — " << shorten(span_text(text, n.span), 80) << '\n';
  }
  for (const auto& d : a.source_descriptions) {
    out << "sources described";
    if (d.group >= 0) out << " (" << a.entities[static_cast<std::size_t>(d.group)].name << ")";
    out << ":";
    for (const auto& m : d.members) out << ' ' << span_text(text, m.span) << ';';
    if (d.total) out << " total " << *d.total << ';';
    if (d.reason) out << " reason: " << span_text(text, *d.reason);
    out << '\n';
  }
  for (const auto& u : a.unattributed) out << "unattributed: " << shorten(span_text(text, u), 100) << '\n';
  const json s = summary(a);
  char share[32];
  std::snprintf(share, sizeof share, "%.0f%%", 100.0 * s["anonymous_share"].get<double>());
  out << "summary: " << s["attributions"].get<std::size_t>() << " attributions in the body, " << share
      << " of those with a source rest on anonymous sources; " << a.non_responses.size() << " non-responses, "
      << a.unattributed.size() << " unattributed claims\n";
  return util::printable(out.str());
}

}  // namespace claimtrail::report
