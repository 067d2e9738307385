#include "extract/tagger.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace claimtrail::extract {

namespace {

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

// Features are numbers, not strings: a template id mixed with the hash of
// what it looks at, so that extracting them allocates nothing.
constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = (a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2))) * 0xff51afd7ed558ccdULL;
  return h ^ (h >> 29);
}

enum Template : std::uint64_t {
  kBias = 1,
  kW,
  kP1,
  kN1,
  kP2,
  kN2,
  kP1W,
  kWN1,
  kSuf,
  kShape,
  kFirst,
  kLast,
  kInQ,
  kInQP1,
  kInQN1,
  kCueP,
  kCue2,
  kCls,
  kName,
  kAtCue,
  kDL,
  kDR,
  kR,
  kRP1,
  kRN1,
  kRW,
  kRShape,
  kN1N2,
  kP2P1,
  kWQ,
  kCueL,
  kCueR
};
static_assert(kRShape < 32, "dense features keep five bits of template");

// A token's shape: an opening or closing quote, other punctuation, a number,
// capitals, a capitalised word, a lower-case word; 0 outside the sentence.
std::uint64_t shape(const Context& ctx, int i) {
  const auto& t = ctx.doc.tok(i);
  if (t.is(text::kQuote)) return t.is(text::kOpenQuote) ? 2 : t.is(text::kCloseQuote) ? 3 : 4;
  if (t.is(text::kPunct)) return 5 + (t.punct < 128 ? t.punct : 127);
  if (t.is(text::kDigit)) return 140;
  if (t.is(text::kAllCaps)) return 141;
  if (t.is(text::kCapitalized)) return 142;
  return 143;
}

std::uint64_t text_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s.substr(0, 24)) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The least a cue word's probability (as a cue, in the training data) may be
// for the model to propose it where the rules found nothing.
constexpr double kMinModelCueP = 0.05;

// A source run without the commas and dashes around it.
TokRange trim_punct(const Context& ctx, TokRange r) {
  auto bare = [&](int i) { return ctx.doc.tok(i).is(text::kPunct) && !ctx.doc.tok(i).is(text::kQuote); };
  while (r.b < r.e && bare(r.b)) ++r.b;
  while (r.e > r.b && bare(r.e - 1) && !ctx.is_punct(r.e - 1, ')')) --r.e;
  return r;
}

int bucket(int d) { return d <= 2 ? d : d <= 5 ? 3 : d <= 10 ? 4 : 5; }

}  // namespace

