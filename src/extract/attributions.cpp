// Finding attributions: cue candidates from the learned cue table, then the
// source and content around each cue by the constructions of news prose:
// source-first ("X said that ..."), content-first ("..., X said"), inverted
// ("..., said X"), "according to X", quotes split by their cue, quotes that
// run over paragraphs, and attributions nested in another's content.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "extract/constructions.hpp"
#include "extract/context.hpp"
#include "language/lexical.hpp"

namespace claimtrail::extract {

namespace {

using text::kCloseQuote;
using text::kOpenQuote;
using text::kSentenceEnd;

// Is the lower-cased word w in one of the classes of data/lexicon/grammar.tsv?
bool is(const Context& ctx, std::uint32_t classes, std::string_view w) { return ctx.lex.is(w, classes); }

// Word forms by their endings: "saying", "alleging"; "posed", "sued".
bool participle(std::string_view w) { return w.size() > 4 && w.ends_with("ing"); }
// ... and one WordNet knows as a verb's: "speaking", not the surname "Vrieling".
// A hyphenated one by its last part: "cross-examining", "co-founding".
bool verb_participle(std::string_view w) {
  if (!participle(w)) return false;
  if (language::verb(language::lemma_verb(w)).has_value()) return true;
  const std::size_t h = w.rfind('-');
  return h != std::string_view::npos && h > 0 && verb_participle(w.substr(h + 1));
}
bool past_form(std::string_view w) { return w.size() >= 4 && w.ends_with("ed"); }
// A form of "be": before a participle, a passive.
bool be_form(std::string_view w) {
  return w == "be" || w == "been" || w == "being" || w == "is" || w == "are" || w == "am" || w == "was" || w == "were";
}

struct Cue {
  TokRange core;  // the learned words
  TokRange span;  // with auxiliaries and adverbs
  double score = 0;
  bool according_to = false;
  bool closes_clause = false;  // "..., the sources said.": its content stands before it
  // What score() found before the cue: where its modifiers start and the
  // word window's subject there, which frame_bonus reads rather than scan again.
  int mod_b = 0;
  TokRange window_subject = {};
};

class Finder {
 public:
  explicit Finder(Context& ctx) : ctx_(ctx), doc_(ctx.doc) {}

  void run() {
    if (ctx_.constructions.on(Construction::speaker_label)) speaker_labels();
    const auto& sentences = doc_.sentences();
    std::size_t label = 0;  // the next speaker label's content
    for (std::size_t si = 0; si < sentences.size(); ++si) {
      const auto& s = sentences[si];
      while (label < labelled_.size() && labelled_[label].e <= s.first_tok) ++label;
      if (label < labelled_.size() && labelled_[label].b <= s.first_tok) continue;  // said under a speaker's label
      int b = std::max(s.first_tok, s.first_tok < ctx_.body_first_tok && s.end_tok > ctx_.body_first_tok
                                        ? ctx_.body_first_tok
                                        : s.first_tok);
      if (s.end_tok <= b) continue;
      const bool headline = b < ctx_.headline_end_tok;
      int idx = find_in({b, s.end_tok}, -1, headline);
      // "\"Why me?\" Trump said." : the quote's ? or ! ended a sentence
      // before its attribution.
      if (idx < 0 && !headline && si > 0 && b == s.first_tok && !doc_.tok(b).is(text::kQuote)) {
        const auto& prev = sentences[si - 1];
        if (prev.para == s.para && prev.first_tok >= ctx_.body_first_tok && doc_.tok(prev.first_tok).is(kOpenQuote) &&
            doc_.tok(prev.end_tok - 1).is(kCloseQuote) && !attributed(prev))
          idx = find_in({prev.first_tok, s.end_tok}, -1, false);
      }
      if (idx >= 0 && !headline) {
        const std::size_t took = ctx_.constructions.on(Construction::continued_quote) ? continued_quotes(idx, si) : 0;
        if (took == 0 && ctx_.constructions.on(Construction::more_in_sentence))
          more_in_sentence({b, s.end_tok}, static_cast<std::size_t>(idx));
        si += took;
      }
    }
    if (ctx_.constructions.on(Construction::dash_signed)) dash_signed_quotes();
    if (ctx_.constructions.on(Construction::floating_quote)) floating_quotes();
    if (ctx_.constructions.on(Construction::embedded)) nested_in_quotations();
  }

  // What a quotation's speaker reports others said is nested in the
  // quotation: "\"He told me it was none of my business,\" she said",
  // "\"I said to him, 'Then she will be dead,'\" she recalled". Each
  // sentence of the quotation no other attribution touches is searched,
  // for what is said, not believed (no frames).
  void nested_in_quotations() {
    const auto& sents = doc_.sentences();
    const std::size_t n = ctx_.out.attributions.size();
    for (std::size_t i = 0; i < n; ++i) {
      const auto& at = ctx_.out.attributions[i];
      if (at.parent >= 0 || at.in_headline ||
          (at.kind != core::AttributionKind::direct && at.kind != core::AttributionKind::mixed))
        continue;
      const std::vector<TokRange> frags = ctx_.attr_content[i];  // find_in() adds attributions
      for (const TokRange& f : frags) {
        if (!doc_.tok(f.b).is(kOpenQuote)) continue;
        int qe = f.e;
        while (qe > f.b + 1 &&
               (doc_.tok(qe - 1).is(kCloseQuote) || ctx_.is_punct(qe - 1, ',') || ctx_.is_punct(qe - 1, '.')))
          --qe;
        auto s = std::upper_bound(sents.begin(), sents.end(), f.b,
                                  [](int v, const text::Sentence& x) { return v < x.first_tok; });
        if (s != sents.begin()) --s;
        ctx_.inside_quote = doc_.tok(f.b).quote;  // its words read as plain text until the walk ends
        for (; s != sents.end() && s->first_tok < qe; ++s) {
          // (a quotation's sentences may stand as one: split at their ends)
          for (int b = std::max(s->first_tok, f.b + 1), end = std::min(s->end_tok, qe); b < end;) {
            int e = b, next = -1;
            while (e < end && !(ctx_.is_punct(e, '.') || ctx_.is_punct(e, '?') || ctx_.is_punct(e, '!'))) {
              // a quotation inside ends its sentence with its closing mark
              // ("... and said, 'Call the police.' I wish ...")
              if (inner_mark(e, true) && e + 1 < end && ctx_.is_word(e + 1)) {
                const int c = inner_close(e, end);
                if (c > e) {
                  e = c + 1;
                  if (ctx_.is_punct(c - 1, '.') || ctx_.is_punct(c - 1, '?') || ctx_.is_punct(c - 1, '!')) {
                    next = e;
                    break;
                  }
                  continue;
                }
              }
              ++e;
            }
            if (e - b >= 4 && !taken_by_other(b, e, i)) {
              frames_ = false;
              // only speech reported: a verb of saying and a clause or a
              // quotation; after a cue that is not ("I asked him in July,
              // and he told me, '...'") the search goes on past it
              for (int from = b; from < e;) {
                const std::size_t before = ctx_.out.attributions.size();
                find_in({from, e}, static_cast<int>(i), false);
                int resume = -1;
                while (ctx_.out.attributions.size() > before && !reported_speech(ctx_.out.attributions.size() - 1)) {
                  resume = std::max(resume, ctx_.attr_cue.back().e);
                  drop_last();
                }
                // ... and after one that does, past what it reports: "I told
                // her, 'Ask it first,' and she said, 'Ask it what?'"
                if (ctx_.out.attributions.size() > before) {
                  resume = std::max(resume, ctx_.attr_cue.back().e);
                  for (const TokRange& g : ctx_.attr_content.back()) resume = std::max(resume, g.e);
                }
                if (resume <= from) break;
                from = resume;
              }
              frames_ = true;
            }
            b = next >= 0 ? next : e + 1;
          }
        }
        ctx_.inside_quote = -1;
      }
    }
  }

  // Is attribution k speech reported inside a quotation: a verb of saying
  // and, after it, a quotation, a clause ("that" or not) or, after a verb
  // of telling, what someone is to do ("told me to run")? Not "he wrote it
  // all down", "nobody explained the delay", "we expected to find ...".
  bool reported_speech(std::size_t k) const {
    const TokRange cue = ctx_.attr_cue[k];
    const auto& frags = ctx_.attr_content[k];
    if (frags.empty() || !ctx_.lex.is_speech_verb(ctx_.low(cue.e - 1))) return false;
    // "if they say ...", "when the company tells us ...": supposed, not reported
    const TokRange src = ctx_.attr_source[k];
    if (const int before = (src.empty() ? cue.b : src.b) - 1; before >= 0 && ctx_.is_word(before)) {
      const std::string_view w = ctx_.low(before);
      if (w == "if" || w == "when" || w == "whenever" || w == "unless") return false;
    }
    const TokRange f = frags.front();
    if (doc_.tok(f.b).is(kOpenQuote) || inner_mark(f.b, true)) return true;
    if (ctx_.low(f.b) == "to") return is(ctx_, kTellVerbWord, ctx_.low(cue.e - 1));
    const int b = ctx_.low(f.b) == "that" ? f.b + 1 : f.b;
    // a clause: by the words, or a subject pronoun and a verb by the parse
    // ("told me they want a deal")
    if (clause_follows(b, f.e)) return true;
    if (b + 1 < f.e && is(ctx_, kSubjectPronounWord, ctx_.low(b)))
      for (int t = b + 1; t < std::min(f.e, b + 4); ++t)
        if (const int tag = parse_tag(ctx_, t); tag == language::VERB || tag == language::AUX) return true;
    return false;
  }

  void drop_last() {
    ctx_.out.attributions.pop_back();
    ctx_.attr_cue.pop_back();
    ctx_.attr_source.pop_back();
    ctx_.attr_content.pop_back();
  }

  // Does an attribution other than `self` hold a cue or content token of
  // [b, e)? (taken(): any attribution.)
  bool taken_by_other(int b, int e, std::size_t self) const {
    for (std::size_t k = 0; k < ctx_.attr_content.size(); ++k) {
      if (k == self) continue;
      if (ctx_.attr_cue[k].overlaps({b, e})) return true;
      for (const TokRange& f : ctx_.attr_content[k])
        if (f.overlaps({b, e})) return true;
    }
    return false;
  }

  // A paragraph that is only a quotation, with no cue of its own, after a
  // paragraph holding an attribution with a speaker (or another floating
  // quotation): the same speaker goes on ("... said Jane Doe. <new
  // paragraph> \"Nobody else would do it.\""). A quotation left open at
  // its paragraph's end takes in the paragraphs it runs on into; one that
  // continues an open quotation is that quotation's (continued_quotes).
  void floating_quotes() {
    const auto& paragraphs = doc_.paragraphs();
    const auto& quotes = doc_.quotes();
    const std::size_t np = paragraphs.size();
    // Per paragraph, found in one pass (the text's length, not its square):
    // whether an attribution holds a token of it, and the last attribution
    // with a speaker that has its cue or words there.
    std::vector<char> held(np, 0);
    std::vector<int> speaker_in(np, -1), quoted_in(np, -1);  // (quoted_in: of a quotation)
    auto mark = [&](int k, TokRange t, bool speaks) {
      if (t.empty()) return;
      const auto kind = ctx_.out.attributions[static_cast<std::size_t>(k)].kind;
      const bool quotation = kind == core::AttributionKind::direct || kind == core::AttributionKind::mixed;
      for (std::size_t p = doc_.tok(t.b).para; p <= doc_.tok(t.e - 1).para && p < np; ++p) {
        held[p] = 1;
        if (speaks) speaker_in[p] = std::max(speaker_in[p], k);
        if (speaks && quotation) quoted_in[p] = std::max(quoted_in[p], k);
      }
    };
    auto note = [&](std::size_t k, bool spoken) {
      const auto& at = ctx_.out.attributions[k];
      const bool speaks = spoken && at.parent < 0 && !at.in_headline;
      mark(static_cast<int>(k), ctx_.attr_cue[k], speaks);
      for (const TokRange& f : ctx_.attr_content[k]) mark(static_cast<int>(k), f, speaks);
    };
    for (std::size_t k = 0; k < ctx_.attr_content.size(); ++k) note(k, !ctx_.attr_source[k].empty());
    for (std::size_t pi = 1; pi < np; ++pi) {
      const text::Paragraph& p = paragraphs[pi];
      if (p.first_tok < ctx_.body_first_tok || p.end_tok <= p.first_tok || held[pi]) continue;
      const int b = p.first_tok;
      const int q = doc_.tok(b).quote;
      if (!doc_.tok(b).is(kOpenQuote) || q < 0) continue;
      const auto& region = quotes[static_cast<std::size_t>(q)];
      if (region.prev >= 0) continue;
      int last = p.end_tok - 1;  // the closing mark, before a final period
      while (last > b && doc_.tok(last).is(kSentenceEnd) && doc_.tok(last).quote < 0) --last;
      const bool whole = region.close_tok == last || (region.close_tok < 0 && region.next >= 0);
      // The speaker: the last attribution with a cue or words in the
      // paragraph before (a quotation running on into it included).
      // (a quotation goes on from the one before, not from the document an
      // "according to" after it cites: "'...,' says Jo Roe. ... according to
      // the auction house. <new paragraph> '...'")
      int speaker = speaker_in[pi - 1];
      if (speaker >= 0 && quoted_in[pi - 1] >= 0 &&
          ctx_.out.attributions[static_cast<std::size_t>(speaker)].kind == core::AttributionKind::according_to)
        speaker = quoted_in[pi - 1];
      if (!whole || speaker < 0) continue;
      std::vector<TokRange> frags;
      add_content(frags, b, region.close_tok < 0 ? p.end_tok : region.close_tok + 1);
      core::Attribution a;
      a.kind = core::AttributionKind::direct;
      for (const TokRange& f : frags) a.content.push_back(ctx_.span(f));
      ctx_.out.attributions.push_back(std::move(a));
      ctx_.attr_cue.push_back({b, b});
      ctx_.attr_source.push_back({});
      ctx_.attr_content.push_back(frags);
      const std::size_t k = ctx_.out.attributions.size() - 1;
      ctx_.floating.push_back({static_cast<int>(k), speaker});
      note(k, true);  // it speaks on in the paragraph after
      while (pi + 1 < np && paragraphs[pi + 1].first_tok < frags.back().e) ++pi;
    }
  }

  // Is token i inside a quotation (other than the one read as plain text)?
  bool quoted(int i) const { return doc_.tok(i).quote >= 0 && doc_.tok(i).quote != ctx_.inside_quote; }

  // In a quotation read as plain text, a single mark opening or closing a
  // quotation within it ("I said to him, 'Then she will be dead,'"): the
  // document pairs no marks inside a quotation.
  bool inner_mark(int i, bool open) const {
    if (ctx_.inside_quote < 0 || i < 0 || i >= doc_.size()) return false;
    const auto& t = doc_.tok(i);
    if (!t.is(text::kPunct) || t.quote != ctx_.inside_quote || t.is(kOpenQuote) || t.is(kCloseQuote)) return false;
    const char32_t p = t.punct;
    return p == '\'' || p == '"' || p == (open ? char32_t{0x2018} : char32_t{0x2019}) ||
           p == (open ? char32_t{0x201C} : char32_t{0x201D});
  }

  // Does a quotation open at token i: a quotation's own mark, or inside a
  // quotation being read as text, its inner quotation's?
  bool opening_mark(int i) const { return doc_.tok(i).is(kOpenQuote) || inner_mark(i, true); }

  // The mark closing the quotation an inner mark at `open` opens, before
  // `end`; -1 when there is none.
  int inner_close(int open, int end) const {
    for (int c = open + 2; c < end; ++c) {
      if (!inner_mark(c, false) || doc_.tok(c).start != doc_.tok(c - 1).end) continue;  // glued to what it closes
      if (c + 1 >= end || !ctx_.is_word(c + 1) || doc_.tok(c + 1).start > doc_.tok(c).end) return c;
    }
    return -1;
  }

