#include "eval/scorer.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace claimtrail::eval {

namespace {

constexpr std::u32string_view kOpenDouble = U"\"\u201C\u201E\u00AB\u201F\u2E42";
constexpr std::u32string_view kCloseDouble = U"\"\u201D\u00BB";
constexpr std::u32string_view kOpenSingle = U"'\u2018\u2039\u201B\u201A";
constexpr std::u32string_view kCloseSingle = U"'\u2019\u203A";
constexpr std::u32string_view kEndPunct = U".,;:!?\u2026";
constexpr std::u32string_view kPunct = U".,;:!?\u2026()[]-\u2013\u2014";

bool in(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

bool is_trim_char(char32_t c) {
  return is_space(c) || in(kPunct, c) || in(kOpenDouble, c) || in(kCloseDouble, c) || in(kOpenSingle, c) ||
         in(kCloseSingle, c);
}

std::size_t idx(std::int64_t i) { return static_cast<std::size_t>(i); }

// Non-white-space characters of one text, counted by prefix: the number in
// [a, b) is at(b) - at(a).
class NonSpaceIndex {
 public:
  explicit NonSpaceIndex(std::u32string_view text) : prefix_(text.size() + 1, 0) {
    for (std::size_t i = 0; i < text.size(); ++i) prefix_[i + 1] = prefix_[i] + !is_space(text[i]);
  }
  long in_range(std::int64_t a, std::int64_t b) const { return a < b ? prefix_[idx(b)] - prefix_[idx(a)] : 0; }
  // Shared non-space characters of two normalised spans (fragments disjoint).
  long shared(const Span& x, const Span& y) const {
    long n = 0;
    for (const auto& f : x)
      for (const auto& g : y) n += in_range(std::max(f.start, g.start), std::min(f.end, g.end));
    return n;
  }

 private:
  std::vector<long> prefix_;
};

// True when two normalised spans share at least one character.
bool overlaps(const Span& a, const Span& b) {
  for (const auto& f : a)
    for (const auto& g : b)
      if (f.start < g.end && g.start < f.end) return true;
  return false;
}

// (first start, last end) of trim_punct(span): the extent labels are given in.
Fragment trimmed_extent(const Span& span, std::u32string_view text) {
  const Span t = trim_punct(span, text);
  if (t.empty()) return {0, 0};
  return {t.front().start, t.back().end};
}

struct NormAttribution {
  Span cue, source, content;
  const Span& role(Role r) const { return r == Role::cue ? cue : r == Role::source ? source : content; }
};

std::vector<NormAttribution> normalise_all(const std::vector<Attribution>& atts, std::u32string_view text) {
  std::vector<NormAttribution> out;
  out.reserve(atts.size());
  for (const auto& a : atts)
    out.push_back({normalise(a.cue, text), normalise(a.source, text), normalise(a.content, text)});
  return out;
}

std::size_t pos(Role r) { return static_cast<std::size_t>(r); }
std::size_t pos(SpanMetric m) { return static_cast<std::size_t>(m); }
std::size_t pos(AttrMetric m) { return static_cast<std::size_t>(m); }
std::size_t pos(QuoteType q) { return static_cast<std::size_t>(q); }

// Span-level figures for one role of one article.
void score_spans(std::u32string_view text, Role role, const std::vector<NormAttribution>& gold,
                 const std::vector<NormAttribution>& pred, std::vector<char>& gold_marks, std::vector<char>& pred_marks,
                 Scores& out) {
  std::set<Span> gs;
  std::set<Span> ps;
  for (const auto& a : gold)
    if (!a.role(role).empty()) gs.insert(a.role(role));
  for (const auto& a : pred)
    if (!a.role(role).empty()) ps.insert(a.role(role));
  auto& m = out.span[pos(role)];
  auto count = [](long tp_p, std::size_t n_p, long tp_g, std::size_t n_g) {
    return Counts{tp_p, static_cast<long>(n_p), tp_g, static_cast<long>(n_g)};
  };

  long exact = 0;
  for (const auto& p : ps) exact += gs.count(p);
  m[pos(SpanMetric::exact)] += count(exact, ps.size(), exact, gs.size());

  std::set<Span> gt;
  std::set<Span> pt;
  for (const auto& g : gs) gt.insert(trim_punct(g, text));
  for (const auto& p : ps) pt.insert(trim_punct(p, text));
  long trimmed = 0;
  for (const auto& p : pt) trimmed += gt.count(p);
  m[pos(SpanMetric::exact_trim)] += count(trimmed, pt.size(), trimmed, gt.size());

  long p_hit = 0;
  long g_hit = 0;
  for (const auto& p : ps) p_hit += std::any_of(gs.begin(), gs.end(), [&](const Span& g) { return overlaps(p, g); });
  for (const auto& g : gs) g_hit += std::any_of(ps.begin(), ps.end(), [&](const Span& p) { return overlaps(p, g); });
  m[pos(SpanMetric::overlap)] += count(p_hit, ps.size(), g_hit, gs.size());

  std::fill(gold_marks.begin(), gold_marks.end(), 0);
  std::fill(pred_marks.begin(), pred_marks.end(), 0);
  for (const auto& g : gs)
    for (const auto& f : g)
      for (auto i = idx(f.start); i < idx(f.end); ++i) gold_marks[i] = !is_space(text[i]);
  for (const auto& p : ps)
    for (const auto& f : p)
      for (auto i = idx(f.start); i < idx(f.end); ++i) pred_marks[i] = !is_space(text[i]);
  long both = 0;
  long n_gold = 0;
  long n_pred = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    n_gold += gold_marks[i];
    n_pred += pred_marks[i];
    both += gold_marks[i] && pred_marks[i];
  }
  m[pos(SpanMetric::chars)] += Counts{both, n_pred, both, n_gold};
}

}  // namespace