std::vector<TaggedSentence> tagger_features(const Context& ctx, bool use_rules) {
  std::vector<TaggedSentence> out;
  const std::vector<std::uint8_t> role = use_rules ? rule_roles(ctx) : std::vector<std::uint8_t>{};
  std::vector<std::uint64_t> wh, sh;    // per sentence token: word hash, shape
  std::vector<const CueEntry*> cue_of;  // per sentence token: its cue entry, if it starts one
  std::string two;                      // a two-word cue being looked up
  for (const auto& s : ctx.doc.sentences()) {
    TaggedSentence ts;
    ts.first_tok = s.first_tok;
    ts.end_tok = s.end_tok;
    const int b = s.first_tok, e = s.end_tok;
    const int n = e - b;
    wh.assign(static_cast<std::size_t>(n), 0);
    sh.assign(static_cast<std::size_t>(n), 0);
    for (int i = b; i < e; ++i) {
      wh[static_cast<std::size_t>(i - b)] = text_hash(ctx.low(i));
      sh[static_cast<std::size_t>(i - b)] = shape(ctx, i);
    }
    auto W = [&](int i) -> std::uint64_t { return i < b ? 11 : i >= e ? 13 : wh[static_cast<std::size_t>(i - b)]; };
    auto S = [&](int i) -> std::uint64_t { return i < b ? 17 : i >= e ? 19 : sh[static_cast<std::size_t>(i - b)]; };
    auto Q = [&](int i) -> std::uint64_t { return i < b || i >= e ? 2 : ctx.doc.tok(i).quote >= 0 ? 1 : 0; };
    auto R = [&](int i) -> std::uint64_t { return i < b || i >= e ? 7 : role[static_cast<std::size_t>(i)]; };
    // Likely cue words in the sentence, for distances. A sentence with no
    // word that is ever a cue, no quotation and nothing the rules found is
    // left out: the tagger would find nothing there.
    std::vector<int> cues;
    cue_of.assign(static_cast<std::size_t>(n), nullptr);
    bool candidate = false;
    for (int i = b; i < e; ++i) {
      if (ctx.doc.tok(i).quote >= 0 || (use_rules && role[static_cast<std::size_t>(i)] != kNone)) candidate = true;
      if (ctx.is_word(i) && ctx.has(i, kCueStartWord))
        if (const CueEntry* c = ctx.lex.cue(ctx.low(i))) {
          cue_of[static_cast<std::size_t>(i - b)] = c;
          if (c->p >= 0.05) candidate = true;
          if (c->p >= 0.3) cues.push_back(i);
        }
    }
    if (!candidate) continue;
    learn::Features& f = ts.features;
    f.values.reserve(static_cast<std::size_t>(n) * 36);
    f.ends.reserve(static_cast<std::size_t>(n));
    for (int i = b; i < e; ++i) {
      // Templates with few values are dense features; words are hashed.
      auto dense = [&](Template t, std::uint64_t v) { f.add(learn::dense_feature(t, v)); };
      auto hashed = [&](Template t, std::uint64_t v) { f.add(learn::hashed_feature(mix(t, v))); };
      const std::uint64_t w = W(i);
      dense(kBias, 0);
      hashed(kW, w);
      hashed(kP1, W(i - 1));
      hashed(kN1, W(i + 1));
      hashed(kP2, W(i - 2));
      hashed(kN2, W(i + 2));
      hashed(kP1W, mix(W(i - 1), w));
      hashed(kWN1, mix(w, W(i + 1)));
      const std::string_view lw = ctx.low(i);
      hashed(kSuf, text_hash(lw.size() > 3 ? lw.substr(lw.size() - 3) : lw));
      const std::uint64_t s0 = S(i);
      dense(kShape, s0);
      if (i == b) dense(kFirst, s0);
      if (i == e - 1) dense(kLast, 0);
      dense(kInQ, Q(i));
      dense(kInQP1, Q(i - 1));
      dense(kInQN1, Q(i + 1));
      if (ctx.is_word(i)) {
        const CueEntry* c = cue_of[static_cast<std::size_t>(i - b)];
        dense(kCueP, c ? static_cast<std::uint64_t>(c->p * 5) + 1 : 0);
        if (ctx.has(i, kCueStartWord) && i + 1 < e && ctx.is_word(i + 1)) {
          const std::string_view next = ctx.low(i + 1);
          two.assign(lw);
          two += ' ';
          two.append(next);
          if (const CueEntry* c2 = ctx.lex.cue(two)) dense(kCue2, static_cast<std::uint64_t>(c2->p * 5));
        }
        const std::uint32_t cls = ctx.cls(i);
        for (std::uint64_t bit = 0; bit < 11; ++bit)
          if (cls & (1u << bit)) dense(kCls, bit);
        if (ctx.is_name_token(i)) dense(kName, 0);
      }
      int left = 1 << 20, right = 1 << 20;
      for (int c : cues) {
        if (c < i) left = std::min(left, i - c);
        if (c > i) right = std::min(right, c - i);
        if (c == i) dense(kAtCue, 0);
      }
      dense(kDL, left < (1 << 20) ? static_cast<std::uint64_t>(bucket(left)) : 9);
      dense(kDR, right < (1 << 20) ? static_cast<std::uint64_t>(bucket(right)) : 9);
      // The nearest likely cue word on each side, and how far it is.
      if (left < (1 << 20)) hashed(kCueL, mix(W(i - left), static_cast<std::uint64_t>(bucket(left))));
      if (right < (1 << 20)) hashed(kCueR, mix(W(i + right), static_cast<std::uint64_t>(bucket(right))));
      hashed(kN1N2, mix(W(i + 1), W(i + 2)));
      hashed(kP2P1, mix(W(i - 2), W(i - 1)));
      hashed(kWQ, mix(w, Q(i)));
      if (use_rules) {
        const std::uint64_t r = R(i);
        dense(kR, r);
        dense(kRP1, R(i - 1) * 8 + r);
        dense(kRN1, r * 8 + R(i + 1));
        hashed(kRW, mix(r, w));
        dense(kRShape, r * 160 + s0);
      }
      f.end_token();
    }
    out.push_back(std::move(ts));
  }
  return out;
}