  // Does an attribution found so far hold a token of [b, e)?
  bool taken(int b, int e) const { return taken_by_other(b, e, ctx_.attr_content.size()); }

  // A speaker's label and a colon opening a paragraph: a transcript's
  // "SMITH: Where does the money come from?" (one to three words in
  // capitals, maybe after a quotation mark), or a headline's "Jane Doe: We
  // will win" (up to four capitalised words). The colon is the cue, the label
  // the source, the rest of the paragraph the content. Labels of the piece
  // ("Analysis:", "EDITOR'S NOTE:") are not speakers.
  void speaker_labels() {
    for (const text::Paragraph& para : doc_.paragraphs()) {
      const bool headline = para.first_tok < ctx_.headline_end_tok;
      if (headline && (quote_then_speaker(para) || words_then_speaker(para))) continue;
      int b = std::max(para.first_tok, headline ? para.first_tok : ctx_.body_first_tok);
      const int e = para.end_tok;
      if (b < e && doc_.tok(b).is(kOpenQuote)) ++b;
      const int widest = headline ? 4 : 3;
      int colon = b;
      while (colon < e && colon - b <= widest && !ctx_.is_punct(colon, ':')) ++colon;
      if (colon == b || colon + 1 >= e || !ctx_.is_punct(colon, ':') || colon - b > widest) continue;
      bool ok = ctx_.is_word(b) && !ctx_.lex.is_headline_label(ctx_.low(b));
      for (int k = b; k < colon && ok; ++k)
        ok = ctx_.is_punct(k, '.') ||
             (ctx_.is_word(k) && doc_.tok(k).is(headline ? text::kCapitalized : text::kAllCaps));
      // An interview's "Q:" and "A:": one capital letter alone.
      if (!ok && !headline && colon == b + 1 && doc_.tok(b).end - doc_.tok(b).start == 1 &&
          doc_.tok(b).is(text::kCapitalized))
        ok = true;
      if (!ok) continue;
      int end = e;
      if (doc_.tok(end - 1).is(kCloseQuote) && doc_.tok(para.first_tok).is(kOpenQuote)) --end;
      const int idx =
          emit(core::AttributionKind::direct, {colon, colon + 1}, {b, colon}, {{colon + 1, end}}, -1, headline);
      if (idx < 0) continue;
      labelled_.push_back({para.first_tok, e});
      if (!headline) ctx_.speaker_labels.push_back({b, colon});
      // What the speaker reports others said is nested in the label's content.
      for (const auto& s : doc_.sentences()) {
        if (s.end_tok <= colon + 1 || s.first_tok >= end) continue;
        const std::size_t before = ctx_.out.attributions.size();
        frames_ = false;  // what the speaker reports, not the speaker's own beliefs
        find_in({std::max(s.first_tok, colon + 1), std::min(s.end_tok, end)}, -1, headline);
        frames_ = true;
        for (std::size_t k = before; k < ctx_.out.attributions.size(); ++k)
          if (ctx_.out.attributions[k].parent < 0) ctx_.out.attributions[k].parent = idx;
      }
    }
  }

  // A headline quoting first and naming its speaker after a colon or a
  // dash: "'We have the numbers': PM", "\"No talks\" \u2013 Union chief". The
  // colon or dash is the cue, the capitalised words after it the source.
  bool quote_then_speaker(const text::Paragraph& para) {
    const int b = para.first_tok, e = para.end_tok;
    if (b >= e || !doc_.tok(b).is(kOpenQuote) || doc_.tok(b).quote < 0) return false;
    const int close = doc_.quotes()[static_cast<std::size_t>(doc_.tok(b).quote)].close_tok;
    const int cue = close + 1;
    if (close < 0 || cue + 1 >= e || !(ctx_.is_punct(cue, ':') || doc_.tok(cue).is(text::kDash))) return false;
    // the speaker: the capitalised words after the cue (the headline may go
    // on about them: "'...': PM survives vote")
    int end = cue + 1;
    while (end < e && end - (cue + 1) < 4 && ctx_.is_word(end) && doc_.tok(end).is(text::kCapitalized) &&
           !ctx_.has(end, kFiniteVerbWord))
      ++end;
    if (end == cue + 1) return false;
    return emit(core::AttributionKind::direct, {cue, cue + 1}, {cue + 1, end}, {{b, close + 1}}, -1, true) >= 0;
  }

  // A headline stating, then a dash and who says it, as much of the world's
  // press writes them ("Strike: We won't negotiate under duress \u2013 State
  // govt"): the dash is the cue, the one to three capitalised words after it
  // the source, what comes before (after a "Label:") the content.
  bool words_then_speaker(const text::Paragraph& para) {
    const int b = para.first_tok, e = para.end_tok;
    if (b >= e || doc_.tok(b).is(kOpenQuote)) return false;  // quote_then_speaker's
    int dash = e - 1;
    while (dash > b && !doc_.tok(dash).is(text::kDash)) --dash;
    if (dash <= b || e - (dash + 1) < 1 || e - (dash + 1) > 3 || !doc_.tok(dash + 1).is(text::kCapitalized))
      return false;
    for (int k = dash + 1; k < e; ++k)
      if (!ctx_.is_word(k) || ctx_.has(k, kDeterminerWord | kClauseOpenerWord | kFiniteVerbWord | kPronounWord |
                                              kSubjectPronounWord | kAdverbialOpenerWord))
        return false;
    int cb = b;
    for (int k = b; k < dash && k < b + 4; ++k)
      if (ctx_.is_punct(k, ':')) cb = k + 1;
    if (dash - cb < 3) return false;
    return emit(core::AttributionKind::indirect, {dash, dash + 1}, {dash + 1, e}, {{cb, dash}}, -1, true) >= 0;
  }

  // A quotation signed with a dash and a name at the end of its line, as in
  // lists of reader or voter quotes: "\"We deserve better.\" \u2015 Jane Doe,
  // Ohio". The dash is the cue, the name (to a comma) the source, and the
  // quotation (from its opening mark, else from the start of the line) the
  // content.
  void dash_signed_quotes() {
    const std::string_view text = doc_.text();
    auto line_break_between = [&](int i, int j) {  // between the end of token i and the start of token j
      return text.substr(doc_.tok(i).end, doc_.tok(j).start - doc_.tok(i).end).find('\n') != std::string_view::npos;
    };
    for (int dash = std::max(1, ctx_.body_first_tok + 1); dash + 1 < doc_.size(); ++dash) {
      const text::Token& t = doc_.tok(dash);
      if (!t.is(text::kPunct) || (t.punct != U'\u2014' && t.punct != U'\u2015' && t.punct != U'\u2013')) continue;
      const int close = dash - 1;
      if (!doc_.tok(close).is(text::kQuote) || line_break_between(close, dash) || line_break_between(dash, dash + 1) ||
          !doc_.tok(dash + 1).is(text::kCapitalized))
        continue;
      // The signature: a few words to a comma, then at most a short description, then the line ends.
      int e = dash + 1;
      while (e < doc_.size() && !ctx_.is_comma(e) && !line_break_between(e - 1, e) && e - dash <= 6) ++e;
      const int name_end = e;
      while (name_end < doc_.size() && e < doc_.size() && !line_break_between(e - 1, e) && e - dash <= 16) ++e;
      if (e < doc_.size() && !line_break_between(e - 1, e)) continue;
      int open = close;
      const int q = doc_.tok(close).quote;
      if (q >= 0 && doc_.quotes()[static_cast<std::size_t>(q)].open_tok >= 0 &&
          doc_.quotes()[static_cast<std::size_t>(q)].close_tok == close)
        open = doc_.quotes()[static_cast<std::size_t>(q)].open_tok;
      else
        while (open > ctx_.body_first_tok && !line_break_between(open - 1, open)) --open;
      if (open >= close) continue;
      if (taken(open, close + 1)) continue;
      emit(core::AttributionKind::direct, {dash, dash + 1}, {dash + 1, name_end}, {{open, close + 1}}, -1, false);
    }
  }

  static constexpr int kLongestSearchedSentence = 120;  // tokens
  static constexpr double kLeastSecondScore = 0.6;      // a further cue in a sentence must score this

  // A sentence can hold more than one attribution: "X, who backed the
  // bill, agreed that A, but Y said B"; "A, X said, as Y warned that B".
  // After the first, each stretch of the sentence that no attribution from
  // `first` on holds (its cue, source or content) is searched on its own,
  // until a search finds nothing.
  void more_in_sentence(TokRange sentence, std::size_t first) {
    if (sentence.size() > kLongestSearchedSentence) return;  // a run-on text, not a sentence: one search
    for (int round = 0; round < 3; ++round) {
      std::vector<char> held(static_cast<std::size_t>(sentence.size()), 0);
      auto mark = [&](TokRange t) {
        for (int k = std::max(t.b, sentence.b); k < std::min(t.e, sentence.e); ++k)
          held[static_cast<std::size_t>(k - sentence.b)] = 1;
      };
      for (std::size_t k = first; k < ctx_.attr_cue.size(); ++k) {
        mark(ctx_.attr_cue[k]);
        mark(ctx_.attr_source[k]);
        for (const TokRange& f : ctx_.attr_content[k]) mark(f);
      }
      bool found = false;
      for (int k = sentence.b; k < sentence.e && !found;) {
        if (held[static_cast<std::size_t>(k - sentence.b)]) {
          ++k;
          continue;
        }
        int e = k;
        while (e < sentence.e && !held[static_cast<std::size_t>(e - sentence.b)]) ++e;
        TokRange stretch{k, e};
        k = e;
        while (stretch.b < stretch.e && !ctx_.is_word(stretch.b) && !doc_.tok(stretch.b).is(kOpenQuote)) ++stretch.b;
        while (stretch.b < stretch.e && is(ctx_, kCoordinatorWord, ctx_.low(stretch.b))) ++stretch.b;
        if (stretch.size() < 4) continue;
        found = find_in(stretch, -1, false, kLeastSecondScore) >= 0;
      }
      if (!found) return;
    }
  }

  // Does some attribution already hold a token of sentence `s`?
  bool attributed(const text::Sentence& s) const {
    for (std::size_t i = ctx_.attr_cue.size(); i-- > 0;) {
      if (ctx_.attr_cue[i].b >= s.first_tok && ctx_.attr_cue[i].b < s.end_tok) return true;
      for (const TokRange& f : ctx_.attr_content[i])
        if (f.b < s.end_tok && s.first_tok < f.e) return true;
      if (ctx_.attr_cue[i].b < s.first_tok && ctx_.attr_content[i].back().e <= s.first_tok) break;
    }
    return false;
  }

  // A direct quote whose attribution closes its sentence goes on in the
  // quote-only sentences after it in the same paragraph: "\"A,\" X said.
  // \"B.\"" is one attribution with contents A and B. Returns how many
  // sentences it took.
  std::size_t continued_quotes(int idx, std::size_t si) {
    const auto ui = static_cast<std::size_t>(idx);
    auto& frags = ctx_.attr_content[ui];
    const TokRange cue = ctx_.attr_cue[ui];
    if (frags.empty() || frags.back().e > cue.b || !doc_.tok(frags.back().b).is(kOpenQuote)) return 0;
    const auto& sentences = doc_.sentences();
    std::size_t taken = 0;
    for (std::size_t k = si + 1; k < sentences.size(); ++k) {
      const auto& s = sentences[k];
      if (s.para != sentences[si].para || !doc_.tok(s.first_tok).is(kOpenQuote)) break;
      const int q = doc_.tok(s.first_tok).quote;
      if (q < 0) break;
      const auto& region = doc_.quotes()[static_cast<std::size_t>(q)];
      int last = s.end_tok - 1;
      while (last > s.first_tok && doc_.tok(last).is(kSentenceEnd)) --last;
      if (region.close_tok < 0) {
        // A quotation going on into the next paragraphs ("... orange.
        // <new paragraph> "I don't know ..."): all of it, and the sentences
        // it covers are done.
        if (region.next < 0 || region.prev >= 0) break;
        add_content(frags, s.first_tok, s.end_tok);
        ++taken;
        while (k + 1 < sentences.size() && sentences[k + 1].first_tok < frags.back().e) {
          ++k;
          ++taken;
        }
        break;
      }
      if (region.close_tok < last) break;
      frags.push_back({s.first_tok, s.end_tok});
      ++taken;
    }
    if (taken > 0) {
      auto& a = ctx_.out.attributions[ui];
      a.content.clear();
      for (const TokRange& f : frags) a.content.push_back(ctx_.span(f));
    }
    return taken;
  }

 private:
  // Finds the attribution of the clause `r` (a sentence, or a content for
  // nested ones); returns its index or -1.
  int find_in(TokRange r, int parent, bool headline, double least_score = 0) {
    headline_ = headline;
    const std::vector<Cue> cues = cue_candidates(r, parent >= 0);
    for (const Cue& cue : cues) {
      if (cue.score < least_score) continue;
      const int idx = build(r, cue, parent, headline);
      if (idx >= 0) return idx;
    }
    return -1;
  }

