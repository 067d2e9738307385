#include "extract/extractor.hpp"

#include <re2/re2.h>

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
  // The analysis up to the attributions found by the rules.
  void prepare(std::string_view text, const text::Document& doc, Context& ctx) const;
  // "LIMA, March 3 (Wire) -", "NAIROBI (AP) —", "WASHINGTON —":
  // place in capitals, optional date, optional outlet, then a dash.
  re2::RE2 dateline{
      R"(^([A-Z][A-Z.'\-]*(?:[ \x{00A0}][A-Z][A-Z.'\-]*)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?)(?:,? +((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? +\d{1,2}(?:, +\d{4})?))? *(?:\(([^()\n]{1,40})\))? *(?:-|--|–|—) *)"};
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

core::Analysis Extractor::analyse(std::string_view text, std::uint64_t* work) const {
  core::Analysis out;
  const text::Document doc(text, impl_->abbreviations);
  Context ctx{doc, impl_->lexicon, out};
  impl_->prepare(text, doc, ctx);
  if (impl_->mode != Mode::rules) apply_tagger(ctx, *impl_->model, impl_->mode == Mode::both);
  resolve_entities(ctx);
  find_source_descriptions(ctx);
  find_hedges(ctx);
  find_unattributed(ctx);
  if (work) *work = doc.visits();
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

void Extractor::Impl::prepare(std::string_view text, const text::Document& doc, Context& ctx) const {
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
  if (paras.size() >= 2) {
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
  if (!out.dateline && body_para < paras.size()) try_dateline(body_para);
  if (!out.dateline && out.headline) ctx.body_first_tok = paras[body_para].first_tok;

  find_non_responses(ctx);
  find_attributions(ctx);
}

}  // namespace claimtrail::extract