bool is_space(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

Span normalise(const Fragments& fragments, std::u32string_view text) {
  const auto n = static_cast<std::int64_t>(text.size());
  Span out;
  out.reserve(fragments.size());
  for (const auto& f : fragments) {
    std::int64_t s = std::clamp<std::int64_t>(f.start, 0, n);
    std::int64_t e = std::clamp<std::int64_t>(f.end, 0, n);
    while (s < e && is_space(text[idx(s)])) ++s;
    while (e > s && is_space(text[idx(e - 1)])) --e;
    if (s < e) out.push_back({s, e});
  }
  std::sort(out.begin(), out.end());
  Span merged;
  for (const auto& f : out) {
    if (!merged.empty()) {
      auto& last = merged.back();
      bool join = f.start <= last.end;
      if (!join) {
        join = true;
        for (auto i = last.end; i < f.start && join; ++i) join = is_space(text[idx(i)]);
      }
      if (join) {
        last.end = std::max(last.end, f.end);
        continue;
      }
    }
    merged.push_back(f);
  }
  return merged;
}

Span trim_punct(const Span& span, std::u32string_view text) {
  if (span.empty()) return span;
  Span frags = span;
  auto& first = frags.front();
  while (first.start < first.end && is_trim_char(text[idx(first.start)])) ++first.start;
  auto& last = frags.back();  // the same fragment as `first` when there is one
  while (last.end > last.start && is_trim_char(text[idx(last.end - 1)])) --last.end;
  Span out;
  for (const auto& f : frags)
    if (f.start < f.end) out.push_back(f);
  return out.empty() ? span : out;  // an all-punctuation span (a ":" cue) stays
}

std::string_view to_string(QuoteType q) {
  switch (q) {
    case QuoteType::direct:
      return "direct";
    case QuoteType::mixed:
      return "mixed";
    case QuoteType::indirect:
      return "indirect";
  }
  return "indirect";
}

QuoteType classify(const Span& content, std::u32string_view text) {
  if (content.empty()) return QuoteType::indirect;
  const auto s = content.front().start;
  const auto e = content.back().end;
  const auto n = static_cast<std::int64_t>(text.size());
  auto at = [&](std::int64_t i) { return text[idx(i)]; };
  auto blank = [](char32_t c) { return c == U' ' || c == U'\t'; };

  char kind = 0;  // 'd'ouble or 's'ingle opening mark
  if (in(kOpenDouble, at(s))) {
    kind = 'd';
  } else if (in(kOpenSingle, at(s))) {
    kind = 's';
  } else {
    auto j = s - 1;
    while (j >= 0 && blank(at(j))) --j;
    if (j >= 0 && in(kOpenDouble, at(j)))
      kind = 'd';
    else if (j >= 0 && in(kOpenSingle, at(j)))
      kind = 's';
  }
  if (kind) {
    const std::u32string_view closing = kind == 'd' ? kCloseDouble : kCloseSingle;
    auto k = e - 1;
    while (k > s && in(kEndPunct, at(k))) --k;
    bool right = in(closing, at(k)) && k > s;
    if (!right) {
      k = e;
      while (k < n && (in(kEndPunct, at(k)) || blank(at(k)))) ++k;
      right = k < n && in(closing, at(k));
    }
    if (right) return QuoteType::direct;
  }
  bool open_double = false, close_double = false, open_single = false, close_single = false;
  long straight = 0;
  for (const auto& f : content) {
    for (auto i = f.start; i < f.end; ++i) {
      const char32_t c = at(i);
      open_double |= in(U"\u201C\u201E\u00AB\u201F\u2E42", c);
      close_double |= in(U"\u201D\u00BB", c);
      open_single |= in(U"\u2018\u2039\u201B\u201A", c);
      close_single |= in(U"\u2019\u203A", c);
      straight += c == U'"';
    }
  }
  if ((open_double && close_double) || (open_single && close_single) || straight >= 2) return QuoteType::mixed;
  return QuoteType::indirect;
}

std::optional<double> Counts::precision() const {
  if (n_pred == 0) return std::nullopt;
  return static_cast<double>(tp_pred) / static_cast<double>(n_pred);
}

std::optional<double> Counts::recall() const {
  if (n_gold == 0) return std::nullopt;
  return static_cast<double>(tp_gold) / static_cast<double>(n_gold);
}

std::optional<double> Counts::f1() const {
  const auto p = precision();
  const auto r = recall();
  if (!p && !r) return std::nullopt;
  if (!p || !r || *p == 0.0 || *r == 0.0) return 0.0;
  return 2 * *p * *r / (*p + *r);
}

Counts& Counts::operator+=(const Counts& o) {
  tp_pred += o.tp_pred;
  n_pred += o.n_pred;
  tp_gold += o.tp_gold;
  n_gold += o.n_gold;
  return *this;
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::cue:
      return "cue";
    case Role::source:
      return "source";
    case Role::content:
      return "content";
  }
  return "content";
}