  std::vector<Cue> cue_candidates(TokRange r, bool nested) const {
    std::vector<Cue> found;
    std::string key;
    const int longest = static_cast<int>(ctx_.lex.longest_cue_words());
    for (int i = r.b; i < r.e; ++i) {
      if (!ctx_.is_word(i) || quoted(i) || ctx_.blocked[static_cast<std::size_t>(i)]) continue;
      const bool it_is = impersonal_at(i, r.b);
      if (!ctx_.has(i, kCueStartWord) && !it_is) continue;
      // After "the", "a" or "its" a cue word is a noun ("the state", "a
      // report", "its signal"), never a verb of saying.
      if (i > r.b && ctx_.is_word(i - 1) && ctx_.has(i - 1, kDeterminerWord) && ctx_.low(i - 1) != "that" &&
          ctx_.low(i - 1) != "no")
        continue;
      // "State" in "the State Department" is a name, not a cue; headlines
      // capitalise every word, and a sentence's first word is capitalised anyway.
      if (doc_.tok(i).is(text::kCapitalized) && !headline_ && i > r.b && !doc_.tok(i - 1).is(kOpenQuote)) continue;
      // Of the cues starting here, the likeliest; the longer among equals
      // ("called for" over "called", but "said" over "said tuesday").
      const CueEntry* best = nullptr;
      int best_n = 0;
      key.clear();
      for (int n = 1; n <= std::min(longest, r.e - i); ++n) {
        const int k = i + n - 1;
        if (!ctx_.is_word(k)) break;
        if (n > 1) key.push_back(' ');
        key.append(ctx_.low(k));
        const CueEntry* e = ctx_.lex.cue_or_prefix(key);
        if (!e) break;
        if (e->as_cue > 0 && (!best || e->p >= best->p || key == "according to")) {
          best = e;
          best_n = n;
        }
        if (!e->longer) break;
      }
      // "it is learnt", "it was gathered that": a report no one named holds.
      static constexpr CueEntry kImpersonal{3, 10, 0.8};
      if (it_is && (!best || best->p < kImpersonal.p)) {
        best = &kImpersonal;
        best_n = 1;
      }
      // "asked not to be named": why a source is anonymous, not what it said.
      if (best && i + 3 < r.e && ctx_.low(i + 1) == "not" && ctx_.low(i + 2) == "to" && ctx_.low(i + 3) == "be")
        best = nullptr;
      // ... nor is its "be named", "be identified"
      if (best && i >= r.b + 3 &&
          ((ctx_.low(i) == "be" && ctx_.low(i - 1) == "to" && ctx_.low(i - 2) == "not") ||
           (ctx_.low(i - 1) == "be" && ctx_.low(i - 2) == "to" && ctx_.low(i - 3) == "not")))
        best = nullptr;
      // A verb of telling in the passive ("Sony was not told about the
      // deal"): its subject heard it, it did not say it.
      // So is one with no addressee before what it was about ("officials
      // briefed on the talks", "staff informed of the plan").
      if (best && is(ctx_, kTellVerbWord, ctx_.low(i)) &&
          (passive_before(i, r.b) ||
           (i + 1 < r.e && (ctx_.low(i + 1) == "on" || ctx_.low(i + 1) == "about" || ctx_.low(i + 1) == "of"))))
        best = nullptr;
      // Words that are cues less than one time in ten ("in", "for") are left
      // to the learned tagger: as rules they cost more than they find.
      if (best && best->as_cue >= 3 && (best->p >= 0.1 || best_n > 1)) {
        Cue c;
        c.core = {i, i + best_n};
        c.according_to = best_n == 2 && ctx_.low(i) == "according" && ctx_.low(i + 1) == "to";
        c.score = score(r, c, *best);
        // Below the bar on words alone, a verb the parse shows with a
        // speaker for subject and a clause or object of its own is an
        // attitude reported ("the unions agreed the plan was fair", "the
        // senator endorsed the governor").
        if (frames_ && !nested && c.score < 0.5 && c.score >= 0.5 - kFrameBonus && !c.according_to)
          c.score += frame_bonus(r, c, *best);
        // In a relative clause describing someone ("Jane Doe, who proposed
        // the cut, warned that ..."): the main verb comes first.
        {
          int k = i - 1;  // "..., which first reported ...": modifiers between
          while (k > r.b && k > i - 3 && ctx_.is_word(k) && ctx_.has(k, kCueModifierWord)) --k;
          if (k - 1 >= r.b && ctx_.is_comma(k - 1) && (ctx_.low(k) == "who" || ctx_.low(k) == "which")) c.score -= 0.25;
        }
        const double threshold = nested ? 0.6 : 0.5;
        // A noun modifying the next ("a state agency", "the press office")
        // is no cue; the parse is asked only of a word that would be one,
        // between two words.
        if (c.score >= threshold && best_n == 1 && i > r.b && i + 1 < r.e && ctx_.is_word(i - 1) &&
            ctx_.is_word(i + 1) && noun_modifier(ctx_, i))
          continue;
        if (c.score >= threshold) found.push_back(c);
      }
    }
    for (Cue& c : found) c.span = expand(c.core, r);
    // Strong cues first; among them one closing the clause ("Inspectors
    // found that A, one of them said": what "found" reports is inside
    // what "said" reports), then the earlier.
    std::stable_sort(found.begin(), found.end(), [](const Cue& a, const Cue& b) {
      const bool sa = a.score >= 0.75, sb = b.score >= 0.75;
      if (sa != sb) return sa;
      if (sa && a.closes_clause != b.closes_clause) return a.closes_clause;
      if (sa) return a.core.b < b.core.b;
      return a.score > b.score;
    });
    // A cue opening a "that" clause goes before the cues inside it ("Court
    // documents show that the board first asked ...": what the board asked
    // is inside what the documents show).
    for (std::size_t k = 1; k < found.size(); ++k) {
      const Cue& c = found[k];
      if (c.core.e >= r.e || ctx_.low(c.core.e) != "that") continue;
      bool inside = true;  // (not past a cue closing the clause, which reports it all)
      for (std::size_t j = 0; j < k && inside; ++j) inside = found[j].core.b > c.core.e && !found[j].closes_clause;
      if (inside)
        std::rotate(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k),
                    found.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      break;
    }
    return found;
  }

  // "it is learnt", "it was gathered", "it is understood": an impersonal
  // report, with no one holding it (the hearsay participles of grammar.tsv).
  bool impersonal_at(int i, int lower) const {
    if (i - 2 < lower || !ctx_.has(i, kHearsayWord)) return false;  // (the token's cached classes: asked of every word)
    const std::string_view be = ctx_.low(i - 1);
    return ctx_.low(i - 2) == "it" && (be_form(be) || be == "has");
  }

  // Is the verb at `i` in the passive: a form of "be" before it, past the
  // cue's modifiers ("was not told", "have been repeatedly warned")?
  bool passive_before(int i, int lower) const {
    for (int k = i - 1; k >= lower && k >= i - 4 && ctx_.is_word(k) && ctx_.has(k, kCueModifierWord); --k)
      if (be_form(ctx_.low(k))) return true;
    return false;
  }

  static constexpr double kFrameBonus = 0.25;  // what the parse's frame adds to a cue's score
  static constexpr double kObjectCue = 0.3;    // an object (not a clause) needs a word that is a cue this often

  // The parse's say on a cue: kFrameBonus when its first word is a verb
  // whose subject (before it) can speak and which takes a finite clause,
  // or an object when the word is often enough a cue ("endorsed the
  // governor"; not "approved the project"); else nothing.
  double frame_bonus(TokRange r, const Cue& c, const CueEntry& e) const {
    // The parse is asked only when the word window sees a speaker before
    // the cue (the parse's subject must be one too): most candidates are not
    // parsed.
    const TokRange window = c.window_subject;
    if ((window.empty() || !speaker_like(window.e - 1)) && !participle_after_clause(c.core, c.mod_b, r)) return 0;
    const VerbFrame f = syntax_frame(ctx_, c.core.b);
    if (!f.parsed || !f.verb || f.subject_head < 0 || f.subject_head >= c.core.b) return 0;
    if (!speaker_like(f.subject_head)) return 0;
    if (!f.clause && !(f.object && e.p >= kObjectCue)) return 0;
    return kFrameBonus;
  }

  double score(TokRange r, Cue& c, const CueEntry& e) const {
    if (c.according_to) return 1.0;
    if (e.as_cue < 3) return 0;
    double s = e.p;
    const int next = c.core.e;
    if (next < r.e) {
      const std::string_view w = ctx_.low(next);
      if (w == "that")
        s += 0.3;
      else if (ctx_.is_punct(next, ':') || opening_mark(next))
        s += 0.3;
      else if (ctx_.is_comma(next) && next + 1 < r.e && opening_mark(next + 1))
        s += 0.3;
      // a verb of telling, its addressee, then a quotation ("kept telling
      // me, '...'")
      else if (is(ctx_, kTellVerbWord, ctx_.low(c.core.e - 1)) && next + 2 < r.e && ctx_.is_word(next) &&
               (is(ctx_, kPronounWord, ctx_.low(next)) || ctx_.is_name_token(next)) && ctx_.is_comma(next + 1) &&
               opening_mark(next + 2))
        s += 0.3;
      else if (c.core.size() == 1 && is(ctx_, kForecastVerbWord, ctx_.low(c.core.b)) && object_then_to(next, r.e))
        s += 0.3;
      else if (is(ctx_, kDirectiveWord, ctx_.low(c.core.b)) && !ctx_.low(c.core.b).ends_with("ing") &&
               directive_object(next, r.e) >= 0)
        s += 0.3;  // "appealed to residents to come forward": an addressee, then what to do
      else if (w == "to" && c.core.size() == 1 && is(ctx_, kHearsayWord, ctx_.low(c.core.b)) &&
               passive_before(c.core.b, r.b))
        s = std::max(s, 0.55);  // "is understood to have ...": the construction says so, weakly
      else if (clause_follows(next, r.e))
        s += 0.15;  // "believes tariff costs may ease"
      else if (c.core.size() == 1 && ctx_.low(c.core.b).substr(0, 4) == "call" && quote_after_object(next, r.e))
        s += 0.3;  // "called the rise 'a tax on work'"
    }
    // "..., the sources said." : content before, cue at the clause end.
    const int mod_b = modifiers_start(c.core.b, r);
    const TokRange subj = source_before(ctx_, mod_b, r.b);
    c.mod_b = mod_b;
    c.window_subject = subj;
    c.closes_clause = tail_like({c.core.e, r.e}, r) && has_content_boundary_before(subj.empty() ? mod_b : subj.b, r);
    if (c.closes_clause) s += 0.25;
    if (e.occurrences < 10 && e.p < 0.6) s -= 0.2;
    // A speaker-like subject right before the cue: "officials acknowledge";
    // or, for a participle after the main clause, the clause's subject
    // ("Jane Doe mocked the plan, saying ...").
    if (!subj.empty() && speaker_like(subj.e - 1)) s += 0.15;
    if (subj.empty() && participle_after_clause(c.core, mod_b, r)) {
      const TokRange clause_subj = clause_subject(r.b, mod_b - 1);
      if (!clause_subj.empty() && speaker_like(clause_subj.e - 1)) s += 0.15;
    }
    return s;
  }

  // A one-word participle cue right after the main clause and its comma:
  // "Jane Doe mocked the plan, saying ...".
  bool participle_after_clause(TokRange core, int mod_b, TokRange r) const {
    return core.size() == 1 && mod_b - 1 > r.b && comma_at(mod_b - 1) && participle(ctx_.low(core.b));
  }

  // A comma at token i, or a closing quotation mark right after one
  // ('"... not yet alarming," adding that').
  bool comma_at(int i) const {
    return ctx_.is_comma(i) || (i > 0 && doc_.tok(i).is(kCloseQuote) && ctx_.is_comma(i - 1));
  }

  // A clause without "that": a word opening it, then a finite verb or modal
  // within a few words, no comma between.
  bool clause_follows(int k, int e) const {
    if (k >= e || !ctx_.is_word(k) || is(ctx_, kFiniteVerbWord, ctx_.low(k)) || ctx_.low(k) == "to") return false;
    for (int j = k + 1; j < std::min(e, k + 6); ++j) {
      if (!ctx_.is_word(j)) return false;
      const std::string_view w = ctx_.low(j);
      if (is(ctx_, kFiniteVerbWord, w)) return true;
      // "say he posed a threat": a pronoun and a past form.
      if (j == k + 1 && is(ctx_, kSubjectPronounWord, ctx_.low(k)) && past_form(w)) return true;
    }
    return false;
  }

  // "called the plan "a disaster"": an object of a few words, then a
  // quotation, no comma between.
  bool quote_after_object(int k, int e) const {
    if (k >= e || !ctx_.is_word(k)) return false;
    if (is(ctx_, kParticleWord, ctx_.low(k))) return false;
    for (int j = k + 1; j < std::min(e, k + 9); ++j) {
      if (doc_.tok(j).is(kOpenQuote)) return true;
      if (!ctx_.is_word(j)) return false;
    }
    return false;
  }

  // "expects U.S. orders to fall": a noun phrase of a few words, then "to"
  // and a verb, no comma between.
  bool object_then_to(int k, int e) const {
    for (int j = k + 1; j < std::min(e - 1, k + 7); ++j) {
      if (!ctx_.is_word(j) && !ctx_.is_punct(j, '%') && !ctx_.is_punct(j, '.')) return false;
      if (ctx_.low(j) == "to") return ctx_.is_word(j + 1) && !doc_.tok(j + 1).is(text::kCapitalized);
      if (is(ctx_, kClauseOpenerWord, ctx_.low(j)) || is(ctx_, kFiniteVerbWord, ctx_.low(j))) return false;
    }
    return false;
  }

  // Is this word on its own a cue more often than not ("said", "told")?
  bool strong_cue(std::string_view w) const {
    const CueEntry* e = ctx_.lex.cue(w);
    return e != nullptr && e->as_cue >= 3 && e->p >= 0.5;
  }

  // Can the word ending a noun phrase name a speaker (a pronoun, a name, a
  // person, a body or a document)?
  bool speaker_like(int head) const {
    const std::string_view w = ctx_.low(head);
    return is(ctx_, kPronounWord, w) || ctx_.is_name_token(head) ||
           ctx_.has(head, kPersonNounWord | kOrgHeadWord | kDocumentNounWord);
  }

  // The head of a source after its cue ("said the head coach, Jo Roe"): as
  // speaker_like, or a noun the tables lack that WordNet first knows as a
  // person ("coach", "midwife").
  bool speaker_head(int head) const {
    return speaker_like(head) || (ctx_.is_word(head) && !doc_.tok(head).is(text::kCapitalized) &&
                                  ctx_.low(head).size() > 2 && wordnet_person(ctx_.low(head)));
  }

  // "could be announced": a passive cue, whose subject is not its source.
  bool passive(const Cue& c) const {
    if (c.span.b == c.core.b) return false;
    const std::string_view aux = ctx_.low(c.core.b - 1);
    const std::string_view core = ctx_.low(c.core.b);
    const bool participle = (core.size() > 2 && core.substr(core.size() - 2) == "ed") || core == "told" ||
                            core == "said" || core == "shown" || core == "known" || core == "written";
    return participle && core != "expected" && be_form(aux);
  }

  // Is token i a word folded into a cue before its core: an auxiliary, a
  // negation, or an adverb ("has also said", "cynically said")?
  bool cue_modifier(int i) const {
    if (!ctx_.is_word(i) || doc_.tok(i).is(text::kCapitalized)) return false;
    const std::string_view w = ctx_.low(i);
    if (is(ctx_, kCueModifierWord, w)) return true;
    return adverb(w);
  }

  // An adverb in -ly ("cynically", "bluntly"), not "family" or "July".
  bool adverb(std::string_view w) const { return w.size() > 4 && w.ends_with("ly") && !is(ctx_, kNotAdverbWord, w); }

  // Extends a cue core left over auxiliaries, negation and adverbs.
  TokRange expand(TokRange core, TokRange r) const { return {modifiers_start(core.b, r), core.e}; }

  int end_without_final_punct(TokRange r) const {
    int e = r.e;
    while (e > r.b && doc_.tok(e - 1).is(kSentenceEnd)) --e;
    while (e > r.b && (ctx_.is_punct(e - 1, ',') || ctx_.is_punct(e - 1, ';') || ctx_.is_punct(e - 1, ':'))) --e;
    return e;
  }

  // Is [a, e) what may follow a cue that ends its clause: nothing, or a short
  // complement ("in a statement", "on Tuesday", "told reporters")?
  bool tail_like(TokRange t, TokRange r) const {
    const int e = end_without_final_punct(r);
    int n = 0;
    for (int i = t.b; i < std::min(t.e, e); ++i) {
      if (doc_.tok(i).is(kOpenQuote) || quoted(i)) return false;
      const std::string_view w = ctx_.low(i);
      if (w == "that" || ctx_.is_punct(i, ':')) return false;
      if (ctx_.is_comma(i)) break;  // ", adding that ..." starts something else
      // "... told staff on Wednesday in a memo seen by X": the document it
      // was said in ends the clause, however long
      if ((w == "in" || w == "through") && i + 2 < e &&
          (ctx_.has(i + 2, kDocumentNounWord) || (i + 3 < e && ctx_.has(i + 3, kDocumentNounWord))))
        break;
      // "... , his son said The Donald is just getting started": a clause.
      if (ctx_.is_word(i) &&
          (is(ctx_, kFiniteVerbWord, w) || (i == t.b && is(ctx_, kSubjectPronounWord, w) && w != "who")))
        return false;
      if (++n > 8) return false;
    }
    return true;
  }

  // Does text end with a comma, dash or closing quote right before token
  // `start` (the subject of a cue, or the cue itself): "X, the officials said"?
  bool has_content_boundary_before(int start, TokRange r) const {
    const int before = start - 1;
    if (before <= r.b) return false;
    return ctx_.is_comma(before) || doc_.tok(before).is(kCloseQuote) || doc_.tok(before).is(text::kDash);
  }

  int modifiers_start(int cue_b, TokRange r) const {
    int b = cue_b;
    for (;;) {
      if (b - 1 >= r.b && cue_modifier(b - 1)) {
        --b;
        continue;
      }
      // an aspect of the saying: "used to say", "kept telling"
      if (b - 2 >= r.b && ctx_.low(b - 1) == "to" && ctx_.low(b - 2) == "used") {
        b -= 2;
        continue;
      }
      const std::string_view w = b - 1 >= r.b ? ctx_.low(b - 1) : std::string_view();
      if ((w == "kept" || w == "keeps" || w == "keep") && ctx_.low(cue_b).ends_with("ing")) {
        --b;
        continue;
      }
      return b;
    }
  }

