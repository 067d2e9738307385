// The language layer inside the claim parser: a sentence's parse, made on
// first need (only sentences where a construction asks, that is those with
// a cue candidate), with the words mapped back to the document's tokens;
// and what the constructions ask of it: a cue's subject phrase.
#include <algorithm>

#include "extract/context.hpp"
#include "language/lexical.hpp"
#include "util/ascii.hpp"

namespace claimtrail::extract {

namespace {

// Clitics the treebanks write as words of their own: "company's" is
// "company" + "'s", "don't" is "do" + "n't".
std::size_t clitic_length(std::string_view low) {
  static constexpr std::string_view kClitics[] = {"n't", "'s", "'re", "'ll", "'ve", "'d", "'m"};
  for (const auto c : kClitics)
    if (low.size() > c.size() && low.ends_with(c)) return c.size();
  return 0;
}

// The treebanks split a hyphenated word into its parts and the hyphens
// ("54 - year - old", "U.S. - led", "Otway - Hale"), but keep a prefix
// joined ("non-stop", "anti-war"; grammar.tsv's hyphen_prefix) and leave
// figures ("2019-20", phone numbers) whole: a word the parser never saw
// whole is tagged by its parts, as it learned them.
void add_hyphenated(const Context& ctx, int t, std::string_view w, std::vector<std::string_view>& words,
                    std::vector<int>& word_tok) {
  const bool splits = (ctx.is_word(t) || ctx.doc.tok(t).is(text::kDigit)) && w.size() > 2 &&
                      w.find('-', 1) < w.size() - 1 && w.find_first_not_of("0123456789-") != std::string_view::npos &&
                      !ctx.lex.is(util::ascii_lower(w.substr(0, w.find('-'))), kHyphenPrefixWord);
  if (!splits) {
    words.push_back(w);
    word_tok.push_back(t);
    return;
  }
  std::size_t at = 0;
  while (at <= w.size()) {
    const std::size_t dash = w.find('-', at);
    const std::size_t end = dash == std::string_view::npos ? w.size() : dash;
    if (end > at) {
      words.push_back(w.substr(at, end - at));
      word_tok.push_back(t);
    }
    if (dash == std::string_view::npos) break;
    words.push_back(w.substr(dash, 1));
    word_tok.push_back(t);
    at = dash + 1;
  }
}

}  // namespace

const SentenceSyntax* Context::syntax_at(int tok) const {
  if (!syntax_wanted || tok < 0 || tok >= doc.size()) return nullptr;
  if (!layer) layer = &language::shipped_layer();
  const auto& sentences = doc.sentences();
  const int found = sentence_of(tok);
  if (found < 0) return nullptr;
  const auto si = static_cast<std::size_t>(found);
  const text::Sentence& s = sentences[si];
  if (syntax_.size() != sentences.size()) syntax_.resize(sentences.size());
  SentenceSyntax& out = syntax_[si];
  if (out.state == SentenceSyntax::State::unparsed) {
    out.state = SentenceSyntax::State::skipped;
    if (s.end_tok - s.first_tok > kMaxParsedTokens) return nullptr;
    out.first_tok = s.first_tok;
    std::vector<std::string_view> words;
    for (int t = s.first_tok; t < s.end_tok; ++t) {
      const text::Token& tk = doc.tok(t);
      const std::string_view w = doc.text().substr(tk.start, tk.end - tk.start);
      // low() folds the typographic apostrophe (3 bytes) to ASCII (1 byte)
      const std::size_t cut = is_word(t) ? clitic_length(low(t)) : 0;
      const std::size_t bytes = cut + (w.size() - std::min(w.size(), low(t).size()));
      const bool splits = cut > 0 && bytes < w.size() &&
                          (w[w.size() - bytes] == '\'' || w[w.size() - bytes] == 'n' || w[w.size() - bytes] == 'N' ||
                           static_cast<unsigned char>(w[w.size() - bytes]) == 0xE2);
      if (splits) {
        words.push_back(w.substr(0, w.size() - bytes));
        out.word_tok.push_back(t);
        words.push_back(w.substr(w.size() - bytes));
        out.word_tok.push_back(t);
      } else {
        add_hyphenated(*this, t, w, words, out.word_tok);
      }
    }
    out.syntax = layer->analyse(words, false);
    out.labels.assign(words.size(), -1);
    out.state = SentenceSyntax::State::parsed;
    ++parsed_sentences;
  }
  return out.state == SentenceSyntax::State::parsed ? &out : nullptr;
}

int SentenceSyntax::word_of(int tok) const {
  // The token's word whose head lies outside the token (its head word).
  int found = -1;
  for (std::size_t w = 0; w < word_tok.size(); ++w) {
    if (word_tok[w] != tok) continue;
    if (found < 0) found = static_cast<int>(w);
    const int h = syntax.heads[w];
    if (h < 0 || word_tok[static_cast<std::size_t>(h)] != tok) return static_cast<int>(w);
  }
  return found;
}

std::string_view SentenceSyntax::label(int word, const language::Layer& layer) const {
  const auto& names = layer.parser().label_names();
  auto& l = labels[static_cast<std::size_t>(word)];
  if (l < 0) l = layer.parser().label(syntax.words, syntax.tags, syntax.heads, word);
  return static_cast<std::size_t>(l) < names.size() ? std::string_view(names[static_cast<std::size_t>(l)])
                                                    : std::string_view();
}

namespace {

// A word of a time phrase: "Tuesday", "this month", "last year".
bool time_noun(const Context& ctx, int tok) {
  const auto info = language::noun(language::lemma_noun(ctx.low(tok)));
  return info && info->first == language::NounClass::time;
}

}  // namespace

int parse_tag(const Context& ctx, int tok, bool parse) {
  const SentenceSyntax* s = parse ? ctx.syntax_at(tok) : ctx.parsed_syntax_at(tok);
  if (!s) return -1;
  const int w = s->word_of(tok);
  return w < 0 ? -1 : s->syntax.tags[static_cast<std::size_t>(w)];
}

bool noun_modifier(const Context& ctx, int tok) {
  const SentenceSyntax* s = ctx.syntax_at(tok);
  if (!s) return false;
  const int w = s->word_of(tok);
  if (w < 0) return false;
  const int h = s->syntax.heads[static_cast<std::size_t>(w)];
  if (h <= w) return false;
  const int tag = s->syntax.tags[static_cast<std::size_t>(w)];
  const int head_tag = s->syntax.tags[static_cast<std::size_t>(h)];
  return (tag == language::NOUN || tag == language::PROPN) &&
         (head_tag == language::NOUN || head_tag == language::PROPN) && s->label(w, *ctx.layer) == "compound";
}

TokRange syntax_subject(const Context& ctx, int verb_tok) {
  const SentenceSyntax* s = ctx.syntax_at(verb_tok);
  if (!s) return {};
  const int v = s->word_of(verb_tok);
  if (v < 0) return {};
  const int n = static_cast<int>(s->word_tok.size());
  int subj = -1;
  for (int w = 0; w < n && subj < 0; ++w)
    if (s->syntax.heads[static_cast<std::size_t>(w)] == v && s->label(w, *ctx.layer) == "nsubj") subj = w;
  if (subj < 0 || subj > v) return {};
  // The subject's words: those it dominates, less time and place adjuncts,
  // participles set off by commas and punctuation at the edges.
  std::vector<char> in(static_cast<std::size_t>(n), 0);
  in[static_cast<std::size_t>(subj)] = 1;
  for (int w = 0; w < n; ++w) {
    if (w == subj) continue;
    // climb to the subject, dropping words under an adjunct of it
    bool keep = false;
    for (int x = w, steps = 0; x >= 0 && steps < n; x = s->syntax.heads[static_cast<std::size_t>(x)], ++steps) {
      if (s->syntax.heads[static_cast<std::size_t>(x)] == subj) {
        const std::string_view l = s->label(x, *ctx.layer);
        // a time phrase is never part of who speaks, wherever the parse hung it
        const bool time = (l.starts_with("nmod") || l.starts_with("obl")) && x > subj &&
                          time_noun(ctx, s->word_tok[static_cast<std::size_t>(x)]);
        keep = !(time || l == "obl:tmod" || l == "nmod:tmod" || l == "obl" || (l == "advmod" && x > subj) ||
                 l == "parataxis" || l == "advcl" || (l == "acl" && x > subj));
        break;
      }
    }
    in[static_cast<std::size_t>(w)] = keep;
  }
  int lo = subj, hi = subj;
  while (lo > 0 && in[static_cast<std::size_t>(lo - 1)]) --lo;
  while (hi + 1 < v && in[static_cast<std::size_t>(hi + 1)]) ++hi;
  int b = s->word_tok[static_cast<std::size_t>(lo)], e = s->word_tok[static_cast<std::size_t>(hi)] + 1;
  while (e > b && (ctx.is_comma(e - 1) || ctx.doc.tok(e - 1).is(text::kDash))) --e;
  while (b < e && !ctx.is_word(b)) ++b;
  return {b, e};
}

const SentenceSyntax* Context::parsed_syntax_at(int tok) const {
  if (!syntax_wanted || tok < 0 || tok >= doc.size()) return nullptr;
  const int si = sentence_of(tok);
  return si >= 0 && static_cast<std::size_t>(si) < syntax_.size() &&
                 syntax_[static_cast<std::size_t>(si)].state == SentenceSyntax::State::parsed
             ? &syntax_[static_cast<std::size_t>(si)]
             : nullptr;
}

int Context::sentence_of(int tok) const {
  const auto& sentences = doc.sentences();
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), tok,
                                   [](int t, const text::Sentence& s) { return t < s.first_tok; });
  if (it == sentences.begin()) return -1;
  const auto si = static_cast<int>(it - sentences.begin()) - 1;
  return tok < sentences[static_cast<std::size_t>(si)].end_tok ? si : -1;
}