std::string_view to_string(SpanMetric m) {
  switch (m) {
    case SpanMetric::exact:
      return "exact";
    case SpanMetric::exact_trim:
      return "exact-trim";
    case SpanMetric::overlap:
      return "overlap";
    case SpanMetric::chars:
      return "char";
  }
  return "char";
}

std::string_view to_string(AttrMetric m) {
  switch (m) {
    case AttrMetric::attr:
      return "attr";
    case AttrMetric::source:
      return "+source";
    case AttrMetric::source_exact:
      return "+source-exact";
    case AttrMetric::cue_source:
      return "+cue+source";
  }
  return "attr";
}

PairStats& PairStats::operator+=(const PairStats& o) {
  pairs += o.pairs;
  content_exact += o.content_exact;
  content_exact_trim += o.content_exact_trim;
  gold_has_cue += o.gold_has_cue;
  cue_overlap += o.cue_overlap;
  gold_has_source += o.gold_has_source;
  source_overlap += o.source_overlap;
  source_exact_trim += o.source_exact_trim;
  return *this;
}

GroupStats& GroupStats::operator+=(const GroupStats& o) {
  n += o.n;
  attr += o.attr;
  source += o.source;
  content_exact_trim += o.content_exact_trim;
  return *this;
}

const Counts& Scores::at(Role r, SpanMetric m) const { return span[pos(r)][pos(m)]; }
const Counts& Scores::at(AttrMetric m) const { return attribution[pos(m)]; }
const GroupStats& Scores::group(QuoteType q) const { return groups[pos(q)]; }