  // The quote region chain containing region q, in order.
  std::vector<int> chain(int q) const {
    const auto& quotes = doc_.quotes();
    while (quotes[static_cast<std::size_t>(q)].prev >= 0) q = quotes[static_cast<std::size_t>(q)].prev;
    std::vector<int> out;
    for (; q >= 0; q = quotes[static_cast<std::size_t>(q)].next) out.push_back(q);
    return out;
  }

  // Adds the content [b, e) to `frags`, widening it to whole quotation chains
  // when it is a quotation that runs over paragraphs.
  void add_content(std::vector<TokRange>& frags, int b, int e) const {
    if (e <= b) return;
    const int q = doc_.tok(b).quote;
    if (q >= 0 && doc_.tok(b).is(kOpenQuote)) {
      const auto& region = doc_.quotes()[static_cast<std::size_t>(q)];
      const int last = region.last_tok;
      if (last + 1 >= e - 1 && (region.prev >= 0 || region.next >= 0)) {
        for (int k : chain(q)) {
          const auto& rk = doc_.quotes()[static_cast<std::size_t>(k)];
          if (k == q)
            frags.push_back({b, std::max(e, last + 1)});
          else
            frags.push_back({rk.open_tok, rk.last_tok + 1});
        }
        return;
      }
    }
    frags.push_back({b, e});
  }

  // Where a relative clause whose words start at token i ends: at the next
  // comma, sentence end or quotation mark.
  int relative_clause_end(int i, int end) const {
    while (i < end && !ctx_.is_comma(i) && !doc_.tok(i).is(kSentenceEnd) && !doc_.tok(i).is(text::kQuote)) ++i;
    return i;
  }

  // Source after a cue in inverted order: "..., said Jane Doe, a spokeswoman."
  TokRange source_after(int from, int end) const {
    if (from >= end) return {};
    const std::string_view w0 = ctx_.low(from);
    const auto& t0 = doc_.tok(from);
    const bool np_start = t0.is(text::kCapitalized) || is(ctx_, kPronounWord, w0) || ctx_.is_name_token(from) ||
                          ctx_.has(from, kDeterminerWord | kQuantifierWord | kPersonNounWord | kRankWord | kTitleWord |
                                             kAffiliationWord) ||
                          w0 == "former" || w0 == "state";
    if (!np_start) return {};
    int i = from;
    int commas = 0;
    for (; i < end; ++i) {
      const std::string_view w = ctx_.low(i);
      if (w == "that" || doc_.tok(i).is(kOpenQuote) || ctx_.is_punct(i, ':') || ctx_.is_punct(i, ';')) return {};
      if (ctx_.is_punct(i, '(')) {  // "Howard Dean (D)"
        int j = i + 1;
        while (j < end && j < i + 8 && !ctx_.is_punct(j, ')')) ++j;
        if (j < end && ctx_.is_punct(j, ')')) {
          i = j;
          continue;
        }
        break;
      }
      if (ctx_.is_comma(i)) {
        // "..., said Jane Doe, who fled her home." : the relative clause
        // describing the source is part of it, to the next comma or the end.
        if (i + 1 < end && ctx_.low(i + 1) == "who" && i - from <= 20) {
          const int j = relative_clause_end(i + 2, end);
          if (j - from <= 40 && j > i + 2) return {from, j};
          return {from, i};
        }
        // An appositive may follow the name (an age too: "Jane Doe, 71,
        // who ..."); anything else ends the source.
        if (commas == 0 && i + 1 < end &&
            (ctx_.has(i + 1, kDeterminerWord) || ctx_.has(i + 1, kTitleWord) ||
             doc_.tok(i + 1).is(text::kCapitalized) || ctx_.has(i + 1, kRankWord) ||
             (doc_.tok(i + 1).is(text::kDigit) && i + 2 < end && ctx_.is_comma(i + 2)))) {
          ++commas;
          continue;
        }
        // ... and after an age, what the person is: "said Jo Roe, 71, a
        // retired signalman who has lived there since 1979"
        if (commas == 1 && i >= from + 2 && doc_.tok(i - 1).is(text::kDigit) && ctx_.is_comma(i - 2) && i + 1 < end &&
            (ctx_.low(i + 1) == "a" || ctx_.low(i + 1) == "an" || ctx_.low(i + 1) == "the")) {
          ++commas;
          continue;
        }
        break;
      }
      // "a lawyer for the residents who sued the city": inside an appositive,
      // a relative clause describing its noun belongs to the source.
      if (commas > 0 && ctx_.is_word(i) && w == "who" && i > from && ctx_.is_word(i - 1)) {
        const int j = relative_clause_end(i + 1, end);
        if (j - from <= 40 && j > i + 1) return {from, j};
        break;
      }
      // "says the woman who had to do the persuading": a relative clause
      // without a comma, to the sentence's end, tells which one
      if (w == "who" && i > from && commas == 0 && ctx_.is_word(i - 1) &&
          (ctx_.has(i - 1, kPersonNounWord) || wordnet_person(ctx_.low(i - 1)))) {
        const int j = relative_clause_end(i + 1, end);
        if (j >= end && j - from <= 25) return {from, j};
      }
      if (ctx_.is_word(i) && (w == "adding" || w == "saying" || w == "noting" || w == "who" || w == "during" ||
                              w == "when" || w == "while" || w == "after" || w == "before" || w == "as"))
        break;
      // "said the two sides had agreed": a clause, not an inverted source;
      // but "said people briefed on the talks": a participle describing them.
      const bool described =
          past_form(w) && speaker_like(i - 1) && i + 1 < end && is(ctx_, kPostmodifierWord, ctx_.low(i + 1));
      if (i > from && commas == 0 && ctx_.is_word(i) && !doc_.tok(i).is(text::kCapitalized) && !described &&
          (is(ctx_, kFiniteVerbWord, w) || strong_cue(w)))
        return {};
    }
    if (i - from > 20) return {};
    return {from, i};
  }

  // What the constructions tried around one cue share.
  struct Attempt {
    TokRange r;  // the clause
    const Cue& cue;
    int parent;  // the enclosing attribution, -1 at top level
    bool headline;
    int e = 0;      // the clause's end, without its final punctuation
    int mod_b = 0;  // where the cue's span (with its modifiers) starts
    // The noun phrase before the cue and the text before it, found once
    // for the constructions that need them (sized_up()).
    bool sized = false;
    TokRange source = {};
    int pre_e = 0;                 // end of the text before the source, without commas and dashes
    bool pre_has_content = false;  // a content can stand before the source
    bool quoted_pre = false;       // a quotation ends right before the source
  };
  // A construction: nullopt when it does not apply (the next is tried), else
  // the attribution it built (-1: the cue yields none).
  using Step = std::optional<int> (Finder::*)(Attempt&);

  int build(TokRange r, const Cue& cue, int parent, bool headline) {
    if (parent >= 0 && passive(cue)) return -1;
    Attempt a{r, cue, parent, headline, end_without_final_punct(r), cue.span.b};
    // In the order tried; see constructions.hpp.
    static constexpr std::pair<Construction, Step> kSteps[] = {
        {Construction::according_to, &Finder::according_to},
        {Construction::inverted, &Finder::inverted},
        {Construction::content_first, &Finder::content_first},
        {Construction::split_quote, &Finder::split_quote},
        {Construction::expectation, &Finder::expectation_held_by_none},
        {Construction::shared_subject, &Finder::shared_subject},
        {Construction::participle_subject, &Finder::participle_subject},
        {Construction::coordinated_verb, &Finder::coordinated_verb},
        {Construction::source_first, &Finder::source_first},
    };
    for (const auto& [c, step] : kSteps)
      if (ctx_.constructions.on(c))
        if (const std::optional<int> idx = (this->*step)(a)) return *idx;
    return -1;
  }

  // "according to X": X runs to the next comma, dash or clause end; the
  // content is what stands before, else what follows.
  std::optional<int> according_to(Attempt& a) {
    if (!a.cue.according_to) return std::nullopt;
    Context& c = ctx_;
    const int e = a.e;
    int se = a.cue.core.e;
    while (se < e && !c.is_comma(se) && !doc_.tok(se).is(text::kDash) && !c.is_punct(se, '(') && !c.is_punct(se, ';') &&
           !quoted(se))
      ++se;
    // An appositive name after the source: "according to the ministry's
    // spokesman, Marek Dvorak, the article ...", "..., according to the grid
    // operator, Northern Valley Networks." (the name ending the sentence).
    if (se + 2 < e && c.is_comma(se) && c.is_name_token(se + 1)) {
      int k = se + 1;
      while (k < e && k < se + 5 && c.is_name_token(k)) ++k;
      const bool content_before = a.cue.span.b - a.r.b >= 3;
      // (after a description of someone, not of a document: not "the
      // report, Smith, Jones and Brown")
      bool role = c.has(a.cue.core.e, kDeterminerWord) || c.possessive(a.cue.core.e);
      for (int k2 = a.cue.core.e; k2 < se && role; ++k2) role = !c.has(k2, kDocumentNounWord);
      if (role && ((k < e && c.is_comma(k) && k + 1 < e && c.is_word(k + 1)) || (k == e && content_before))) se = k;
    }
    const TokRange source{a.cue.core.e, se};
    if (source.empty()) return -1;
    std::vector<TokRange> frags;
    int pre_e = a.cue.span.b;
    while (pre_e > a.r.b && (c.is_comma(pre_e - 1) || doc_.tok(pre_e - 1).is(text::kDash))) --pre_e;
    if (pre_e - a.r.b >= 2) {
      add_content(frags, a.r.b, pre_e);
      // "A, according to the report, but B": the statement goes on
      if (a.parent < 0 && se < e)
        if (const TokRange rest = statement_continued(a.r.b, pre_e, se, e); !rest.empty()) frags.push_back(rest);
    } else {
      int cs = se;
      while (cs < e && (c.is_comma(cs) || doc_.tok(cs).is(text::kDash))) ++cs;
      if (cs >= e) return -1;
      add_content(frags, cs, e);
    }
    return emit(core::AttributionKind::according_to, a.cue.span, source, frags, a.parent, a.headline);
  }

  // Inverted: "<content>, said X" / "\"...,\" said X". (After "told" comes
  // the addressee, never the source.)
  std::optional<int> inverted(Attempt& a) {
    Context& c = ctx_;
    const int mod_b = a.mod_b, e = a.e;
    if (!(mod_b - 1 > a.r.b && (c.is_comma(mod_b - 1) || doc_.tok(mod_b - 1).is(kCloseQuote)) &&
          !is(ctx_, kTellVerbWord, c.low(a.cue.core.e - 1))))
      return std::nullopt;
    const TokRange after = source_after(a.cue.core.e, e);
    int head_end = after.b;  // the head noun phrase ends before an appositive or a modifier
    while (head_end < after.e && !c.is_comma(head_end) && !c.is_punct(head_end, '(') &&
           !(head_end > after.b && is(ctx_, kPostmodifierWord, c.low(head_end))))
      ++head_end;
    // Its head may carry an adjective or participle with a complement:
    // "a person familiar with the talks", "officials briefed on the plan".
    int head = head_end - 1;
    for (int k = head;
         k > after.b && k >= head_end - 2 && !speaker_like(k) && c.is_word(k) && !doc_.tok(k).is(text::kCapitalized) &&
         head_end < after.e && is(ctx_, kPostmodifierWord, c.low(head_end));
         --k)
      if (speaker_like(k - 1)) head = k - 1;
    // (WordNet's word only in a short noun phrase opening on a determiner:
    // "said the head coach, Jo Roe", not "says the station survived
    // because nobody ...")
    const bool speaker =
        !after.empty() &&
        (speaker_like(head) || (head_end - after.b <= 4 && ctx_.has(after.b, kDeterminerWord) && speaker_head(head)));
    if (after.empty() || !(after.e >= e || c.is_comma(after.e) || c.low(after.e) == "who") || !speaker)
      return std::nullopt;
    int pre_e = mod_b;
    if (c.is_comma(pre_e - 1)) --pre_e;
    if (pre_e - a.r.b < 2 || !clause_in(a.r.b, pre_e)) return std::nullopt;
    std::vector<TokRange> frags;
    add_content(frags, a.r.b, pre_e);
    // "A, said X, and B"; a quote continuing after the source: "\"A,\" said X, \"B.\""
    add_rest(frags, a.parent, a.r.b, pre_e, after.e - 1, after.e, e);
    return emit(kind_of(frags), a.cue.span, after, frags, a.parent, a.headline);
  }

  // Can [b, e) be what someone said: a quotation, or a clause (a verb in
  // it, by the parse when there is one, else by its words)? "The union's
  // spokesman, Jane Doe, called for ..." has none before its cue.
  bool clause_in(int b, int e) const {
    for (int k = b; k < e; ++k)
      if (doc_.tok(k).is(text::kQuote)) return true;
    if (const SentenceSyntax* s = ctx_.syntax_at(b); s && ctx_.syntax_at(e - 1) == s) {
      for (int k = b; k < e; ++k) {
        const int w = s->word_of(k);
        const int tag = w < 0 ? -1 : s->syntax.tags[static_cast<std::size_t>(w)];
        if (tag == language::VERB || tag == language::AUX) return true;
      }
      return false;
    }
    for (int k = b; k < e; ++k)
      if (ctx_.is_word(k) && (is(ctx_, kFiniteVerbWord, ctx_.low(k)) || past_form(ctx_.low(k)))) return true;
    return true;  // no parse and no sure sign: as before, the construction decides
  }

  // "A nurse who asked not to be named because she feared for her job
  // said": the window took a clause after "because" (or "as", "since",
  // "although") inside the subject's relative clause for the speaker. The
  // speaker is the noun phrase the relative clause describes, with it (a
  // noun phrase of up to five words opening the clause or after a comma).
  TokRange whole_relative_subject(TokRange src, int lower) const {
    if (src.empty() || src.b - 2 <= lower || !is(ctx_, kSubjectPronounWord, ctx_.low(src.b))) return src;
    const std::string_view sub = ctx_.low(src.b - 1);
    if (sub != "because" && sub != "as" && sub != "since" && sub != "although" && sub != "though") return src;
    for (int j = src.b - 2; j > lower && j >= src.b - 30; --j) {
      if (doc_.tok(j).is(text::kQuote) || doc_.tok(j).is(kSentenceEnd)) return src;
      const std::string_view w = ctx_.low(j);
      if (w != "who" && w != "that") continue;
      int k = j;
      while (k - 1 >= lower && j - k < 5 && ctx_.is_word(k - 1) && !is(ctx_, kFiniteVerbWord, ctx_.low(k - 1))) --k;
      if (k < j && (k == lower || ctx_.is_comma(k - 1))) return {k, src.e};
      return src;
    }
    return src;
  }

  // Where a time phrase ending [b, e) starts ("on Sunday", "last week"); e
  // when there is none.
  int time_phrase_start(int b, int e) const {
    int t = e;
    while (t - 1 > b && ctx_.is_word(t - 1) && is(ctx_, kTimeWord, ctx_.low(t - 1))) --t;
    if (t == e) return e;
    while (t - 1 > b && ctx_.is_word(t - 1)) {
      const std::string_view w = ctx_.low(t - 1);
      if (w != "on" && w != "last" && w != "this" && w != "next" && w != "early" && w != "late" && w != "earlier")
        break;
      --t;
    }
    return t;
  }

  // A source less a time phrase closing it: "Rhodri Vance on Sunday said",
  // "the two companies last week said", "the mayor earlier this month".
  TokRange without_time(TokRange src) const {
    const int e = time_phrase_start(src.b, src.e);
    if (e == src.e || e <= src.b) return src;
    // (but a time phrase of a verb in the source stays: "a poll published on
    // Sunday", "who was briefed on Tuesday")
    for (int k = src.b; k < e; ++k) {
      const std::string_view w = ctx_.low(k);
      if (ctx_.is_word(k) && !doc_.tok(k).is(text::kCapitalized) &&
          (w == "who" || w == "which" || w == "that" || past_form(w) || is(ctx_, kFiniteVerbWord, w)))
        return src;
    }
    return {src.b, e};
  }