VerbFrame syntax_frame(const Context& ctx, int verb_tok) {
  VerbFrame f;
  const SentenceSyntax* s = ctx.syntax_at(verb_tok);
  if (!s) return f;
  const int v = s->word_of(verb_tok);
  if (v < 0) return f;
  f.parsed = true;
  const int tag = s->syntax.tags[static_cast<std::size_t>(v)];
  f.verb = tag == language::VERB;
  const int n = static_cast<int>(s->word_tok.size());
  const auto& heads = s->syntax.heads;
  // The first word of w's subtree.
  auto leftmost = [&](int w) {
    int first = w;
    for (int x = 0; x < w; ++x)
      for (int y = x, steps = 0; y >= 0 && steps < n; y = heads[static_cast<std::size_t>(y)], ++steps)
        if (y == w) {
          first = std::min(first, x);
          break;
        }
    return first;
  };
  // An infinitive ("pressured workers not to report them") has its subject
  // from the clause above, whatever the parse hung on it.
  for (int w = 0; w < v; ++w)
    if (heads[static_cast<std::size_t>(w)] == v && s->label(w, *ctx.layer) == "mark" &&
        ctx.low(s->word_tok[static_cast<std::size_t>(w)]) == "to")
      return f;
  int object = -1, clause = -1;
  for (int w = 0; w < n; ++w) {
    if (heads[static_cast<std::size_t>(w)] != v) continue;
    const std::string_view l = s->label(w, *ctx.layer);
    if (l == "nsubj" && f.subject_head < 0)
      f.subject_head = s->word_tok[static_cast<std::size_t>(w)];
    else if (l == "ccomp" && w > v && leftmost(w) <= v + 2)  // a finite clause right after the verb
      f.clause = true;
    else if (l == "ccomp" && w > v && clause < 0)
      clause = w;
    else if ((l == "obj" || l == "iobj") && w > v)
      f.object = true, object = w;
  }
  // "Emails show Calderon Freight managers knew ...": the parse took the
  // clause's subject for the verb's object, right before the clause's verb.
  if (!f.clause && object >= 0 && clause == object + 1 && leftmost(object) <= v + 2) {
    f.clause = true;
    f.object = false;
  }
  // A participle set off after its clause ("X mocked the plan, saying ...")
  // speaks with the subject of the verb it hangs on.
  const int h = heads[static_cast<std::size_t>(v)];
  if (f.subject_head < 0 && h >= 0 && h < v && ctx.low(verb_tok).ends_with("ing")) {
    const std::string_view l = s->label(v, *ctx.layer);
    if (l == "advcl" || l == "conj" || l == "xcomp")
      for (int w = 0; w < h; ++w)
        if (heads[static_cast<std::size_t>(w)] == h && s->label(w, *ctx.layer) == "nsubj") {
          f.subject_head = s->word_tok[static_cast<std::size_t>(w)];
          f.shared_subject = true;
          break;
        }
  }
  return f;
}

