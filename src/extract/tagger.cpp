#include "extract/tagger.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace claimtrail::extract {

namespace {

using learn::feature_hash;

enum Role : std::uint8_t { kNone = 0, kSrc, kCue, kCon };

// What the rules said about each token (top-level attributions only).
std::vector<std::uint8_t> rule_roles(const Context& ctx) {
  std::vector<std::uint8_t> role(static_cast<std::size_t>(ctx.doc.size()), kNone);
  for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
    if (ctx.out.attributions[a].parent >= 0) continue;
    for (const TokRange& f : ctx.attr_content[a])
      for (int i = f.b; i < f.e; ++i) role[static_cast<std::size_t>(i)] = kCon;
    for (int i = ctx.attr_source[a].b; i < ctx.attr_source[a].e; ++i) role[static_cast<std::size_t>(i)] = kSrc;
    for (int i = ctx.attr_cue[a].b; i < ctx.attr_cue[a].e; ++i) role[static_cast<std::size_t>(i)] = kCue;
  }
  return role;
}

std::string shape(const Context& ctx, int i) {
  const auto& t = ctx.doc.tok(i);
  if (t.is(text::kQuote)) return t.is(text::kOpenQuote) ? "Q(" : t.is(text::kCloseQuote) ? "Q)" : "Q";
  if (t.is(text::kPunct)) return "P";
  if (t.is(text::kDigit)) return "D";
  if (t.is(text::kAllCaps)) return "XX";
  if (t.is(text::kCapitalized)) return "Xx";
  return "x";
}

std::string word(const Context& ctx, int i, int b, int e) {
  if (i < b) return "<s>";
  if (i >= e) return "</s>";
  std::string w(ctx.low(i).substr(0, 24));
  return w;
}

int bucket(int d) { return d <= 2 ? d : d <= 5 ? 3 : d <= 10 ? 4 : 5; }

}  // namespace

std::vector<TaggedSentence> tagger_features(const Context& ctx, bool use_rules) {
  std::vector<TaggedSentence> out;
  const std::vector<std::uint8_t> role = use_rules ? rule_roles(ctx) : std::vector<std::uint8_t>{};
  static const char* kRole = "OSCN";
  for (const auto& s : ctx.doc.sentences()) {
    TaggedSentence ts;
    ts.first_tok = s.first_tok;
    ts.end_tok = s.end_tok;
    const int b = s.first_tok, e = s.end_tok;
    // Strong cue words in the sentence, for distances.
    std::vector<int> cues;
    for (int i = b; i < e; ++i)
      if (ctx.is_word(i) && ctx.has(i, kCueStartWord))
        if (const CueEntry* c = ctx.lex.cue(ctx.low(i)); c && c->p >= 0.3) cues.push_back(i);
    for (int i = b; i < e; ++i) {
      learn::Features f;
      auto add = [&](const std::string& s2) { f.push_back(feature_hash(s2)); };
      const std::string w = word(ctx, i, b, e), p1 = word(ctx, i - 1, b, e), n1 = word(ctx, i + 1, b, e);
      const std::string p2 = word(ctx, i - 2, b, e), n2 = word(ctx, i + 2, b, e);
      add("bias");
      add("w=" + w);
      add("p1=" + p1);
      add("n1=" + n1);
      add("p2=" + p2);
      add("n2=" + n2);
      add("p1w=" + p1 + "|" + w);
      add("wn1=" + w + "|" + n1);
      add("suf=" + (w.size() > 3 ? w.substr(w.size() - 3) : w));
      const std::string sh = shape(ctx, i);
      add("sh=" + sh);
      add("sh-1=" + (i > b ? shape(ctx, i - 1) : std::string("<s>")));
      add("sh+1=" + (i + 1 < e ? shape(ctx, i + 1) : std::string("</s>")));
      if (i == b) add("first|" + sh);
      if (i == e - 1) add("last");
      const auto& t = ctx.doc.tok(i);
      add(std::string("inq=") + (t.quote >= 0 ? "1" : "0"));
      if (i > b) add(std::string("inq-1=") + (ctx.doc.tok(i - 1).quote >= 0 ? "1" : "0"));
      if (i + 1 < e) add(std::string("inq+1=") + (ctx.doc.tok(i + 1).quote >= 0 ? "1" : "0"));
      if (ctx.is_word(i)) {
        const CueEntry* c = ctx.has(i, kCueStartWord) ? ctx.lex.cue(ctx.low(i)) : nullptr;
        add("cue=" + std::to_string(c ? static_cast<int>(c->p * 5) : -1));
        if (i + 1 < e && ctx.is_word(i + 1) && ctx.has(i, kCueStartWord)) {
          const std::string two = std::string(ctx.low(i)) + " " + std::string(ctx.low(i + 1));
          if (const CueEntry* c2 = ctx.lex.cue(two)) add("cue2=" + std::to_string(static_cast<int>(c2->p * 5)));
        }
        const std::uint32_t cls = ctx.cls(i);
        for (int bit = 0; bit < 11; ++bit)
          if (cls & (1u << bit)) add("cls=" + std::to_string(bit));
        if (ctx.is_name_token(i)) add("name");
      }
      // Distance to the nearest likely cue, on each side.
      int left = 1 << 20, right = 1 << 20;
      for (int c : cues) {
        if (c < i) left = std::min(left, i - c);
        if (c > i) right = std::min(right, c - i);
        if (c == i) add("atcue");
      }
      add("dl=" + std::to_string(left < (1 << 20) ? bucket(left) : 9));
      add("dr=" + std::to_string(right < (1 << 20) ? bucket(right) : 9));
      if (use_rules) {
        const auto r = [&](int k) { return k < b || k >= e ? '_' : kRole[role[static_cast<std::size_t>(k)]]; };
        const std::string rr(1, r(i));
        add("r=" + rr);
        add("r-1=" + std::string(1, r(i - 1)) + rr);
        add("r+1=" + rr + std::string(1, r(i + 1)));
        add("rw=" + rr + "|" + w);
        add("rsh=" + rr + "|" + sh);
      }
      ts.features.push_back(std::move(f));
    }
    out.push_back(std::move(ts));
  }
  return out;
}