  // A source less the circumstances around the speaker: an opening time
  // ("In March the company's own accounts"), an opening participle's clause
  // ("Opening an urgent question, the shadow secretary, Jo Doe"), and a
  // participle's clause after the speaker ("Holtveldt, speaking at a news
  // conference", "A spokeswoman, asked about the complaint,"), unless it
  // says why the speaker is not named ("speaking on condition of
  // anonymity").
  TokRange without_circumstance(TokRange src) const {
    if (src.size() < 3) return src;
    // "speaking at ...", "asked about ...": not "signed off by its
    // auditors", which describes a document by its agent
    auto participle_at = [&](int t) {
      const std::string_view w = ctx_.low(t);
      if (!ctx_.is_word(t) || w.size() <= 4) return false;
      // (a verb's: not a name ending so, "Vrieling, 54, said")
      if (w.ends_with("ing")) return verb_participle(w);
      if (!past_form(w) || t + 1 >= src.e) return false;
      for (int k = t + 1; k < std::min(src.e, t + 3); ++k)
        if (ctx_.low(k) == "by") return false;
      return is(ctx_, kPostmodifierWord, ctx_.low(t + 1)) || parse_tag(ctx_, t + 1) == language::ADP;
    };
    auto month = [&](int t) {
      static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                     "may",       "june",     "july",     "august",
                                                     "september", "october",  "november", "december"};
      return std::find(std::begin(kMonths), std::end(kMonths), ctx_.low(t)) != std::end(kMonths);
    };
    int b = src.b;
    const std::string_view first = ctx_.low(b);
    if ((first == "in" || first == "on" || first == "during" || first == "by") && b + 2 < src.e &&
        (month(b + 1) || is(ctx_, kTimeWord, ctx_.low(b + 1)) || doc_.tok(b + 1).is(text::kDigit)) &&
        !ctx_.is_comma(b + 2)) {
      b += 2;
      if (b + 1 < src.e && doc_.tok(b).is(text::kDigit)) ++b;  // "In March 2021"
    } else if (participle_at(b) &&
               (ctx_.low(b).ends_with("ing") || b == 0 || !ctx_.is_word(b - 1) || doc_.tok(b).is(text::kCapitalized))) {
      // ("Speaking after the vote, ...", and a past participle opening the
      // sentence: "Asked about the survey, ...")
      for (int k = b + 1; k + 1 < src.e && k < b + 12; ++k)
        if (ctx_.is_comma(k)) {
          b = k + 1;
          break;
        }
    }
    int e = src.e;
    for (int k = b + 1; k + 1 < e; ++k) {
      if (!ctx_.is_comma(k) || !participle_at(k + 1)) continue;
      // a document's participle describes it: "A report by the board,
      // published alongside the order"
      bool document = false;
      for (int j = b; j < k && !document; ++j) document = ctx_.has(j, kDocumentNounWord);
      if (document && !ctx_.low(k + 1).ends_with("ing")) break;
      bool anonymity = false;
      for (int j = k + 1; j < e && !anonymity; ++j) {
        const std::string_view w = ctx_.low(j);
        anonymity = w == "anonymity" || w == "named" || w == "identified" || w == "authorised" || w == "authorized";
      }
      if (!anonymity) e = k;
      break;
    }
    return b < e ? TokRange{b, e} : src;
  }

  // The source before the cue and what stands before it, once.
  Attempt& sized_up(Attempt& a) {
    if (a.sized) return a;
    a.sized = true;
    Context& c = ctx_;
    const TokRange r = a.r;
    // (a time phrase before the cue is no part of the source, wherever the
    // source ends: "Halmstrand, a small explorer, on Wednesday said")
    int src_end = a.mod_b;
    if (const int t = time_phrase_start(r.b, a.mod_b); t < a.mod_b && t > r.b && ctx_.is_comma(t - 1)) src_end = t;
    a.source = without_circumstance(without_time(whole_relative_subject(source_before(c, src_end, r.b), r.b)));
    // The parse corrects the window's boundaries of the subject: "The two
    // companies on Tuesday said", "which the board said".
    if (!a.source.empty()) {
      const TokRange refined = syntax_refined_source(c, a.cue.core.b, a.source);
      const bool inside = refined.b >= a.source.b && refined.e <= a.source.e;  // trimmed, not widened
      if (refined.b >= r.b && refined.e <= a.mod_b && (inside || speaker_like(refined.e - 1))) a.source = refined;
    }
    const int pre_end = a.source.empty() ? a.mod_b : a.source.b;  // text before the source
    a.pre_e = pre_end;
    while (a.pre_e > r.b && (c.is_comma(a.pre_e - 1) || doc_.tok(a.pre_e - 1).is(text::kDash))) --a.pre_e;
    const bool boundary = pre_end - 1 >= r.b && (c.is_comma(pre_end - 1) || doc_.tok(pre_end - 1).is(kCloseQuote) ||
                                                 doc_.tok(pre_end - 1).is(text::kDash));
    a.quoted_pre = a.pre_e > r.b && doc_.tok(a.pre_e - 1).is(kCloseQuote) && doc_.tok(r.b).is(kOpenQuote);
    a.pre_has_content = a.pre_e - r.b >= 2 && boundary && (a.quoted_pre || !adverbial(r.b, a.pre_e));
    return a;
  }

  // Content-first: "<content>, X said [complement]." (and split quotes).
  std::optional<int> content_first(Attempt& a) {
    sized_up(a);
    Context& c = ctx_;
    const int e = a.e;
    bool applies = !a.source.empty() && a.pre_has_content && tail_like({a.cue.core.e, e}, a.r);
    if (!applies && !a.source.empty() && a.quoted_pre && a.cue.core.e < e) {
      const int n = a.cue.core.e;
      applies = c.low(n) != "that" && !c.is_punct(n, ':') && !doc_.tok(n).is(kOpenQuote) &&
                !(c.is_comma(n) && n + 1 < e && doc_.tok(n + 1).is(kOpenQuote));
    }
    if (!applies) return std::nullopt;
    if (impersonal_at(a.cue.core.b, a.r.b)) return impersonal(a, a.r.b, a.pre_e);
    std::vector<TokRange> frags;
    add_content(frags, a.r.b, a.pre_e);
    add_rest(frags, a.parent, a.r.b, a.pre_e, a.cue.core.e, skip_tail(a.cue.core.e, e), e);
    const int idx = emit(kind_of(frags), a.cue.span, a.source, frags, a.parent, a.headline);
    // "\"A,\" she said, adding that B": the participle is a sibling with
    // the same source.
    int comma = a.cue.core.e;
    while (comma < e && !c.is_comma(comma) && !doc_.tok(comma).is(text::kQuote)) ++comma;
    if (idx >= 0 && a.parent < 0 && comma + 1 < e && c.is_comma(comma) && c.is_word(comma + 1) &&
        participle(c.low(comma + 1))) {
      const std::size_t before = ctx_.out.attributions.size();
      find_embedded(idx, comma + 1, e, a.headline);
      // After the cue, not inside the quotation: a sibling, not nested.
      for (std::size_t k = before; k < ctx_.out.attributions.size(); ++k)
        if (ctx_.out.attributions[k].parent == idx) ctx_.out.attributions[k].parent = -1;
    }
    return idx;
  }

  // After a content [pre_b, pre_e) and its attribution: the statement going
  // on (statement_continued, at the top level), else a quotation going on
  // from `quote_from`.
  void add_rest(std::vector<TokRange>& frags, int parent, int pre_b, int pre_e, int cue_e, int quote_from,
                int e) const {
    const TokRange rest = parent < 0 ? statement_continued(pre_b, pre_e, cue_e, e) : TokRange{};
    if (!rest.empty())
      frags.push_back(rest);
    else
      add_trailing_quote(frags, quote_from, e);
  }

  // What a statement says after its attribution, in the same sentence: the
  // predicate of a subject the attribution interrupted ("The plan, one
  // official said, would cut costs"), or a clause joined by "and" or "but"
  // whose verb is an auxiliary or modal, as reported speech has it ("A, the
  // person said, and could hold out for more"). Not the speaker's own doings
  // ("..., she said, and left"), circumstances ("..., he said, as talks
  // resumed") or what has a cue of its own. [pre_b, pre_e) is the content
  // before the cue; the rest starts after the first comma after `cue_e`.
  TokRange statement_continued(int pre_b, int pre_e, int cue_e, int e) const {
    const Context& c = ctx_;
    int comma = cue_e;
    while (comma < e && !c.is_comma(comma) && !doc_.tok(comma).is(text::kQuote)) ++comma;
    const int b = comma + 1;
    if (comma >= e || !c.is_comma(comma) || b >= e || !c.is_word(b) || e - b < 2) return {};
    bool finite = false;
    for (int i = b; i < e; ++i) {
      if (c.is_punct(i, ':') || c.is_punct(i, ';')) return {};
      const bool quoted = doc_.tok(i).quote >= 0 || doc_.tok(i).is(text::kQuote);
      // a cue of its own, not a passive one ("is expected to be signed")
      if (!quoted && c.is_word(i) && strong_cue(c.low(i)) && !passive_before(i, b)) return {};
      finite = finite || (c.is_word(i) && (c.has(i, kFiniteVerbWord) || parse_tag(c, i) == language::VERB));
    }
    const std::string_view w = c.low(b);
    // ", with sales in its home division up 12%": a phrase of figures
    // without a verb goes on with the statement.
    if (w == "with") {
      bool figure = false;
      for (int i = b + 1; i < e; ++i) figure = figure || doc_.tok(i).is(text::kDigit);
      return figure && !finite ? TokRange{b, e} : TokRange{};
    }
    if (w == "and" || w == "but") {
      // "and could hold out", "and the rest will be split": an auxiliary or
      // modal within the clause's first words.
      for (int i = b + 1; i < std::min(e, b + 6); ++i)
        if (c.is_word(i) && c.has(i, kFiniteVerbWord)) return {b, e};
      return {};
    }
    // The predicate of an interrupted subject: the content before holds no
    // verb of its own, the rest opens with an auxiliary, a modal or an adverb
    // before one.
    bool pre_verb = false;
    for (int i = pre_b; i < pre_e; ++i) pre_verb = pre_verb || (c.is_word(i) && c.has(i, kFiniteVerbWord));
    if (pre_verb || pre_e - pre_b > 8 || !finite || doc_.tok(pre_b).is(kOpenQuote)) return {};
    int k = b;
    while (k < e && k < b + 2 && c.is_word(k) && adverb(c.low(k))) ++k;
    // an auxiliary or modal, or a verb by the parse ("clears the way")
    const int tag = k < e ? parse_tag(c, k) : -1;
    if (k < e && c.is_word(k) && !participle(c.low(k)) &&
        (c.has(k, kFiniteVerbWord) || tag == language::VERB || tag == language::AUX))
      return {b, e};
    return {};
  }

  // Split quote with more after: "\"A,\" X said, \"B.\""
  std::optional<int> split_quote(Attempt& a) {
    sized_up(a);
    if (a.source.empty() || !a.pre_has_content) return std::nullopt;
    int k = a.cue.core.e;
    if (k < a.e && ctx_.is_comma(k)) ++k;
    if (!(k < a.e && doc_.tok(k).is(kOpenQuote) && doc_.tok(a.r.b).is(kOpenQuote))) return std::nullopt;
    std::vector<TokRange> frags;
    add_content(frags, a.r.b, a.pre_e);
    add_content(frags, k, a.e);
    return emit(kind_of(frags), a.cue.span, a.source, frags, a.parent, a.headline);
  }

  // "X is said to Y", "X is believed to Y": hearsay no one named holds; X
  // and "to Y" make up the content (PolNeAR convention). Where the
  // participle and "to" are a hedge ("X is expected to Y", SPEC's hedges),
  // the sentence is the outlet's own hedged claim: no attribution.
  std::optional<int> expectation_held_by_none(Attempt& a) {
    sized_up(a);
    if (a.source.empty() || !expectation(a.cue) || a.cue.core.e >= a.e) return std::nullopt;
    if (ctx_.lex.is_hedge(std::string(ctx_.low(a.cue.core.b)) + " to")) return -1;
    std::vector<TokRange> frags{a.source};
    add_content(frags, a.cue.core.e, a.e);
    return emit(kind_of(frags), a.cue.span, {}, frags, a.parent, a.headline);
  }

  // A verb coordinated with an outer cue shares its source: "X said A and
  // added B", "X said A, adding B". (Sets the source; source-first builds.)
  std::optional<int> shared_subject(Attempt& a) {
    sized_up(a);
    if (a.parent >= 0 && shares_parent_subject(a.cue)) {
      // (in a quotation, the verb it is coordinated with is the quotation's
      // own: "She came to my door and said, '...'")
      // ("It wasn't. My grandmother put it on the table and said, '...'":
      // the subject of the cue's own sentence)
      int sb = a.mod_b - 1;
      while (sb > a.r.b && !doc_.tok(sb - 1).is(text::kSentenceEnd) && !doc_.tok(sb - 1).is(kOpenQuote)) --sb;
      TokRange own = ctx_.inside_quote >= 0 && a.mod_b - 1 > sb ? clause_subject(sb, a.mod_b - 1) : TokRange{};
      // (a verb the word tables do not know ends the subject where the
      // parse says: "My grandmother put it on the table and said")
      if (own.empty() && ctx_.inside_quote >= 0 && sb < a.mod_b - 1 && ctx_.is_word(sb) &&
          (ctx_.has(sb, kDeterminerWord) || ctx_.possessive(sb)))
        for (int k = sb + 1; k < std::min(a.mod_b - 1, sb + 6) && ctx_.is_word(k); ++k)
          if (parse_tag(ctx_, k) == language::VERB) {
            own = {sb, k};
            break;
          }
      a.source = !own.empty() ? own : ctx_.attr_source[static_cast<std::size_t>(a.parent)];
    }
    return std::nullopt;
  }

  // A participle after the main clause: "X sued the company, alleging that
  // ...": its source is the clause's subject. (Sets the source.)
  std::optional<int> participle_subject(Attempt& a) {
    sized_up(a);
    if (a.parent < 0 && a.cue.span.b == a.cue.core.b && participle_after_clause(a.cue.core, a.mod_b, a.r))
      a.source = clause_subject(a.r.b, a.mod_b - 1);
    return std::nullopt;
  }

  // A cue coordinated with the clause's verb: "X did not comment on A but
  // said B", "X denied the report and said B" (where the word window took
  // "X denied the report and" for the source). (Sets the source.)
  std::optional<int> coordinated_verb(Attempt& a) {
    sized_up(a);
    if (a.parent < 0 && a.mod_b - 1 > a.r.b && (ctx_.low(a.mod_b - 1) == "but" || ctx_.low(a.mod_b - 1) == "and") &&
        (a.source.empty() || a.source.e >= a.mod_b)) {
      if (const TokRange subject = clause_subject(a.r.b, a.mod_b - 1); !subject.empty() || a.source.empty())
        a.source = subject;
    }
    return std::nullopt;
  }