Scores& Scores::operator+=(const Scores& o) {
  for (std::size_t r = 0; r < span.size(); ++r)
    for (std::size_t m = 0; m < span[r].size(); ++m) span[r][m] += o.span[r][m];
  for (std::size_t m = 0; m < attribution.size(); ++m) attribution[m] += o.attribution[m];
  pairs += o.pairs;
  for (std::size_t g = 0; g < groups.size(); ++g) groups[g] += o.groups[g];
  gold_attributions += o.gold_attributions;
  pred_attributions += o.pred_attributions;
  gold_ignored_no_content += o.gold_ignored_no_content;
  pred_ignored_no_content += o.pred_ignored_no_content;
  return *this;
}

Scores score_document(std::u32string_view text, const std::vector<Attribution>& gold_raw,
                      const std::vector<Attribution>& pred_raw) {
  Scores out;
  const auto gold = normalise_all(gold_raw, text);
  const auto pred = normalise_all(pred_raw, text);
  out.gold_attributions = static_cast<long>(gold.size());
  out.pred_attributions = static_cast<long>(pred.size());

  std::vector<char> gold_marks(text.size());
  std::vector<char> pred_marks(text.size());
  for (Role r : kRoles) score_spans(text, r, gold, pred, gold_marks, pred_marks, out);

  // Attribution level: only attributions with a content take part.
  std::vector<const NormAttribution*> g_c;
  std::vector<const NormAttribution*> p_c;
  for (const auto& a : gold)
    if (!a.content.empty()) g_c.push_back(&a);
  for (const auto& a : pred)
    if (!a.content.empty()) p_c.push_back(&a);
  out.gold_ignored_no_content = static_cast<long>(gold.size() - g_c.size());
  out.pred_ignored_no_content = static_cast<long>(pred.size() - p_c.size());

  const NonSpaceIndex nonspace(text);
  // (content, source, cue shared characters, negated so that ascending order
  // is largest first; then gold index, predicted index): the reference's key.
  std::vector<std::tuple<long, long, long, std::size_t, std::size_t>> cands;
  for (std::size_t i = 0; i < g_c.size(); ++i) {
    for (std::size_t j = 0; j < p_c.size(); ++j) {
      const long ov = nonspace.shared(g_c[i]->content, p_c[j]->content);
      if (ov)
        cands.emplace_back(-ov, -nonspace.shared(g_c[i]->source, p_c[j]->source),
                           -nonspace.shared(g_c[i]->cue, p_c[j]->cue), i, j);
    }
  }
  std::sort(cands.begin(), cands.end());
  std::vector<char> used_g(g_c.size(), 0);
  std::vector<char> used_p(p_c.size(), 0);
  std::array<long, kAttrMetrics.size()> ok{};
  for (const auto& [ov, so, co, i, j] : cands) {
    if (used_g[i] || used_p[j]) continue;
    used_g[i] = used_p[j] = 1;
    const auto& ga = *g_c[i];
    const auto& pa = *p_c[j];
    bool src_ok;
    bool src_ex;
    if (!ga.source.empty()) {
      src_ok = !pa.source.empty() && overlaps(ga.source, pa.source);
      src_ex = !pa.source.empty() && trim_punct(ga.source, text) == trim_punct(pa.source, text);
      ++out.pairs.gold_has_source;
      out.pairs.source_overlap += src_ok;
      out.pairs.source_exact_trim += src_ex;
    } else {
      src_ok = src_ex = pa.source.empty();
    }
    const bool cue_ok = !ga.cue.empty() && !pa.cue.empty() && overlaps(ga.cue, pa.cue);
    if (!ga.cue.empty()) {
      ++out.pairs.gold_has_cue;
      out.pairs.cue_overlap += cue_ok;
    }
    const bool c_ex = trim_punct(ga.content, text) == trim_punct(pa.content, text);
    ++out.pairs.pairs;
    out.pairs.content_exact_trim += c_ex;
    out.pairs.content_exact += ga.content == pa.content;
    ok[pos(AttrMetric::attr)] += 1;
    ok[pos(AttrMetric::source)] += src_ok;
    ok[pos(AttrMetric::source_exact)] += src_ex;
    ok[pos(AttrMetric::cue_source)] += src_ok && (cue_ok || ga.cue.empty());
    auto& group = out.groups[pos(classify(ga.content, text))];
    group.attr += 1;
    group.source += src_ok;
    group.content_exact_trim += c_ex;
  }
  for (AttrMetric m : kAttrMetrics)
    out.attribution[pos(m)] =
        Counts{ok[pos(m)], static_cast<long>(p_c.size()), ok[pos(m)], static_cast<long>(g_c.size())};
  for (const auto* ga : g_c) out.groups[pos(classify(ga->content, text))].n += 1;
  return out;
}

