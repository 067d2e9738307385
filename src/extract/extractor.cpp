#include "extract/extractor.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "core/error.hpp"
#include "extract/context.hpp"
#include "extract/lexicon.hpp"
#include "extract/tagger.hpp"
#include "text/abbreviations.hpp"
#include "text/document.hpp"

namespace claimtrail::extract {

struct Extractor::Impl {
  text::Abbreviations abbreviations;
  Lexicon lexicon;
  std::shared_ptr<const learn::Model> model;
  Mode mode = Mode::rules;
  std::size_t window = kDefaultWindowBytes;
  ConstructionSet constructions;
  bool syntax = true;
  // The analysis up to the attributions found by the rules. `opening`: the
  // text is an article's start, where a headline and dateline may stand.
  void prepare(std::string_view text, const text::Document& doc, Context& ctx, bool opening = true) const;
  // The whole analysis of one window of an article.
  core::Analysis analyse_window(std::string_view text, bool opening, std::uint64_t* work,
                                Extractor::ParseShare* parsed) const;
  // "LIMA, March 3 (Wire) -", "NAIROBI (AP) —", "WASHINGTON —",
  // "OSLO/STOCKHOLM, May 2 (Wire) -": places in capitals (several joined by
  // slashes), optional date, optional outlet, then a dash.
  re2::RE2 dateline{
      R"(^([A-Z][A-Z.'\-]*(?:(?:[ \x{00A0}]|/)[A-Z][A-Z.'\-]*)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?)(?:,? +((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? +\d{1,2}(?:, +\d{4})?))? *(?:\(([^()\n]{1,40})\))? *(?:-|--|–|—) *)"};
  // "Nairobi (AFP) -", "Sao Paulo, May 2 (Wire) —": a place in title case
  // needs its outlet in parentheses.
  re2::RE2 titlecase_dateline{
      R"(^([A-Z][a-z.'\-]+(?:[ \x{00A0}][A-Z][a-z.'\-]+){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?)(?:,? +((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? +\d{1,2}(?:, +\d{4})?))? *\(([^()\n]{1,40})\) *(?:-|--|–|—) *)"};
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::Extractor(std::shared_ptr<const learn::Model> model, Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->model = std::move(model);
  impl_->mode = impl_->model ? mode : Mode::rules;
}
Extractor::~Extractor() = default;

Mode Extractor::mode() const { return impl_->mode; }

void Extractor::set_window_bytes(std::size_t bytes) { impl_->window = std::max<std::size_t>(bytes, 4096); }

void Extractor::set_construction(Construction c, bool on) { impl_->constructions.set(c, on); }

void Extractor::set_syntax(bool on) { impl_->syntax = on; }

namespace {

// Windows end at a paragraph break where there is one in their second half,
// else at a sentence end, else at a space: no text is skipped.
std::size_t window_end(std::string_view text, std::size_t b, std::size_t window) {
  const std::size_t limit = b + window;
  if (limit >= text.size()) return text.size();
  const std::string_view w = text.substr(b, window);
  const std::size_t half = window / 2;
  for (const std::string_view brk : {std::string_view("\n\n"), std::string_view("\n")})
    if (const std::size_t at = w.rfind(brk); at != std::string_view::npos && at >= half) return b + at + brk.size();
  for (const std::string_view brk : {std::string_view(". "), std::string_view(" ")})
    if (const std::size_t at = w.rfind(brk); at != std::string_view::npos && at >= half) return b + at + brk.size();
  std::size_t e = limit;  // no space at all: cut between two characters
  while (e > b && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
  return e;
}

void shift(core::Span& s, std::size_t by) {
  s.start += by;
  s.end += by;
}
void shift(std::vector<core::Span>& spans, std::size_t by) {
  for (auto& s : spans) shift(s, by);
}
void shift(core::Source& src, std::size_t by, int entities) {
  shift(src.spans, by);
  if (src.entity >= 0) src.entity += entities;
  for (int& e : src.entities) e += entities;
}

// Appends the analysis of the window starting at byte `by` to `out`.
void append_window(core::Analysis& out, core::Analysis&& part, std::size_t by) {
  const int attrs = static_cast<int>(out.attributions.size());
  const int ents = static_cast<int>(out.entities.size());
  if (!out.headline && part.headline) out.headline = part.headline, shift(*out.headline, by);
  if (!out.dateline && part.dateline) out.dateline = part.dateline, shift(out.dateline->span, by);
  for (auto& a : part.attributions) {
    if (a.parent >= 0) a.parent += attrs;
    shift(a.cue, by);
    shift(a.content, by);
    shift(a.hedges, by);
    if (a.source) shift(*a.source, by, ents);
    out.attributions.push_back(std::move(a));
  }
  for (auto& e : part.entities) {
    shift(e.mentions, by);
    out.entities.push_back(std::move(e));
  }
  for (auto& n : part.non_responses) {
    shift(n.span, by);
    shift(n.who, by, ents);
    out.non_responses.push_back(std::move(n));
  }
  for (auto& d : part.source_descriptions) {
    if (d.group >= 0) d.group += ents;
    for (auto& m : d.members) shift(m.span, by);
    if (d.reason) shift(*d.reason, by);
    shift(d.span, by);
    out.source_descriptions.push_back(std::move(d));
  }
  for (auto& u : part.unattributed) {
    shift(u, by);
    out.unattributed.push_back(u);
  }
}

}  // namespace

core::Analysis Extractor::Impl::analyse_window(std::string_view text, bool opening, std::uint64_t* work,
                                               Extractor::ParseShare* parsed) const {
  core::Analysis out;
  const text::Document doc(text, abbreviations);
  Context ctx{doc, lexicon, out};
  ctx.constructions = constructions;
  ctx.syntax_wanted = syntax;
  prepare(text, doc, ctx, opening);
  if (mode != Mode::rules) apply_tagger(ctx, *model, mode == Mode::both);
  resolve_entities(ctx);
  speak_floating_quotes(ctx);
  find_source_descriptions(ctx);
  find_hedges(ctx);
  find_unattributed(ctx);
  if (work) *work += doc.visits();
  if (parsed) {
    parsed->sentences += doc.sentences().size();
    parsed->parsed += ctx.parsed_sentences;
  }
  return out;
}

core::Analysis Extractor::analyse(std::string_view text, std::uint64_t* work, ParseShare* parsed) const {
  if (work) *work = 0;
  core::Analysis out;
  if (text.size() <= impl_->window) {
    out = impl_->analyse_window(text, true, work, parsed);
  } else {
    for (std::size_t b = 0; b < text.size();) {
      const std::size_t e = window_end(text, b, impl_->window);
      append_window(out, impl_->analyse_window(text.substr(b, e - b), b == 0, work, parsed), b);
      b = e;
    }
  }
  if (auto bad = core::find_invalid_span(out, text))
    throw core::Error("", "internal error: " + *bad + " (please report this input)");
  return out;
}

std::vector<Extractor::SentenceFeatures> Extractor::features(std::string_view text, bool use_rules) const {
  core::Analysis out;
  const text::Document doc(text, impl_->abbreviations);
  Context ctx{doc, impl_->lexicon, out};
  impl_->prepare(text, doc, ctx);
  std::vector<SentenceFeatures> result;
  for (auto& s : tagger_features(ctx, use_rules)) {
    SentenceFeatures f;
    for (int i = s.first_tok; i < s.end_tok; ++i) f.tokens.push_back({doc.tok(i).start, doc.tok(i).end});
    f.features = std::move(s.features);
    result.push_back(std::move(f));
  }
  return result;
}

void Extractor::Impl::prepare(std::string_view text, const text::Document& doc, Context& ctx, bool opening) const {
  core::Analysis& out = ctx.out;
  ctx.blocked.assign(static_cast<std::size_t>(doc.size()), 0);

  // Headline: the first paragraph, when it is one line followed by more
  // paragraphs; dateline: at the start of the first body paragraph.
  const auto& paras = doc.paragraphs();
  std::size_t body_para = 0;
  auto try_dateline = [&](std::size_t p) -> bool {
    const auto& para = paras[p];
    std::string_view s = text.substr(para.start, para.end - para.start);
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece m[4];
    // A dateline opens with a capital and has its dash near the start.
    const std::string_view head = s.substr(0, 120);
    if (s.empty() || s[0] < 'A' || s[0] > 'Z' ||
        (head.find('-') == std::string_view::npos && head.find("\xE2\x80") == std::string_view::npos))
      return false;
    if (!dateline.Match(input, 0, s.size(), RE2::ANCHOR_START, m, 4) &&
        (head.find('(') == std::string_view::npos ||
         !titlecase_dateline.Match(input, 0, s.size(), RE2::ANCHOR_START, m, 4)))
      return false;
    // A dateline needs an outlet or a date, or a place of capitals before a dash.
    if (m[3].empty() && m[2].empty() && m[1].size() < 3) return false;
    core::Dateline d;
    d.place = std::string(m[1].data(), m[1].size());
    d.date = std::string(m[2].data(), m[2].size());
    d.outlet = std::string(m[3].data(), m[3].size());
    d.span = {para.start, para.start + m[0].size()};
    while (d.span.end > d.span.start && (text[d.span.end - 1] == ' ')) --d.span.end;
    out.dateline = d;
    int t = para.first_tok;
    while (t < para.end_tok && doc.tok(t).start < para.start + m[0].size()) ++t;
    ctx.body_first_tok = t;
    return true;
  };
  if (opening && paras.size() >= 2) {
    const auto& first = paras[0];
    const bool one_line = text.substr(first.start, first.end - first.start).find('\n') == std::string_view::npos;
    const std::string_view between = text.substr(first.end, paras[1].start - first.end);
    const bool blank_after = between.find('\n') != between.rfind('\n');
    if (one_line && (blank_after || try_dateline(1))) {
      // (A byte order mark opening the text is not part of the headline.)
      const std::uint32_t bom = text.substr(first.start, 3) == "\xEF\xBB\xBF" ? 3 : 0;
      out.headline = core::Span{first.start + bom, first.end};
      ctx.headline_end_tok = first.end_tok;
      body_para = 1;
    }
  }
  if (opening && !out.dateline && body_para < paras.size()) try_dateline(body_para);
  if (!out.dateline && out.headline) ctx.body_first_tok = paras[body_para].first_tok;

  find_non_responses(ctx);
  find_attributions(ctx);
}

}  // namespace claimtrail::extract