  // Source-first: "X said [to Y] [complement] (that) <content>".
  std::optional<int> source_first(Attempt& a) {
    sized_up(a);
    if (a.source.empty()) return -1;
    const int cs = content_start(a.cue, a.e);
    if (cs >= a.e) return -1;
    if (impersonal_at(a.cue.core.b, a.r.b)) return impersonal(a, cs, a.e);
    // "has written to the state's health minister": to whom, nothing said
    if (ctx_.low(cs) == "to" && cs + 1 < a.e && ctx_.is_word(cs + 1) &&
        (ctx_.has(cs + 1, kDeterminerWord) || doc_.tok(cs + 1).is(text::kCapitalized) || ctx_.possessive(cs + 1))) {
      bool said = false;
      for (int k = cs + 1; k < a.e && !said; ++k) {
        const int tag = parse_tag(ctx_, k);
        said = ctx_.low(k) == "that" || doc_.tok(k).is(text::kQuote) || ctx_.is_punct(k, ':') ||
               tag == language::VERB || tag == language::AUX || ctx_.has(k, kFiniteVerbWord);
      }
      if (!said) return -1;
    }
    int e = own_voice_after(a.source, a.cue.core.b, cs, a.e);
    // A quotation, then the circumstances: "shouted 'Resign!' as the
    // minister rose to reply".
    // (a quotation inside the one being read has no region of its own)
    const bool region =
        doc_.tok(cs).is(kOpenQuote) && doc_.tok(cs).quote >= 0 && doc_.tok(cs).quote != ctx_.inside_quote;
    if (region || inner_mark(cs, true)) {
      const int close =
          region ? doc_.quotes()[static_cast<std::size_t>(doc_.tok(cs).quote)].close_tok : inner_close(cs, a.e);
      if (close > cs && close + 1 < e && ctx_.is_word(close + 1)) {
        const std::string_view w = ctx_.low(close + 1);
        if (w == "as" || w == "when" || w == "while" || w == "after" || w == "before" || w == "because") e = close + 1;
        // "said, 'Nobody remembers,' and sat down", "shouted 'Go!' and I
        // went": a verb or a clause of its own after "and"
        if ((w == "and" || w == "but") && close + 2 < e && ctx_.is_word(close + 2)) {
          const int tag = parse_tag(ctx_, close + 2);
          if (tag == language::VERB || tag == language::AUX || is(ctx_, kSubjectPronounWord, ctx_.low(close + 2)) ||
              past_form(ctx_.low(close + 2)))
            e = close + 1;
        }
      }
    }
    std::vector<TokRange> frags;
    add_content(frags, cs, e);
    const int idx = emit(kind_of(frags), a.cue.span, a.source, frags, a.parent, a.headline);
    if (a.parent < 0 && idx >= 0) find_embedded(idx, cs, e, a.headline);
    return idx;
  }

  // Where a reported statement [cs, e) gives way to the voice that reports
  // it: ", and I ..." / ", but we ..." in the quotation the cue stands in
  // (or outside any, like the cue), when the source is not itself "I" or
  // "we" ("The surveyors told me the wall was moving, and I was not going
  // to put a crane on it"). In a quotation the cue introduces, "I" is the
  // source.
  int own_voice_after(TokRange source, int cue, int cs, int e) const {
    auto first_person = [&](int i) { return ctx_.low(i) == "i" || ctx_.low(i) == "we"; };
    if (source.size() == 1 && first_person(source.b)) return e;
    for (int j = cs + 2; j + 2 < e; ++j)
      if (ctx_.is_comma(j) && (ctx_.low(j + 1) == "and" || ctx_.low(j + 1) == "but") && first_person(j + 2) &&
          doc_.tok(j).quote == doc_.tok(cue).quote)
        return j;
    return e;
  }

  // "A, it is learnt" / "It was gathered that A": the content [b, e), no
  // source, the cue from "it".
  int impersonal(const Attempt& a, int b, int e) {
    if (e - b < 2) return -1;
    std::vector<TokRange> frags;
    add_content(frags, b, e);
    const TokRange cue{std::min(a.cue.span.b, a.cue.core.b - 2), a.cue.span.e};
    return emit(kind_of(frags), cue, {}, frags, a.parent, a.headline);
  }

  // Looks for an attribution inside the content [cs, e) of attribution
  // `outer`. When it is the whole content ("X said Y in a statement affirmed
  // Z") it stays nested; when it follows on after a boundary ("X said A, but
  // Y said B"; "X said A and added B"; "X said A, adding B") it becomes a
  // sibling and the outer content ends before it.
  void find_embedded(int outer, int cs, int e, bool headline) {
    if (!ctx_.constructions.on(Construction::embedded) || cs >= e || doc_.tok(cs).quote >= 0) return;
    int nb = cs;
    if (ctx_.low(nb) == "that") ++nb;
    if (e - nb < 4) return;
    const int inner = find_in({nb, e}, outer, headline);
    if (inner < 0) return;
    const auto ui = static_cast<std::size_t>(inner);
    // "X said it was following the talks and had asked both sides to ...":
    // a past perfect sharing X is still what X said, not a new attribution.
    // (Also when the inner subject is a pronoun: "X replied that A and that
    // he had asked B" is still X.)
    const TokRange inner_source = ctx_.attr_source[ui];
    const bool same_speaker = inner_source == ctx_.attr_source[static_cast<std::size_t>(outer)] ||
                              (inner_source.size() == 1 && is(ctx_, kSubjectPronounWord, ctx_.low(inner_source.b)) &&
                               ctx_.low(inner_source.b) != "it" && ctx_.low(inner_source.b) != "who");
    if (ui + 1 == ctx_.out.attributions.size() && ctx_.low(ctx_.attr_cue[ui].b) == "had" && same_speaker) {
      drop_last();
      return;
    }
    int left = ctx_.attr_cue[ui].b;
    // (A source shared with the outer attribution lies before the content.)
    if (!ctx_.attr_source[ui].empty() && ctx_.attr_source[ui].b >= nb) left = std::min(left, ctx_.attr_source[ui].b);
    for (const TokRange& f : ctx_.attr_content[ui]) left = std::min(left, f.b);
    if (left <= nb) return;  // the whole content: truly nested
    int end = left;
    while (end > nb && (ctx_.is_punct(end - 1, ',') || ctx_.is_punct(end - 1, ';') ||
                        doc_.tok(end - 1).is(text::kDash) || is(ctx_, kCoordinatorWord, ctx_.low(end - 1))))
      --end;
    if (end - nb < 2) return;
    // The outer content now ends before the sibling.
    const auto uo = static_cast<std::size_t>(outer);
    auto& frags = ctx_.attr_content[uo];
    // (A content whose last fragment began after the sibling keeps its
    // earlier fragments only; one left with nothing stays nested.)
    std::vector<TokRange> cut = frags;
    while (!cut.empty() && cut.back().b >= end) cut.pop_back();
    if (cut.empty()) return;
    cut.back().e = std::min(cut.back().e, end);
    frags = std::move(cut);
    auto& a = ctx_.out.attributions[uo];
    a.content.clear();
    for (const TokRange& f : frags) a.content.push_back(ctx_.span(f));
    a.kind = kind_of(frags);
    ctx_.out.attributions[ui].parent = -1;
    // The sibling's content may hold a further sibling.
    const auto& inner_frags = ctx_.attr_content[ui];
    if (inner_frags.size() == 1 && ctx_.attr_cue[ui].b < inner_frags[0].b)
      find_embedded(inner, inner_frags[0].b, inner_frags[0].e, headline);
  }

  // The subject of the clause [b, e): a noun phrase opening it (after an
  // opening adverbial and comma), up to its verb: a finite verb or
  // auxiliary, a cue, or a past form in -ed. Empty when no verb is found
  // within ten words.
  TokRange clause_subject(int b, int e) const {
    if (b < e && doc_.tok(b).is(kOpenQuote)) return {};
    // a sentence adverb or conjunction opening the clause: "Then Joel stood up"
    if (b + 1 < e && ctx_.is_word(b) && ctx_.is_word(b + 1)) {
      const std::string_view w = ctx_.low(b);
      if (w == "then" || w == "and" || w == "but" || w == "so" || w == "later") ++b;
    }
    if (b < e && ctx_.is_word(b) && is(ctx_, kAdverbialOpenerWord, ctx_.low(b)))
      for (int k = b + 1; k < std::min(e, b + 6); ++k)
        if (ctx_.is_comma(k)) {
          b = k + 1;
          break;
        }
    if (b >= e || !ctx_.is_word(b)) return {};
    if (is(ctx_, kPronounWord, ctx_.low(b))) return {b, b + 1};
    if (!doc_.tok(b).is(text::kCapitalized) && !ctx_.has(b, kDeterminerWord | kQuantifierWord)) return {};
    for (int k = b + 1; k < std::min(e, b + 11); ++k) {
      if (!ctx_.is_word(k)) {
        if (ctx_.is_punct(k, '.') || ctx_.is_punct(k, '\'')) continue;
        return {};
      }
      const std::string_view w = ctx_.low(k);
      if (doc_.tok(k).is(text::kCapitalized) || is(ctx_, kClauseOpenerWord, w)) continue;
      if (is(ctx_, kFiniteVerbWord, w) || strong_cue(w) || past_form(w)) return {b, k};
      // (a verb the word tables do not know, by the parse: "Then Joel stood
      // up"; asked only of a sentence parsed already, none parsed for it)
      if (k > b && ctx_.is_name_token(k - 1) && parse_tag(ctx_, k, false) == language::VERB) return {b, k};
      // A run of names ends at the first lower-case word other than "of",
      // "for", "and": "Judge Jane Doe on Thursday struck down ...".
      bool names = true;
      for (int m = b; m < k && names; ++m) names = ctx_.is_name_token(m) || ctx_.is_punct(m, '.');
      if (names && w != "of" && w != "for" && w != "and" && k - b >= 2) return {b, k};
    }
    return {};
  }

  // Is [b, e) a short adverbial that opens a sentence rather than a
  // content: "Last month,", "In the deposition,", "On Tuesday,"?
  // Or a bare name ("Jane Doe, the minister, said ...": the name is the
  // source's, not a content).
  bool adverbial(int b, int e) const {
    bool verb = false, all_names = true;
    for (int i = b; i < e; ++i) {
      if (doc_.tok(i).is(text::kQuote)) return false;
      if (ctx_.is_word(i) && (is(ctx_, kFiniteVerbWord, ctx_.low(i)) || strong_cue(ctx_.low(i)))) verb = true;
      if (!ctx_.is_name_token(i) && !ctx_.is_punct(i, '.')) all_names = false;
    }
    if (all_names && e - b <= 4) return true;
    if (verb) return false;
    // An opening phrase set off by a comma, then a clause of its own ("During
    // that time, dispatchers received fewer calls"): more than an adverbial.
    for (int i = b + 1; i < e; ++i)
      if (ctx_.is_comma(i)) {
        int words = 0;
        for (int k = i + 1; k < e; ++k) words += ctx_.is_word(k);
        if (words >= 3) return false;
        break;
      }
    const std::string_view w = ctx_.low(b);
    const bool opener = is(ctx_, kComplementOpenerWord, w) || is(ctx_, kPostmodifierWord, w) || w == "after" ||
                        w == "before" || w == "since" || w == "speaking" || w == "asked" || w == "still" ||
                        w == "however" || w == "meanwhile" || w == "now" || w == "during" || w == "following" ||
                        w == "like";
    return opener && (e - b <= 4 || w != "to");
  }

  bool expectation(const Cue& cue) const {
    if (cue.core.size() != 1 || !is(ctx_, kHearsayWord, ctx_.low(cue.core.b)) || cue.span.b == cue.core.b) return false;
    const std::string_view aux = ctx_.low(cue.core.b - 1);
    const bool passive = be_form(aux) || aux == "not";
    return passive && cue.core.e < doc_.size() && ctx_.low(cue.core.e) == "to";
  }

  bool shares_parent_subject(const Cue& cue) const {
    const int before = cue.span.b - 1;
    if (before < 0) return false;
    const std::string_view w = ctx_.low(before);
    if (w == "and" || w == "but" || w == "or" || w == "then") return true;
    const std::string_view core = ctx_.low(cue.core.b);
    return comma_at(before) && core.size() > 4 && core.substr(core.size() - 3) == "ing";
  }

  // After a content-first cue, skips the complement to where a trailing
  // quote could start.
  int skip_tail(int from, int e) const {
    int k = from;
    while (k < e && !quoted(k) && !doc_.tok(k).is(kOpenQuote)) ++k;
    return k;
  }

  void add_trailing_quote(std::vector<TokRange>& frags, int from, int e) const {
    int k = from;
    while (k < e && (ctx_.is_comma(k) || ctx_.is_punct(k, ':'))) ++k;
    if (k < e && doc_.tok(k).is(kOpenQuote)) add_content(frags, k, e);
  }

  // A time or manner complement right after a cue, with no "that" after it:
  // "said on Friday it was ...", "said Tuesday the ...", "said in a
  // statement the ...". Returns where it ends (or `k`).
  int skip_complement(int k, int e) const {
    int j = k;
    if (j < e && (ctx_.low(j) == "on" || ctx_.low(j) == "last" || ctx_.low(j) == "this" || ctx_.low(j) == "late" ||
                  ctx_.low(j) == "early"))
      ++j;
    // (a bare "night" or "week" opens the content: "finds night naps cut
    // errors"; a day does not: "said Tuesday the talks ...")
    const auto day = [&](int t) {
      const std::string_view w = ctx_.low(t);
      return w.ends_with("day") || w == "tonight" || w == "earlier" || w == "later";
    };
    if (j < e && is(ctx_, kTimeWord, ctx_.low(j)) && (j > k || day(j))) {
      ++j;
      while (j < e && is(ctx_, kTimeWord, ctx_.low(j))) ++j;
      return j;
    }
    if (k + 2 < e && ctx_.low(k) == "in" &&
        (ctx_.low(k + 1) == "a" || ctx_.low(k + 1) == "an" || ctx_.low(k + 1) == "the") &&
        ctx_.has(k + 2, kDocumentNounWord))
      return k + 3;
    return k;
  }

  // After a directive verb, its addressee (a short noun phrase: no verb,
  // comma, quotation or "that") and then "to" or "not to": where that
  // starts, else -1.
  int directive_object(int k, int e) const {
    // the particle of a phrasal directive the cue did not take in ("appealed
    // to residents to come forward")
    if (k + 1 < e && (ctx_.low(k) == "to" || ctx_.low(k) == "on") && ctx_.is_word(k + 1) &&
        !ctx_.has(k + 1, kFiniteVerbWord) && parse_tag(ctx_, k + 1) != language::VERB)
      ++k;
    if (k >= e || !ctx_.is_word(k) || ctx_.low(k) == "that" || ctx_.low(k) == "to") return -1;
    for (int j = k + 1; j < std::min(e, k + 8); ++j) {
      if (!ctx_.is_word(j) && !ctx_.is_punct(j, '\'')) return -1;
      const std::string_view w = ctx_.low(j);
      if (w == "to" || (w == "not" && j + 1 < e && ctx_.low(j + 1) == "to"))
        return j + 1 < e && (ctx_.is_word(j + 1) || doc_.tok(j + 1).is(kOpenQuote)) ? j : -1;
      if (w == "that" || is(ctx_, kFiniteVerbWord, w)) return -1;
    }
    return -1;
  }