std::optional<double> CategoryScores::category_accuracy() const {
  if (matched == 0) return std::nullopt;
  return static_cast<double>(category_correct) / static_cast<double>(matched);
}

std::optional<double> CategoryScores::anonymous_accuracy() const {
  if (matched == 0) return std::nullopt;
  return static_cast<double>(anonymous_correct) / static_cast<double>(matched);
}

CategoryScores& CategoryScores::operator+=(const CategoryScores& o) {
  labelled += o.labelled;
  matched += o.matched;
  matched_exact += o.matched_exact;
  category_correct += o.category_correct;
  anonymous_correct += o.anonymous_correct;
  for (const auto& [gold, row] : o.confusion)
    for (const auto& [predicted, n] : row) confusion[gold][predicted] += n;
  return *this;
}

CategoryScores score_categories(std::u32string_view text, const std::vector<SourceLabel>& labels,
                                const std::vector<Attribution>& pred) {
  CategoryScores out;
  out.labelled = static_cast<long>(labels.size());

  std::vector<Span> label_spans;
  std::vector<Fragment> label_extents;
  for (const auto& l : labels) {
    label_spans.push_back(normalise({l.extent}, text));
    label_extents.push_back(trimmed_extent(label_spans.back(), text));
  }
  // Predicted sources, one per distinct normalised span (the first one's flags).
  std::vector<Span> pred_spans;
  std::vector<const Attribution*> pred_of;
  std::set<Span> seen;
  for (const auto& a : pred) {
    Span s = normalise(a.source, text);
    if (s.empty() || !seen.insert(s).second) continue;
    pred_spans.push_back(std::move(s));
    pred_of.push_back(&a);
  }

  std::vector<char> used_l(labels.size(), 0);
  std::vector<char> used_p(pred_spans.size(), 0);
  auto record = [&](std::size_t i, std::size_t j) {
    used_l[i] = used_p[j] = 1;
    ++out.matched;
    const auto& p = *pred_of[j];
    out.category_correct += p.category == labels[i].category;
    out.anonymous_correct += p.anonymous == labels[i].anonymous;
    ++out.confusion[labels[i].category][p.category];
  };
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (label_spans[i].empty()) continue;
    for (std::size_t j = 0; j < pred_spans.size(); ++j) {
      if (used_p[j] || trimmed_extent(pred_spans[j], text) != label_extents[i]) continue;
      record(i, j);
      ++out.matched_exact;
      break;
    }
  }
  const NonSpaceIndex nonspace(text);
  std::vector<std::tuple<long, std::size_t, std::size_t>> cands;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (used_l[i]) continue;
    for (std::size_t j = 0; j < pred_spans.size(); ++j) {
      if (used_p[j]) continue;
      if (const long ov = nonspace.shared(label_spans[i], pred_spans[j])) cands.emplace_back(-ov, i, j);
    }
  }
  std::sort(cands.begin(), cands.end());
  for (const auto& [ov, i, j] : cands)
    if (!used_l[i] && !used_p[j]) record(i, j);
  return out;
}

}  // namespace claimtrail::eval