void apply_tagger(Context& ctx, const learn::Model& model, bool use_rules) {
  using learn::Label;
  // The rules' floating quotations (no cue) are the rules' alone: the
  // model's attributions replace the rules', so they go.
  for (auto it = ctx.floating.rbegin(); it != ctx.floating.rend(); ++it) {
    const auto k = static_cast<std::size_t>(it->first);
    ctx.out.attributions.erase(ctx.out.attributions.begin() + static_cast<std::ptrdiff_t>(k));
    ctx.attr_cue.erase(ctx.attr_cue.begin() + static_cast<std::ptrdiff_t>(k));
    ctx.attr_source.erase(ctx.attr_source.begin() + static_cast<std::ptrdiff_t>(k));
    ctx.attr_content.erase(ctx.attr_content.begin() + static_cast<std::ptrdiff_t>(k));
  }
  ctx.floating.clear();
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
      if (!begin && !runs.empty() && runs.back().role == role && runs.back().r.e == tok)
        runs.back().r.e = tok + 1;
      else
        runs.push_back({role, {tok, tok + 1}});
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
      if (run.role == 1 && built[best].source.empty())
        built[best].source = trim_punct(ctx, run.r);
      else if (run.role == 3)
        built[best].content.push_back(run.r);
    }
    last_sentence_attr = static_cast<int>(built.size()) - 1;
    last_para = para;
  }

  // A cue without a source of its own: the rules' source for the same cue,
  // else the source of another cue of its sentence ("X said A and added B").
  for (std::size_t k = 0; k < built.size(); ++k) {
    if (!built[k].source.empty()) continue;
    for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
      if (ctx.out.attributions[a].parent < 0 && ctx.attr_cue[a].overlaps(built[k].cue) && !ctx.attr_source[a].empty()) {
        built[k].source = ctx.attr_source[a];
        break;
      }
    }
  }

  // Where a rule found the same cue, its boundaries (auxiliaries, adverbs,
  // "according to") are the conventions' own.
  for (auto& b : built) {
    bool ruled = false;
    for (std::size_t a = 0; use_rules && a < ctx.out.attributions.size(); ++a) {
      if (ctx.out.attributions[a].parent < 0 && ctx.attr_cue[a].overlaps(b.cue)) {
        b.cue = ctx.attr_cue[a];
        ruled = true;
        // A model content that is a part of the rules' content for the same
        // cue ("which has been agreed ..." of "The plan, which has been
        // agreed ..."): the rules' reading is the whole of it.
        const auto& rf = ctx.attr_content[a];
        if (!b.content.empty() && !rf.empty()) {
          int mb = 1 << 30, me = -1;
          for (const TokRange& f : b.content) {
            mb = std::min(mb, f.b);
            me = std::max(me, f.e);
          }
          if (rf.front().b <= mb && me <= rf.back().e) b.content = rf;
        }
        break;
      }
    }
    // A cue of the model's alone whose words are (almost) never cues in the
    // training data is more often wrong than right: dropped.
    if (use_rules && !ruled) {
      double p = 0;
      for (int k = b.cue.b; k < b.cue.e; ++k)
        if (ctx.is_word(k))
          if (const CueEntry* c = ctx.lex.cue(ctx.low(k))) p = std::max(p, c->p);
      if (p < kMinModelCueP) b.content.clear();
      // "retaliation that threatened ...": a relative pronoun is a source only
      // when what it stands for can speak (a person, a body, a document).
      if (b.source.size() == 1) {
        const std::string_view w = ctx.low(b.source.b);
        int before = b.source.b - 1;
        if (before >= 0 && ctx.is_comma(before)) --before;
        if ((w == "that" || w == "which" || w == "who") && before >= 0 && !ctx.is_name_token(before) &&
            !ctx.has(before, kPersonNounWord | kOrgHeadWord | kDocumentNounWord))
          b.content.clear();
      }
      // Inside the content of an attribution the rules found, and whose cue the
      // model missed: the rules' reading of the sentence stands.
      for (std::size_t a = 0; a < ctx.out.attributions.size() && !b.content.empty(); ++a)
        if (ctx.out.attributions[a].parent < 0)
          for (const TokRange& f : ctx.attr_content[a])
            if (f.b <= b.cue.b && b.cue.e <= f.e) b.content.clear();
    }
  }

  // A rule's attribution where the model found nothing (no cue or content of
  // the model's touches it) is kept: the rules are the more precise, and
  // know constructions the training data lacks.
  if (use_rules) {
    const std::size_t model_built = built.size();
    for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
      if (ctx.out.attributions[a].parent >= 0) continue;
      // Does the range meet the rules' attribution (its cue or a content)?
      auto meets_rule = [&](TokRange m) {
        return m.overlaps(ctx.attr_cue[a]) || std::any_of(ctx.attr_content[a].begin(), ctx.attr_content[a].end(),
                                                          [&](const TokRange& f) { return m.overlaps(f); });
      };
      bool overlaps = false;
      for (std::size_t k = 0; k < model_built && !overlaps; ++k)
        overlaps =
            !built[k].content.empty() &&
            (meets_rule(built[k].cue) || std::any_of(built[k].content.begin(), built[k].content.end(), meets_rule));
      if (overlaps) continue;
      Built b;
      b.cue = ctx.attr_cue[a];
      b.source = ctx.attr_source[a];
      b.content = ctx.attr_content[a];
      b.headline = ctx.out.attributions[a].in_headline;
      built.push_back(std::move(b));
    }
    std::stable_sort(built.begin(), built.end(), [](const Built& x, const Built& y) { return x.cue.b < y.cue.b; });
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
    // A non-response ("did not respond to ...") is its own record, not a claim.
    bool blocked = false;
    for (int k = b.cue.b; k < b.cue.e; ++k) blocked = blocked || ctx.blocked[static_cast<std::size_t>(k)];
    if (blocked) continue;
    std::sort(b.content.begin(), b.content.end(), [](const TokRange& x, const TokRange& y) { return x.b < y.b; });
    // Fragments apart only by commas or dashes are one content ("The plan,
    // which ..., requires ...").
    std::vector<TokRange> merged;
    for (const TokRange& f : b.content) {
      bool joins = !merged.empty() && merged.back().e <= f.b;
      for (int k = joins ? merged.back().e : f.b; joins && k < f.b; ++k)
        joins = ctx.doc.tok(k).is(text::kPunct) && !ctx.doc.tok(k).is(text::kQuote) &&
                !ctx.doc.tok(k).is(text::kSentenceEnd);
      if (joins)
        merged.back().e = f.e;
      else
        merged.push_back(f);
    }
    b.content = std::move(merged);
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
    a.kind = quoted      ? core::AttributionKind::direct
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