  // Where the content of a source-first cue begins.
  int content_start(const Cue& cue, int e) const {
    int k = cue.core.e;
    const std::string_view core_last = ctx_.low(cue.core.e - 1);
    // "urged residents to leave", "called on the government not to act": the
    // addressee, then what it is to do, the content.
    if (is(ctx_, kDirectiveWord, ctx_.low(cue.core.b)) &&
        (cue.core.size() == 1 || core_last == "on" || core_last == "to"))
      if (const int to = directive_object(k, e); to >= 0) return to;
    // "have complained for years that ...": a length of time, then the clause.
    if (k + 2 < e && ctx_.low(k) == "for") {
      const std::string_view unit = ctx_.low(k + 1);
      if (unit == "years" || unit == "months" || unit == "weeks" || unit == "decades" || unit == "days")
        for (int j = k + 2; j < std::min(e, k + 5); ++j)
          if (ctx_.low(j) == "that") return j;
    }
    // A time phrase, then "that": "replied the next day that ...".
    for (int j = k; j < std::min(e, k + 5); ++j) {
      const std::string_view w = ctx_.low(j);
      if (w == "that" && j > k) return j;
      if (!ctx_.is_word(j) || !(ctx_.has(j, kDeterminerWord) || is(ctx_, kTimeWord, w) || w == "next" ||
                                w == "following" || w == "previous" || w == "day" || w == "on" || w == "last"))
        break;
    }
    // To whom, then "that": "wrote to the minister that ...".
    if (k + 2 < e && ctx_.low(k) == "to")
      for (int j = k + 1; j < std::min(e, k + 8); ++j) {
        if (ctx_.low(j) == "that") return j;
        if (!ctx_.is_word(j) || ctx_.has(j, kFiniteVerbWord) || parse_tag(ctx_, j) == language::VERB) break;
      }
    // "that" within reach wins: "told reporters on Tuesday that ...".
    const bool tell = is(ctx_, kTellVerbWord, core_last);
    if (k < e && (tell || is(ctx_, kComplementOpenerWord, ctx_.low(k)))) {
      for (int j = k; j < std::min(e, k + 10); ++j) {
        if (ctx_.low(j) == "that") return j;
        // a verb first: the clause began after the addressee ("told
        // reporters the deal showed that ...")
        // (not a time word the parse took for a verb: "told me in March, '...'")
        if (tell && j > k && ctx_.is_word(j) && !is(ctx_, kTimeWord, ctx_.low(j)) &&
            (ctx_.has(j, kFiniteVerbWord) || parse_tag(ctx_, j) == language::VERB ||
             parse_tag(ctx_, j) == language::AUX))
          break;
        // a quotation after the addressee ("told reporters: \"...\"", "told
        // them \"...\""), not one inside the clause ("told reporters the
        // deal \"could still fail\"")
        // (inside a quotation, its inner quotation's mark: "told me in
        // March, 'Your people are tired'")
        if (doc_.tok(j).is(kOpenQuote) || inner_mark(j, true) || ctx_.is_punct(j, ':')) {
          if (j - k <= 1 || ctx_.is_punct(j, ':') || ctx_.is_punct(j - 1, ':')) k = j;
          break;
        }
        if (ctx_.is_comma(j)) {
          if (j + 1 < e && (doc_.tok(j + 1).is(kOpenQuote) || inner_mark(j + 1, true))) k = j + 1;
          break;
        }
      }
      if (tell && k == cue.core.e && k < e && !doc_.tok(k).is(kOpenQuote)) {
        // Skip the addressee: a capitalised run, or a determiner + noun(s).
        int j = k;
        if (doc_.tok(j).is(text::kCapitalized)) {
          while (j < e && doc_.tok(j).is(text::kCapitalized)) ++j;
        } else if (ctx_.has(j, kDeterminerWord)) {
          ++j;
          int n = 0;
          while (j < e && ctx_.is_word(j) && n < 3 && ctx_.low(j) != "that" && !ctx_.lex.cue(ctx_.low(j)) &&
                 !is(ctx_, kSubjectPronounWord, ctx_.low(j)) && !ctx_.has(j, kFiniteVerbWord) &&
                 parse_tag(ctx_, j) != language::VERB) {
            ++j;
            ++n;
          }
        } else if (ctx_.is_word(j) && (is(ctx_, kPronounWord, ctx_.low(j)) || ctx_.has(j, kPersonNounWord))) {
          ++j;
        }
        k = j;
      }
    }
    if (k == cue.core.e) {
      const int after = skip_complement(k, e);
      if (after > k && after < e && ctx_.low(after) != "that" && !ctx_.is_comma(after)) k = after;
    }
    // "said to him, 'Then ...'", "told reporters in Oslo, \"...\"": a short
    // complement, a comma or colon, then the quotation.
    if (k == cue.core.e)
      for (int j = k; j < std::min(e - 1, k + 6); ++j) {
        if (!ctx_.is_word(j)) {
          if (j > k && (ctx_.is_comma(j) || ctx_.is_punct(j, ':')) &&
              (doc_.tok(j + 1).is(kOpenQuote) || inner_mark(j + 1, true)))
            k = j + 1;
          break;
        }
        if (ctx_.low(j) == "that" || is(ctx_, kFiniteVerbWord, ctx_.low(j))) break;
      }
    // "put it bluntly: ...": an adverb before the colon belongs to the cue.
    if (k + 1 < e && ctx_.is_word(k) && adverb(ctx_.low(k)) && ctx_.is_punct(k + 1, ':')) ++k;
    while (k < e && (ctx_.is_punct(k, ':') || ctx_.is_comma(k))) ++k;
    return k;
  }

  core::AttributionKind kind_of(const std::vector<TokRange>& frags) const {
    bool all_quoted = !frags.empty();
    bool any_quote = false;
    for (const TokRange& f : frags) {
      const bool starts = doc_.tok(f.b).is(kOpenQuote) || inner_mark(f.b, true);
      int last = f.e - 1;
      while (last > f.b && doc_.tok(last).is(kSentenceEnd)) --last;
      const bool ends = doc_.tok(last).is(kCloseQuote) || (last > f.b && inner_mark(last, false)) ||
                        (doc_.tok(f.b).quote >= 0 &&
                         doc_.quotes()[static_cast<std::size_t>(doc_.tok(f.b).quote)].last_tok <= f.e - 1 &&
                         doc_.tok(f.b).quote == doc_.tok(f.e - 1).quote);
      if (!(starts && ends)) all_quoted = false;
      for (int k = f.b; k < f.e; ++k)
        if (doc_.tok(k).is(text::kQuote)) any_quote = true;
    }
    if (all_quoted) return core::AttributionKind::direct;
    return any_quote ? core::AttributionKind::mixed : core::AttributionKind::indirect;
  }

  int emit(core::AttributionKind kind, TokRange cue, TokRange source, std::vector<TokRange> frags, int parent,
           bool headline) {
    // Drop empty fragments. A content ends where a non-response begins
    // ("X said A but declined to comment on B"), and X is who declined.
    std::vector<TokRange> kept;
    std::vector<int> declined;  // non-responses the content ran into
    for (TokRange f : frags) {
      for (int k = f.b; k < f.e; ++k)
        if (ctx_.blocked[static_cast<std::size_t>(k)]) {
          declined.push_back(k);
          f.e = k;
          while (f.e > f.b && (ctx_.is_comma(f.e - 1) || is(ctx_, kCoordinatorWord, ctx_.low(f.e - 1)))) --f.e;
          break;
        }
      if (f.empty()) continue;
      kept.push_back(f);
    }
    if (kept.empty() || cue.empty()) return -1;
    // A letter or two, unquoted, is nothing said ("... and Doe's answers A.").
    if (kind == core::AttributionKind::indirect && kept.size() == 1) {
      int words = 0, last = -1;
      for (int k = kept[0].b; k < kept[0].e; ++k)
        if (ctx_.is_word(k)) ++words, last = k;
      if (words == 0 || (words == 1 && ctx_.low(last).size() <= 2)) return -1;
    }
    core::Attribution a;
    a.kind = kind;
    a.parent = parent;
    a.in_headline = headline;
    a.cue.push_back(ctx_.span(cue));
    for (const TokRange& f : kept) a.content.push_back(ctx_.span(f));
    if (!source.empty()) {
      core::Source s;
      s.spans.push_back(ctx_.span(source));
      a.source = s;
    }
    ctx_.out.attributions.push_back(std::move(a));
    ctx_.attr_cue.push_back(cue);
    ctx_.attr_source.push_back(source);
    ctx_.attr_content.push_back(kept);
    for (const int k : declined)
      for (std::size_t n = 0; n < ctx_.out.non_responses.size(); ++n)
        if (ctx_.nr_who[n].empty() && ctx_.out.non_responses[n].span.start == doc_.tok(k).start && !source.empty()) {
          ctx_.nr_who[n] = source;
          ctx_.out.non_responses[n].who.spans.push_back(ctx_.span(source));
        }
    return static_cast<int>(ctx_.out.attributions.size()) - 1;
  }

  Context& ctx_;
  const text::Document& doc_;
  bool headline_ = false;
  bool frames_ = true;              // may the parse's verb frames raise a cue?
  std::vector<TokRange> labelled_;  // paragraphs opened by a speaker's label, in order
};

}  // namespace

namespace {

// For a ")" or a dash at token k: the "(" or the dash opening the aside, within
// the same sentence and at most 25 tokens back; -1 when there is none.
int matching_open(const Context& ctx, int k, int lower) {
  const auto& doc = ctx.doc;
  const bool paren = ctx.is_punct(k, ')');
  for (int j = k - 1; j >= lower && j >= k - 25; --j) {
    const auto& t = doc.tok(j);
    if (t.is(text::kQuote) || (!paren && t.is(text::kSentenceEnd))) return -1;  // "(D-Ore.)" holds a period
    if (paren ? ctx.is_punct(j, '(') : t.is(text::kDash)) return j;
    if (paren && ctx.is_punct(j, ')')) return -1;
  }
  return -1;
}

}  // namespace

// The "who" / "whose" / "which" after a comma that opens a relative clause
// containing token k (at most 30 tokens back, within the sentence); -1 if none.
int relative_opener(const Context& ctx, int k, int lower) {
  for (int j = k - 1; j > lower && j >= k - 30; --j) {
    const auto& t = ctx.doc.tok(j);
    if (t.is(text::kSentenceEnd) || t.is(text::kQuote)) return -1;
    const std::string_view w = ctx.low(j);
    if ((w == "who" || w == "whose" || w == "which") && ctx.is_comma(j - 1)) return j;
  }
  return -1;
}

// The participle after a comma ("..., speaking on condition of anonymity
// because ...") whose phrase holds token k (at most 30 tokens back, within
// the sentence); -1 if none.
int participle_opener(const Context& ctx, int k, int lower) {
  for (int j = k - 1; j > lower && j >= k - 30; --j) {
    const auto& t = ctx.doc.tok(j);
    if (t.is(text::kSentenceEnd) || t.is(text::kQuote)) return -1;
    const std::string_view w = ctx.low(j);
    if (ctx.is_comma(j - 1) && ctx.is_word(j) && (verb_participle(w) || w == "asked")) return j;
  }
  return -1;
}

// Can token i open an appositive ("56", "the minister", "who has served")?
bool appositive_opener(const Context& ctx, int i) {
  const std::string_view w = ctx.low(i);
  // (a possessive too: "Cinder Lane Records, her label since 2016, said")
  return ctx.doc.tok(i).is(text::kDigit) || w == "a" || w == "an" || w == "the" || w == "who" || w == "whose" ||
         w == "her" || w == "his" || w == "its" || w == "their" || ctx.has(i, kRankWord | kTitleWord) ||
         w == "former" ||
         (w == "of" && i + 1 < ctx.doc.size() && ctx.doc.tok(i + 1).is(text::kCapitalized));  // ", of Springfield,"
}

namespace {
constexpr int kMaxSourceTokens = 40;  // the longest source noun phrase, appositives included

// Before the comma at `comma`, a name after it: where a short noun phrase
// for a person that the name stands in apposition to starts ("Her
// husband, Jo Doe", "Another parent, Jo Doe", "The club's captain, Jo
// Doe"): a determiner or possessive, at most three more words, the last a
// noun for a person, opening its clause; -1 when there is none.
int role_before_name(const Context& ctx, int comma, int lower) {
  if (comma + 1 >= ctx.doc.size() || !ctx.is_name_token(comma + 1) || comma - 1 < lower) return -1;
  const std::string_view head = ctx.low(comma - 1);
  if (ctx.doc.tok(comma - 1).is(text::kCapitalized) ||
      !(ctx.has(comma - 1, kPersonNounWord) || ctx.lex.gender(head) != 0 || wordnet_person(head)))
    return -1;
  for (int b = comma - 2; b >= lower && b >= comma - 5; --b) {
    if (!ctx.is_word(b) && !ctx.possessive(b)) return -1;
    if (ctx.is_word(b) && (ctx.has(b, kFiniteVerbWord) || is(ctx, kClauseOpenerWord, ctx.low(b)))) return -1;
    // (a determiner, possessives and "another" among them: determiners.tsv)
    if (ctx.has(b, kDeterminerWord) && (b == lower || ctx.is_comma(b - 1) || !ctx.is_word(b - 1))) return b;
  }
  return -1;
}
}  // namespace