void apply_tagger(Context& ctx, const learn::Model& model, bool use_rules) {
  using learn::Label;
  const auto sentences = tagger_features(ctx, use_rules);
  struct Built {
    TokRange cue, source;
    std::vector<TokRange> content;
    bool headline = false;
  };
  std::vector<Built> built;
  int last_sentence_attr = -1;  // for contents continuing into the next sentence
  std::uint32_t last_para = 0xFFFFFFFF;
  for (const auto& s : sentences) {
    const auto labels = model.decode(s.features);
    // Runs of each role.
    struct Run {
      int role;  // 1 src, 2 cue, 3 con
      TokRange r;
    };
    std::vector<Run> runs;
    for (int k = 0; k < static_cast<int>(labels.size()); ++k) {
      const int l = labels[static_cast<std::size_t>(k)];
      if (l == learn::O) continue;
      const int role = (l + 1) / 2;  // B_SRC/I_SRC -> 1, CUE -> 2, CON -> 3
      const bool begin = l % 2 == 1;
      const int tok = s.first_tok + k;
      if (!begin && !runs.empty() && runs.back().role == role && runs.back().r.e == tok) runs.back().r.e = tok + 1;
      else runs.push_back({role, {tok, tok + 1}});
    }
    // Each cue an attribution; sources and contents go to the nearest cue.
    std::vector<int> cue_runs;
    for (std::size_t k = 0; k < runs.size(); ++k)
      if (runs[k].role == 2) cue_runs.push_back(static_cast<int>(k));
    const std::uint32_t para = ctx.doc.tok(s.first_tok).para;
    const bool headline = s.first_tok < ctx.headline_end_tok;
    if (cue_runs.empty()) {
      // Content alone: a quotation going on from the sentence before.
      if (last_sentence_attr >= 0 && para == last_para)
        for (const auto& run : runs)
          if (run.role == 3) built[static_cast<std::size_t>(last_sentence_attr)].content.push_back(run.r);
      continue;
    }
    const std::size_t first_new = built.size();
    for (int c : cue_runs) {
      Built b;
      b.cue = runs[static_cast<std::size_t>(c)].r;
      b.headline = headline;
      built.push_back(b);
    }
    for (const auto& run : runs) {
      if (run.role == 2) continue;
      std::size_t best = first_new;
      int best_d = 1 << 20;
      for (std::size_t k = first_new; k < built.size(); ++k) {
        const TokRange& c = built[k].cue;
        const int d = run.r.e <= c.b ? c.b - run.r.e : run.r.b >= c.e ? run.r.b - c.e : 0;
        if (d < best_d) {
          best_d = d;
          best = k;
        }
      }
      if (run.role == 1 && built[best].source.empty()) built[best].source = run.r;
      else if (run.role == 3) built[best].content.push_back(run.r);
    }
    last_sentence_attr = static_cast<int>(built.size()) - 1;
    last_para = para;
  }

  // A cue without a source of its own: the rules' source for the same cue,
  // else the source of another cue of its sentence ("X said A and added B").
  for (std::size_t k = 0; k < built.size(); ++k) {
    if (!built[k].source.empty()) continue;
    for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
      const TokRange rc = ctx.attr_cue[a];
      if (ctx.out.attributions[a].parent < 0 && rc.b < built[k].cue.e && built[k].cue.b < rc.e &&
          !ctx.attr_source[a].empty()) {
        built[k].source = ctx.attr_source[a];
        break;
      }
    }
  }

  // Keep the rules' nested attributions that fall inside a model content.
  struct Nested {
    core::Attribution a;
    TokRange cue, source;
    std::vector<TokRange> content;
  };
  std::vector<Nested> nested;
  for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a)
    if (ctx.out.attributions[a].parent >= 0)
      nested.push_back({ctx.out.attributions[a], ctx.attr_cue[a], ctx.attr_source[a], ctx.attr_content[a]});

  ctx.out.attributions.clear();
  ctx.attr_cue.clear();
  ctx.attr_source.clear();
  ctx.attr_content.clear();
  for (auto& b : built) {
    if (b.content.empty()) continue;
    std::sort(b.content.begin(), b.content.end(), [](const TokRange& x, const TokRange& y) { return x.b < y.b; });
    core::Attribution a;
    a.parent = -1;
    a.in_headline = b.headline;
    a.cue.push_back(ctx.span(b.cue));
    for (const auto& f : b.content) a.content.push_back(ctx.span(f));
    bool quoted = true, any_quote = false;
    for (const auto& f : b.content) {
      if (!ctx.doc.tok(f.b).is(text::kOpenQuote)) quoted = false;
      for (int k = f.b; k < f.e; ++k) any_quote = any_quote || ctx.doc.tok(k).is(text::kQuote);
    }
    a.kind = quoted ? core::AttributionKind::direct
             : any_quote ? core::AttributionKind::mixed
                         : core::AttributionKind::indirect;
    if (ctx.low(b.cue.b) == "according") a.kind = core::AttributionKind::according_to;
    if (!b.source.empty()) {
      core::Source src;
      src.spans.push_back(ctx.span(b.source));
      a.source = src;
    }
    const int idx = static_cast<int>(ctx.out.attributions.size());
    ctx.out.attributions.push_back(std::move(a));
    ctx.attr_cue.push_back(b.cue);
    ctx.attr_source.push_back(b.source);
    ctx.attr_content.push_back(b.content);
    for (auto& n : nested) {
      const bool inside = std::any_of(b.content.begin(), b.content.end(),
                                      [&](const TokRange& f) { return n.cue.b >= f.b && n.cue.e <= f.e; });
      if (!inside || n.a.parent == -2) continue;
      n.a.parent = idx;
      ctx.out.attributions.push_back(n.a);
      ctx.attr_cue.push_back(n.cue);
      ctx.attr_source.push_back(n.source);
      ctx.attr_content.push_back(n.content);
      n.a.parent = -2;  // placed
    }
  }
}

}  // namespace claimtrail::extract
