#include "eval/evaluate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <set>

#include "core/error.hpp"
#include "util/ascii.hpp"
#include "util/file.hpp"
#include "util/split.hpp"
#include "util/utf8.hpp"

namespace claimtrail::eval {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void warn(std::vector<std::string>* warnings, std::string message) {
  if (warnings) warnings->push_back(std::move(message));
}

std::vector<std::string_view> split(std::string_view s, char sep) { return util::split(s, sep); }

std::optional<std::int64_t> parse_offset(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// One prediction fragment [s, e]: two integers (numbers with a fraction are
// truncated, as Python's int() does); nullopt otherwise.
std::optional<Fragment> parse_fragment(const json& f) {
  if (!f.is_array() || f.size() < 2) return std::nullopt;
  auto num = [](const json& v) -> std::optional<std::int64_t> {
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
      const double d = v.get<double>();
      if (!std::isfinite(d) || std::fabs(d) > 1e15) return std::nullopt;
      return static_cast<std::int64_t>(std::trunc(d));
    }
    return std::nullopt;
  };
  const auto s = num(f[0]);
  const auto e = num(f[1]);
  if (!s || !e) return std::nullopt;
  return Fragment{*s, *e};
}

Fragments to_cp(const core::Spans& spans, const util::CodepointIndex& index) {
  Fragments out;
  out.reserve(spans.size());
  for (const auto& s : spans)
    out.push_back(
        {static_cast<std::int64_t>(index.to_codepoint(s.start)), static_cast<std::int64_t>(index.to_codepoint(s.end))});
  return out;
}

json figure(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

json counts_json(const Counts& c) {
  return {{"P", figure(c.precision())}, {"R", figure(c.recall())}, {"F1", figure(c.f1())}, {"tp_pred", c.tp_pred},
          {"n_pred", c.n_pred},         {"tp_gold", c.tp_gold},    {"n_gold", c.n_gold}};
}

std::string fixed3(std::optional<double> v) {
  if (!v) return "  -  ";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string row(std::string_view label, const Counts& c) {
  return "  " + pad(label, 21) + fixed3(c.precision()) + "  " + fixed3(c.recall()) + "  " + fixed3(c.f1()) + "   (" +
         std::to_string(c.n_pred) + " / " + std::to_string(c.n_gold) + ")\n";
}

// evaluate(), with what was scored and the warnings of reading it.
Report score_split(const Split& gold, std::string predictions, const Predictions& pred, const SourceLabels* labels,
                   std::vector<std::string> extra_warnings) {
  Report r = evaluate(gold, pred, labels);
  r.predictions = std::move(predictions);
  r.warnings.insert(r.warnings.end(), extra_warnings.begin(), extra_warnings.end());
  return r;
}

}  // namespace

SourceLabels read_source_labels(const fs::path& file, std::vector<std::string>* warnings) {
  const std::string content = util::read_input(file.string());
  if (const auto bad = util::find_invalid_utf8(content))
    throw core::Error(file.string(), "invalid UTF-8 at byte " + std::to_string(*bad));
  const std::string name = file.filename().string();

  SourceLabels out;
  std::optional<std::array<std::size_t, 5>> cols;  // doc, start, end, category, anonymous
  std::size_t line_no = 0;
  for (auto line : split(content, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (util::trim_blank(line).empty() || line.front() == '#') continue;
    const auto fields = split(line, '\t');
    if (!cols) {
      static constexpr std::array<std::string_view, 5> kNames{"doc", "start", "end", "category", "anonymous"};
      std::array<std::size_t, 5> found{};
      for (std::size_t k = 0; k < kNames.size(); ++k) {
        std::size_t at = 0;
        while (at < fields.size() && util::ascii_lower(util::trim_blank(fields[at])) != kNames[k]) ++at;
        if (at == fields.size())
          throw core::Error(file.string(), "line " + std::to_string(line_no) +
                                               ": expected the header 'doc start end category anonymous' "
                                               "(tab-separated) before the first row");
        found[k] = at;
      }
      cols = found;
      continue;
    }
    const std::string where = name + ":" + std::to_string(line_no) + ": ";
    std::size_t needed = 0;
    for (auto c : *cols) needed = std::max(needed, c + 1);
    if (fields.size() < needed) {
      warn(warnings, where + "expected " + std::to_string(needed) + " tab-separated columns, row skipped");
      continue;
    }
    const auto doc = util::trim_blank(fields[(*cols)[0]]);
    const auto start = parse_offset(util::trim_blank(fields[(*cols)[1]]));
    const auto end = parse_offset(util::trim_blank(fields[(*cols)[2]]));
    const auto category = core::parse_category(util::trim_blank(fields[(*cols)[3]]));
    const std::string anon = util::ascii_lower(util::trim_blank(fields[(*cols)[4]]));
    if (doc.empty() || !start || !end || *start >= *end) {
      warn(warnings, where + "bad doc or offsets, row skipped");
      continue;
    }
    if (!category) {
      warn(warnings,
           where + "unknown category '" + std::string(util::trim_blank(fields[(*cols)[3]])) + "', row skipped");
      continue;
    }
    if (anon != "true" && anon != "false") {
      warn(warnings, where + "anonymous must be true or false, row skipped");
      continue;
    }
    out[std::string(doc)].push_back({{*start, *end}, *category, anon == "true"});
  }
  if (!cols) throw core::Error(file.string(), "no header line 'doc start end category anonymous'");
  return out;
}

Predictions read_predictions(const fs::path& file, const Split* known, std::vector<std::string>* warnings) {
  const std::string content = util::read_input(file.string());
  std::map<std::string, std::size_t> lengths;
  if (known)
    for (const auto& d : known->documents) lengths[d.name] = d.text.size();

  Predictions out;
  std::size_t line_no = 0;
  for (auto line : split(content, '\n')) {
    ++line_no;
    line = util::trim_blank(line);
    if (line.empty()) continue;
    const std::string where = file.string() + ":" + std::to_string(line_no) + ": ";
    const json obj = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded() || !obj.is_object()) {
      warn(warnings, where + "not a JSON object, line skipped");
      continue;
    }
    const auto doc_it = obj.find("doc");
    if (doc_it == obj.end() || !doc_it->is_string()) {
      warn(warnings, where + "no \"doc\" string, line skipped");
      continue;
    }
    const std::string doc = doc_it->get<std::string>();
    const auto len = lengths.find(doc);
    if (known && len == lengths.end()) {
      warn(warnings, where + "unknown doc '" + doc + "', ignored");
      continue;
    }
    auto& atts = out[doc];
    const auto list = obj.find("attributions");
    if (list == obj.end() || list->is_null()) continue;
    if (!list->is_array()) {
      warn(warnings, where + "\"attributions\" is not a list, line skipped");
      continue;
    }
    for (const auto& a : *list) {
      if (!a.is_object()) {
        warn(warnings, where + "an attribution is not an object, skipped");
        continue;
      }
      Attribution att;
      for (Role r : kRoles) {
        const auto it = a.find(std::string(to_string(r)));
        if (it == a.end() || it->is_null()) continue;
        Fragments& target = r == Role::cue ? att.cue : r == Role::source ? att.source : att.content;
        if (!it->is_array()) {
          warn(warnings, where + "bad " + std::string(to_string(r)) + " (not a list), ignored");
          continue;
        }
        for (const auto& f : *it) {
          const auto frag = parse_fragment(f);
          if (!frag) {
            warn(warnings, where + "bad fragment " + f.dump() + " in " + std::string(to_string(r)));
            continue;
          }
          if (known &&
              !(0 <= frag->start && frag->start < frag->end && frag->end <= static_cast<std::int64_t>(len->second)))
            warn(warnings, where + "fragment " + f.dump() + " out of range in " + std::string(to_string(r)));
          target.push_back(*frag);
        }
      }
      if (const auto c = a.find("category"); c != a.end() && c->is_string())
        att.category = core::parse_category(c->get<std::string>());
      if (const auto an = a.find("anonymous"); an != a.end() && an->is_boolean()) att.anonymous = an->get<bool>();
      atts.push_back(std::move(att));
    }
  }
  return out;
}

std::vector<Attribution> to_codepoints(const core::Analysis& analysis, std::string_view utf8) {
  const util::CodepointIndex index(utf8);
  std::vector<Attribution> out;
  for (std::size_t i = 0; i < analysis.attributions.size(); ++i) {
    const auto& a = analysis.attributions[i];
    if (a.parent >= 0) continue;  // nested: PolNeAR does not nest
    Attribution att;
    att.id = "a" + std::to_string(i);
    att.cue = to_cp(a.cue, index);
    att.content = to_cp(a.content, index);
    if (a.source) {
      att.source = to_cp(a.source->spans, index);
      att.category = a.source->category;
      att.anonymous = a.source->anonymous;
    }
    out.push_back(std::move(att));
  }
  return out;
}

Report evaluate(const Split& gold, const Predictions& pred, const SourceLabels* labels) {
  Report r;
  r.warnings = gold.warnings;
  r.rejected = gold.rejected;
  if (labels) r.categories.emplace();
  static const std::vector<Attribution> kNone;
  static const std::vector<SourceLabel> kNoLabels;
  std::set<std::string> names;
  for (const auto& doc : gold.documents) {
    names.insert(doc.name);
    ++r.articles;
    const auto p = pred.find(doc.name);
    if (p == pred.end() || p->second.empty()) ++r.articles_without_predictions;
    const auto& predicted = p == pred.end() ? kNone : p->second;
    r.scores += score_document(doc.text, doc.attributions, predicted);
    if (labels) {
      const auto l = labels->find(doc.name);
      if (l != labels->end()) *r.categories += score_categories(doc.text, l->second, predicted);
    }
  }
  if (labels)
    for (const auto& [name, rows] : *labels)
      if (!names.count(name))
        r.warnings.push_back("labels: " + std::to_string(rows.size()) + " row(s) for article '" + name +
                             "', not in the split: ignored");
  return r;
}

Report evaluate_split(const fs::path& dir, const Analyse& analyse, const std::optional<fs::path>& labels) {
  Split gold = read_split(dir);
  std::vector<std::string> label_warnings;
  std::optional<SourceLabels> table;
  if (labels) table = read_source_labels(*labels, &label_warnings);

  Predictions pred;
  std::vector<Document> kept;
  kept.reserve(gold.documents.size());
  for (auto& doc : gold.documents) {
    try {
      pred[doc.name] = to_codepoints(analyse(doc.utf8), doc.utf8);
    } catch (const std::exception& e) {
      gold.rejected.push_back(doc.text_path.string() + ": parser failed: " + e.what());
      continue;
    }
    kept.push_back(std::move(doc));
  }
  gold.documents = std::move(kept);
  Report r = score_split(gold, "claimtrail extract", pred, table ? &*table : nullptr, std::move(label_warnings));
  r.gold_dir = dir.string();
  return r;
}

Report evaluate_predictions(const fs::path& dir, const fs::path& pred, const std::optional<fs::path>& labels) {
  const Split gold = read_split(dir);
  std::vector<std::string> warnings;
  std::optional<SourceLabels> table;
  if (labels) table = read_source_labels(*labels, &warnings);
  const Predictions predictions = read_predictions(pred, &gold, &warnings);
  Report r = score_split(gold, pred.string(), predictions, table ? &*table : nullptr, std::move(warnings));
  r.gold_dir = dir.string();
  return r;
}

std::string render_text(const Report& report) {
  const Scores& s = report.scores;
  std::string out = "gold: " + report.gold_dir + "   predictions: " + report.predictions + "\n";
  out += "articles: " + std::to_string(report.articles);
  if (!report.rejected.empty()) out += " (" + std::to_string(report.rejected.size()) + " rejected)";
  if (report.articles_without_predictions)
    out += " (" + std::to_string(report.articles_without_predictions) + " without predictions)";
  out += "   gold attributions: " + std::to_string(s.gold_attributions) +
         "   predicted: " + std::to_string(s.pred_attributions) + "\n\n";
  out += "                         P      R     F1     (n_pred / n_gold)\n";
  for (Role r : kRoles)
    for (SpanMetric m : {SpanMetric::exact_trim, SpanMetric::chars})
      out += row(pad(to_string(r), 9) + std::string(to_string(m)), s.at(r, m));
  for (AttrMetric m : {AttrMetric::attr, AttrMetric::source}) out += row(to_string(m), s.at(m));
  if (report.categories) {
    const CategoryScores& c = *report.categories;
    out += "\nsources labelled: " + std::to_string(c.labelled) + "   matched: " + std::to_string(c.matched) + " (" +
           std::to_string(c.matched_exact) + " exact-trim, " + std::to_string(c.matched - c.matched_exact) +
           " overlap)\n";
    out += "  category accuracy   " + fixed3(c.category_accuracy()) + "   (" + std::to_string(c.category_correct) +
           " / " + std::to_string(c.matched) + ")\n";
    out += "  anonymous accuracy  " + fixed3(c.anonymous_accuracy()) + "   (" + std::to_string(c.anonymous_correct) +
           " / " + std::to_string(c.matched) + ")\n";
  }
  return out;
}

json render_json(const Report& report) {
  const Scores& s = report.scores;
  json j;
  j["gold_dir"] = report.gold_dir;
  j["pred"] = report.predictions;
  j["direct_only"] = false;
  j["counts"] = {{"gold_attributions_all", s.gold_attributions},
                 {"pred_attributions_all", s.pred_attributions},
                 {"gold_attributions_scored", s.gold_attributions},
                 {"pred_attributions_scored", s.pred_attributions},
                 {"gold_ignored_no_content", s.gold_ignored_no_content},
                 {"pred_ignored_no_content", s.pred_ignored_no_content},
                 {"docs", report.articles},
                 {"docs_without_predictions", report.articles_without_predictions}};
  json& span = j["span"];
  for (Role r : kRoles)
    for (SpanMetric m : kSpanMetrics)
      span[std::string(to_string(r))][std::string(to_string(m))] = counts_json(s.at(r, m));
  json& attribution = j["attribution"];
  for (AttrMetric m : kAttrMetrics) attribution[std::string(to_string(m))] = counts_json(s.at(m));
  const PairStats& p = s.pairs;
  j["pairs"] = {{"pairs", p.pairs},
                {"content_exact", p.content_exact},
                {"content_exact_trim", p.content_exact_trim},
                {"gold_has_cue", p.gold_has_cue},
                {"cue_overlap", p.cue_overlap},
                {"gold_has_source", p.gold_has_source},
                {"source_overlap", p.source_overlap},
                {"source_exact_trim", p.source_exact_trim}};
  json& groups = j["groups"];
  for (QuoteType q : kQuoteTypes) {
    const GroupStats& g = s.group(q);
    groups[std::string(to_string(q))] = {
        {"n", g.n}, {"attr", g.attr}, {"+source", g.source}, {"content_exact_trim", g.content_exact_trim}};
  }
  if (report.categories) {
    const CategoryScores& c = *report.categories;
    json confusion = json::object();
    for (const auto& [gold, rowmap] : c.confusion)
      for (const auto& [predicted, n] : rowmap)
        confusion[std::string(core::to_string(gold))]
                 [predicted ? std::string(core::to_string(*predicted)) : std::string("none")] = n;
    j["categories"] = {{"labelled", c.labelled},
                       {"matched", c.matched},
                       {"matched_exact_trim", c.matched_exact},
                       {"matched_overlap", c.matched - c.matched_exact},
                       {"category", {{"correct", c.category_correct}, {"accuracy", figure(c.category_accuracy())}}},
                       {"anonymous", {{"correct", c.anonymous_correct}, {"accuracy", figure(c.anonymous_accuracy())}}},
                       {"confusion", confusion}};
  }
  j["warnings"] = report.warnings;
  j["rejected"] = report.rejected;
  return j;
}

}  // namespace claimtrail::eval