TokRange source_before(const Context& ctx, int end, int lower, bool stop_at_and_det) {
  const auto& doc = ctx.doc;
  int j = end - 1;
  int src_end = end;
  bool appositive = false;
  if (j >= lower && ctx.is_comma(j)) {
    appositive = true;  // "Name, appositive, said"
    src_end = j;
    --j;
  }
  int k = j;
  bool crossed_appositive = false;
  int extra_commas = 0;
  std::array<int, 2> fallbacks{};  // starts of the further appositives
  bool opener_before = false;      // the scan stopped at a clause opener ("after", "because")
  // A source is at most kMaxSourceTokens long (checked below); a scan that
  // runs well past that finds none, so it stops there (linear time on a
  // sentence of thousands of words).
  const int floor = std::max(lower, src_end - kMaxSourceTokens - 2);
  for (; k >= lower; --k) {
    if (k < floor) return {};
    const auto& t = doc.tok(k);
    if (t.is(text::kQuote) || (t.quote >= 0 && t.quote != ctx.inside_quote)) break;
    if (t.is(text::kSentenceEnd)) break;
    if (t.is(text::kPunct)) {
      const char32_t p = t.punct;
      // A parenthesis or an aside between dashes inside the noun phrase:
      // "Roger Wicker (R-Miss.) said", "The justice -- who has ... -- said".
      if (p == ')' || t.is(text::kDash)) {
        const int open = matching_open(ctx, k, lower);
        if (open > lower) {
          k = open;
          continue;
        }
      }
      if (p == ';' || p == ':' || p == '(' || p == ')' || p == '[' || p == ']' || t.is(text::kDash)) break;
      if (p == ',') {
        if (appositive && !crossed_appositive) {
          crossed_appositive = true;
          continue;
        }
        // A further appositive: "Jane Doe, 56, who has served ..., said",
        // "Jane Doe, the minister, a member of the council, said".
        if (appositive && extra_commas < 2 && k + 1 < src_end && appositive_opener(ctx, k + 1)) {
          fallbacks[static_cast<std::size_t>(extra_commas++)] = k + 1;
          continue;
        }
        // A relative clause with commas of its own: "Jane Doe, whose
        // husband, Jo Doe, is among the men, said": back to its ", whose".
        if (appositive && crossed_appositive) {
          const int rel = relative_opener(ctx, k, lower);
          if (rel > lower) {
            k = rel;  // the loop steps onto the comma before it
            continue;
          }
          // A role the name stands in apposition to: "Her husband, Jo Doe,
          // 74, who ..., said", "Another parent, Jo Doe, said".
          if (const int role = role_before_name(ctx, k, lower); role >= 0) {
            k = role - 1;
            break;
          }
        }
        break;
      }
      continue;
    }
    const std::string_view w = ctx.low(k);
    // "X, the agency that oversees the program, said": a relative "that"
    // after a noun inside the appositive.
    if (w == "that" && appositive && !crossed_appositive && k - 1 >= lower &&
        ctx.has(k - 1, kPersonNounWord | kOrgHeadWord | kDocumentNounWord))
      continue;
    // "Several residents who spoke at the meeting said": a relative clause
    // with no comma, opening on its verb, belongs to the noun for people
    // before it (not a "who" right before the cue: "voters who say" is the
    // clause's own subject; not "voters who Democrats fear").
    if ((w == "who" || w == "that") && !appositive && k + 1 < src_end && k - 1 >= lower && !ctx.is_comma(k - 1) &&
        (ctx.has(k - 1, kPersonNounWord) || (w == "who" && wordnet_person(ctx.low(k - 1)))) &&
        !ctx.is_name_token(k + 1) &&
        !ctx.has(k + 1, kDeterminerWord | kPronounWord | kSubjectPronounWord | kPersonNounWord))
      continue;
    // "her label since 2016", "in charge until May": a preposition before a
    // date, not a clause
    if (is(ctx, kClauseOpenerWord, w) && k + 1 < src_end &&
        (ctx.doc.tok(k + 1).is(text::kDigit) || is(ctx, kTimeWord, ctx.low(k + 1))))
      continue;
    if (is(ctx, kClauseOpenerWord, w)) {
      // Inside an appositive relative clause ("Jane Doe, who left because
      // of X, said"), go on back to its ", who".
      const int rel = appositive && !crossed_appositive ? relative_opener(ctx, k, lower) : -1;
      if (rel >= 0) {
        k = rel + 1;  // the loop steps onto the comma before "who"
        continue;
      }
      // ... or its participle's phrase ("A diplomat, speaking on condition
      // of anonymity because she was not authorised to ..., said"): back to
      // the comma before the participle.
      const int part = appositive && !crossed_appositive ? participle_opener(ctx, k, lower) : -1;
      if (part >= 0) {
        k = part + 1;
        continue;
      }
      // ... or, with no comma, a relative clause on a noun for a person
      // that the reason belongs to ("A juror who asked not to be named
      // because the jury ... said"): back to the noun.
      int rel_who = -1;
      for (int m = k - 1; !appositive && rel_who < 0 && m > lower && m >= k - 10 && ctx.is_word(m); --m)
        if (ctx.low(m) == "who" && (ctx.has(m - 1, kPersonNounWord) || wordnet_person(ctx.low(m - 1)))) rel_who = m;
      if (rel_who >= 0) {
        k = rel_who;  // the loop steps onto the noun
        continue;
      }
      // "as" and "so" inside a name phrase are rare; treat as clause openers.
      opener_before = true;
      break;
    }
    if ((w == "and" || w == "but" || w == "or") && k - 1 >= lower && ctx.is_comma(k - 1)) break;
    if (w == "but") break;
    if (stop_at_and_det && w == "and" && k + 1 < end && ctx.has(k + 1, kDeterminerWord)) break;
    // A subject or relative pronoun opens its noun phrase: "... network RT he
    // blasted", "..., who cited".
    if (is(ctx, kSubjectPronounWord, w) && !appositive) {
      // unless it opens a clause describing a document before it ("a
      // survey it commissioned found")
      if (k - 1 >= lower && ctx.has(k - 1, kDocumentNounWord)) continue;
      --k;
      break;
    }
  }
  int b = k + 1;
  if (appositive && !crossed_appositive) {
    // "..., said" with no second comma: the comma ended a content, not an
    // appositive; no source before the cue.
    return {};
  }
  // Leading conjunctions and sentence adverbs are not part of the source.
  while (b < src_end && ctx.is_word(b) &&
         (ctx.low(b) == "and" || ctx.low(b) == "but" || ctx.low(b) == "yet" || ctx.low(b) == "so" ||
          ctx.low(b) == "or" || ctx.low(b) == "also" || ctx.low(b) == "then"))
    ++b;
  // It must open like a noun phrase; failing that, the last appositive
  // crossed ends the search.
  auto np_start = [&](int i) {
    const std::string_view w0 = ctx.low(i);
    const auto& t0 = doc.tok(i);
    return t0.is(text::kCapitalized) || t0.is(text::kDigit) || is(ctx, kPronounWord, w0) || ctx.is_name_token(i) ||
           ctx.has(i, kDeterminerWord | kQuantifierWord | kPersonNounWord | kRankWord | kAffiliationWord |
                          kDocumentNounWord | kOrgHeadWord);
  };
  for (int f = extra_commas; b < src_end && !np_start(b) && f > 0; --f) b = fallbacks[static_cast<std::size_t>(f - 1)];
  // "The miners were alive, the chief executive, Jo Roe, said": what comes
  // before a further appositive is a clause of its own (a verb in it), the
  // statement; the source starts at the appositive.
  for (int f = extra_commas; f > 0; --f) {
    const int at = fallbacks[static_cast<std::size_t>(f - 1)];
    if (at <= b) continue;
    bool clause = false;
    for (int t = b; t < at && !clause; ++t) {
      if (!ctx.is_word(t)) continue;
      const int tag = parse_tag(ctx, t);
      clause = is(ctx, kFiniteVerbWord, ctx.low(t)) || tag == language::VERB || tag == language::AUX;
    }
    if (clause) b = at;
  }
  // "Speaking after Jane Doe, Councillor Jo Roe, who ..., said": what the
  // clause opener began runs to a comma; the speaker is the noun phrase
  // after it.
  if (opener_before && extra_commas > 0 && b < fallbacks[static_cast<std::size_t>(extra_commas - 1)])
    b = fallbacks[static_cast<std::size_t>(extra_commas - 1)];
  // A lower-case role before a name also opens one: "port director Jane Doe".
  auto role_then_name = [&](int i) {
    if (src_end - i > 6 || !ctx.is_name_token(src_end - 1)) return false;
    bool role = false;  // a person noun or title among the lower-case words
    for (int m = i; m < src_end; ++m) {
      if (!ctx.is_word(m) || is(ctx, kClauseOpenerWord, ctx.low(m)) || is(ctx, kFiniteVerbWord, ctx.low(m)))
        return false;
      if (!doc.tok(m).is(text::kCapitalized) && ctx.has(m, kPersonNounWord | kTitleWord)) role = true;
    }
    return role;
  };
  // A short compound ending in a person noun, a body or a document, as
  // headlines write them without an article: "fire officials", "health
  // experts", "leaked plan", "early results".
  auto compound_of_people = [&](int i) {
    if (src_end - i > 3 || !ctx.has(src_end - 1, kPersonNounWord | kOrgHeadWord | kDocumentNounWord)) return false;
    // (not a verb of saying before its subject: "..., Tom Wool, says the bank")
    for (int m = i; m < src_end; ++m)
      if (!ctx.is_word(m) || is(ctx, kClauseOpenerWord, ctx.low(m)) || is(ctx, kFiniteVerbWord, ctx.low(m)) ||
          (m + 1 < src_end && ctx.lex.is_speech_verb(ctx.low(m))))
        return false;
    return true;
  };
  // An opening adverbial set off by a comma is not the speaker ("In a letter
  // to residents on Friday, the chief executive, Jane Doe, wrote").
  if (b < src_end && ctx.is_word(b) && is(ctx, kAdverbialOpenerWord, ctx.low(b)) && extra_commas > 0) {
    int c = b;
    while (c < src_end && !ctx.is_comma(c)) ++c;
    if (c + 1 < src_end) b = c + 1;
  }
  if (b >= src_end || !(np_start(b) || role_then_name(b) || compound_of_people(b))) return {};
  if (src_end - b > (extra_commas > 0 ? kMaxSourceTokens : 25)) return {};
  // "Jane Doe accepted the offer and announced ...": the cue's verb is
  // coordinated with another; the source is their subject, up to that verb.
  if (src_end - b > 2 && ctx.low(src_end - 1) == "and") {
    for (int m = b + 1; m < src_end - 1; ++m) {
      const std::string_view w = ctx.low(m);
      if (!ctx.is_word(m) || doc.tok(m).is(text::kCapitalized)) continue;
      // (or a verb the word tables do not know, by the parse: "Jo Doe set a
      // date and ordered ...")
      const bool verb = is(ctx, kFiniteVerbWord, w) || ctx.has(m, kCueStartWord) ||
                        (w.size() > 4 && w.ends_with("ed")) || parse_tag(ctx, m) == language::VERB;
      if (verb) return {b, m};
      break;  // a lower-case word that is no verb: not a clause
    }
  }
  return {b, src_end};
}

const std::vector<int>& Context::capitalised_org_heads() const {
  if (!org_heads_found_) {
    org_heads_found_ = true;
    for (int i = 1; i < doc.size(); ++i)  // (after a capitalised word: the name it heads)
      if (doc.tok(i).is(text::kCapitalized) && doc.tok(i - 1).is(text::kCapitalized) && has(i, kOrgHeadWord))
        org_heads_.push_back(i);
  }
  return org_heads_;
}

bool Context::names_body_elsewhere(int b, int e) const {
  auto key = [&](int from, int to) {
    std::string k;
    for (int i = from; i < to; ++i) {
      k.append(low(i));
      k.push_back('\x1f');
    }
    return k;
  };
  if (!body_names_built_) {
    body_names_built_ = true;
    for (const int h : capitalised_org_heads())
      for (int n = 1; n <= kMaxBodyNameWords && h - n >= 0; ++n) {
        auto [it, fresh] = body_names_.try_emplace(key(h - n, h), std::array<int, 2>{h - n, -1});
        if (!fresh && it->second[1] < 0 && it->second[0] != h - n) it->second[1] = h - n;
      }
  }
  if (e - b < 1 || e - b > kMaxBodyNameWords) return false;
  const auto it = body_names_.find(key(b, e));
  return it != body_names_.end() && (it->second[0] != b || it->second[1] >= 0);
}

void Context::index_names() const {
  if (place_names_built_) return;
  place_names_built_ = true;
  // Surnames of people named in full: the last word of a run of two to
  // six name words that opens with no function word, no place's first
  // word and holds no organisation head ("Carys Whitlow", "Assistant
  // District Attorney Carys Whitlow", not "In Osklund", "Port Edda" or
  // "Vossberg Rail"). "questioning from Whitlow" does not make her a place.
  for (int k = 1; k < doc.size(); ++k) {
    if (!is_name_token(k) || (k + 1 < doc.size() && is_name_token(k + 1) && doc.tok(k + 1).para == doc.tok(k).para))
      continue;
    int b = k;
    while (b > 0 && k - b < 6 && is_name_token(b - 1) && doc.tok(b - 1).para == doc.tok(k).para) --b;
    if (k - b < 1 || k - b > 5) continue;
    const std::string_view first = low(b);
    bool person = !has(b, kDeterminerWord | kPronounWord | kTimeWord | kCoordinatorWord | kAdverbialOpenerWord |
                              kClauseOpenerWord | kPostmodifierWord | kPlaceModifierWord) &&
                  first != "in" && first != "from" && first != "at" && first != "on" && first != "to" && first != "by";
    for (int t = b; t <= k && person; ++t) person = !has(t, kOrgHeadWord);
    if (person) {
      full_name_ends_.insert(std::string(low(k)));
      if (auto& firsts = full_name_firsts_[std::string(low(k))]; firsts.size() < 8) firsts.insert(std::string(low(b)));
    }
  }
  for (int k = 1; k < doc.size(); ++k) {
    if (!is_word(k) || !doc.tok(k).is(text::kCapitalized)) continue;
    // a one-word name: no capitalised word right before or after it
    const auto same_para = [&](int j) { return doc.tok(j).para == doc.tok(k).para; };
    const std::string_view before = low(k - 1);
    // (a sentence's "In" or "From" before it is no name word: "In Tervoria, ...")
    if ((is_name_token(k - 1) && same_para(k - 1) && before != "in" && before != "from") ||
        (k + 1 < doc.size() && is_name_token(k + 1) && same_para(k + 1)))
      continue;
    if (before == "in" || before == "from") {
      if (!full_name_ends_.contains(std::string(low(k)))) place_names_.insert(std::string(low(k)));
      continue;
    }
    // "X's government", "X's interior minister", "the X government"
    const std::string_view w = low(k);
    const std::size_t suffix = possessive_suffix(w);
    const bool owner = possessive(k);
    const int next = suffix > 0 ? k + 1 : (owner ? k + 2 : k + 1);
    const std::string name(w.substr(0, w.size() - suffix));
    auto state_noun = [&](int j, bool minister) {
      if (j >= doc.size() || !is_word(j)) return false;
      const std::string_view g = low(j);
      return g == "government" || g == "embassy" || g == "parliament" || g == "ministry" ||
             (minister && (g == "minister" || g == "ministry" || g == "police"));
    };
    if (state_noun(next, false) || (owner && next < doc.size() && is_word(next) && state_noun(next + 1, true)))
      place_names_.insert(name);
    auto company_part = [&](int j) {
      if (j >= doc.size() || !is_word(j)) return false;
      const std::string_view g = low(j);
      return g == "board" || g == "shares" || g == "shareholders" || g == "headquarters" || g == "subsidiary" ||
             g == "factory" || g == "factories" || g == "workforce" || g == "stock" ||
             (g == "chief" && j + 1 < doc.size() && (low(j + 1) == "executive" || low(j + 1) == "financial"));
    };
    if (owner && company_part(next)) company_names_.insert(name);
  }
  // The first word of a company's name ending in an organisation head
  // ("Brisco" of "Brisco Chemical Co.", "Vossberg" of "Vossberg Rail
  // Systems"), unless the article also uses it as someone's surname.
  std::unordered_set<std::string> surnames;
  for (int k = 1; k < doc.size(); ++k)
    if (is_name_token(k) && is_name_token(k - 1) && doc.tok(k - 1).para == doc.tok(k).para &&
        !(k + 1 < doc.size() && is_name_token(k + 1) && doc.tok(k + 1).para == doc.tok(k).para))
      surnames.insert(std::string(low(k)));
  for (const int h : capitalised_org_heads()) {
    int first = h;
    while (first - 1 >= 0 && h - (first - 1) <= kMaxBodyNameWords && is_name_token(first - 1) &&
           doc.tok(first - 1).is(text::kCapitalized) && doc.tok(first - 1).para == doc.tok(h).para &&
           !has(first - 1, kDeterminerWord | kTitleWord | kPersonNounWord))
      --first;
    if (first < h && !has(first, kOrgHeadWord) && !surnames.contains(std::string(low(first))))
      body_first_words_.insert(std::string(low(first)));
  }
}

bool Context::names_place_elsewhere(int i) const {
  index_names();
  return is_word(i) && place_names_.contains(std::string(low(i)));
}

bool Context::ends_full_name(int i) const {
  index_names();
  if (!is_word(i)) return false;
  std::string_view w = low(i);
  w.remove_suffix(possessive_suffix(w));
  return full_name_ends_.contains(std::string(w));
}

bool Context::ends_other_full_name(int i, int first) const {
  index_names();
  if (!is_word(i)) return false;
  std::string_view w = low(i);
  w.remove_suffix(possessive_suffix(w));
  const auto it = full_name_firsts_.find(std::string(w));
  if (it == full_name_firsts_.end()) return false;
  const std::string own(low(first));
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& f) { return f != own; });
}

bool Context::owns_company_parts(int i) const {
  index_names();
  return is_word(i) && company_names_.contains(std::string(low(i)));
}

bool Context::opens_body_name(int i) const {
  index_names();
  return is_word(i) && body_first_words_.contains(std::string(low(i)));
}

bool Context::possessive(int i) const {
  if (possessive_suffix(low(i)) > 0) return true;
  return i + 1 < doc.size() && (low(i + 1) == "'s" || low(i + 1) == "\u2019s");
}

bool Context::plural_possessive_mark(int i) const {
  const std::string_view w = doc.surface(i);
  return (w == "'" || w == "\u2019") && i > 0 && i + 1 < doc.size() && is_word(i - 1) && low(i - 1).ends_with('s') &&
         doc.tok(i + 1).is(text::kCapitalized);
}

std::size_t possessive_suffix(std::string_view w) {
  if (w.ends_with("'s")) return 2;
  if (w.ends_with("\u2019s")) return 4;
  return 0;
}

bool Context::is_name_token(int i) const {
  const auto& t = doc.tok(i);
  if (!t.is(text::kWord)) return false;
  if (t.is(text::kCapitalized)) return true;
  // "al-Asad", "bin-Laden", "de-Souza": a short lower-case prefix, a hyphen, a capital.
  const std::string_view s = doc.surface(i);
  const std::size_t h = s.find('-');
  return h != std::string_view::npos && h <= 3 && h + 1 < s.size() && s[h + 1] >= 'A' && s[h + 1] <= 'Z';
}

void find_attributions(Context& ctx) { Finder(ctx).run(); }

void speak_floating_quotes(Context& ctx) {
  for (const auto& [floating, speaker] : ctx.floating) {
    const auto& from = ctx.out.attributions[static_cast<std::size_t>(speaker)].source;
    if (!from) continue;
    core::Source s = *from;
    s.spans.clear();  // no words of its own: the speaker is implied
    ctx.out.attributions[static_cast<std::size_t>(floating)].source = std::move(s);
  }
}

}  // namespace claimtrail::extract