TokRange syntax_refined_source(const Context& ctx, int verb_tok, TokRange rules) {
  const TokRange subj = syntax_subject(ctx, verb_tok);
  if (subj.empty()) return rules;
  if (rules.empty()) return subj;
  if (!subj.overlaps(rules)) return rules;
  const SentenceSyntax* s = ctx.syntax_at(verb_tok);
  auto tag = [&](int tok) -> int {
    const int w = s->word_of(tok);
    return w < 0 ? -1 : s->syntax.tags[static_cast<std::size_t>(w)];
  };
  using namespace language;
  TokRange out = rules;
  // After the subject: the cue's auxiliaries and adverbs, a time phrase
  // ("the bank just this month", "the mayor on Tuesday", "she has long").
  if (subj.e < rules.e) {
    bool adjunct = true;
    for (int t = subj.e; t < rules.e && adjunct; ++t) {
      const int g = tag(t);
      adjunct = g == AUX || g == PART || g == ADV || g == DET || g == ADP || g == NUM || g == PUNCT ||
                ((g == NOUN || g == PROPN) && time_noun(ctx, t));
    }
    if (adjunct) out.e = subj.e;
  }
  // Before it: a relative or question word, a preposition's phrase, an
  // adverb or a verb the window took in ("which the board", "In an
  // interview the minister", "Perhaps the judges", "Say the unions").
  if (subj.b > rules.b) {
    const int first = tag(rules.b);
    if (first == ADP || first == SCONJ) {
      out.b = subj.b;
    } else {
      int b = rules.b;
      while (b < subj.b) {
        const int g = tag(b);
        if (!(g == PRON || g == ADV || g == VERB || g == AUX || g == PART || g == CCONJ || g == INTJ || g == SCONJ ||
              g == ADP))
          break;
        ++b;
      }
      if (b == subj.b) out.b = b;
    }
  }
  // Further left than the window reached, over a comma: the rest of a
  // subject the window cut ("The owners, tenants and city officials"),
  // not an adjunct or a quotation before it.
  if (subj.b < rules.b && rules.b > 0 && (ctx.is_comma(rules.b - 1) || ctx.doc.tok(rules.b - 1).is(text::kDash))) {
    const int first = tag(subj.b);
    bool ok = first == PROPN || first == DET || first == NOUN || first == ADJ;
    // A list: what the window took ends it with a conjunction ("tenants and
    // city officials"); else the words before the comma are a statement's
    // subject the attribution interrupts ("The agreement, one of the
    // officials said, is ...").
    bool list = false;
    for (int t = rules.b; t < rules.e && !list; ++t)
      list = ctx.low(t) == "and" || ctx.low(t) == "or" || ctx.low(t) == "&";
    ok = ok && list;
    // A cut subject is names and nouns: a verb there is a clause of its own
    // the parse took for the subject ("The ovens that supply the furnace
    // will shut, chief executive Jo Doe said").
    for (int t = subj.b; t < rules.b && ok; ++t)
      ok = !ctx.doc.tok(t).is(text::kQuote) && !((tag(t) == NOUN || tag(t) == PROPN) && time_noun(ctx, t)) &&
           tag(t) != VERB && tag(t) != AUX;
    if (ok) out.b = subj.b;
  }
  return out.empty() ? rules : out;
}

}  // namespace claimtrail::extract
