// Internal to extract/: the state shared by the stages that analyse one
// article, and small token-level helpers.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis.hpp"
#include "extract/constructions.hpp"
#include "extract/lexicon.hpp"
#include "language/layer.hpp"
#include "text/document.hpp"

namespace claimtrail::extract {

// A half-open token range [b, e).
struct TokRange {
  int b = 0, e = 0;
  bool empty() const { return e <= b; }
  int size() const { return e - b; }
  bool overlaps(TokRange o) const { return b < o.e && o.b < e; }  // a token in common
  bool operator==(const TokRange&) const = default;
};

// What the source classifier learns about one source noun phrase.
struct SourceInfo {
  core::SourceCategory category = core::SourceCategory::unresolved;
  core::Descriptors descriptors;
  enum class Pronoun { none, person, plural, thing, relative } pronoun = Pronoun::none;
  std::vector<TokRange> names;                        // proper names of people or bodies it contains
  std::vector<core::SourceCategory> name_categories;  // one per name
  std::string head;                                   // lower-cased head noun, singular form when known
  bool definite = false;                              // "the sources", "the official"
  bool plural = false;
};

// One sentence's parse by the language layer, its words mapped to tokens.
struct SentenceSyntax {
  enum class State : std::uint8_t { unparsed, parsed, skipped } state = State::unparsed;
  int first_tok = 0;
  std::vector<int> word_tok;                 // the token of each word ("company's" gives two words)
  language::Syntax syntax;                   // tags and heads; labels on demand:
  mutable std::vector<std::int32_t> labels;  // -1 until label() computes it
  int word_of(int tok) const;                // the head word among token tok's words; -1 none
  std::string_view label(int word, const language::Layer& layer) const;
};

struct Context {
  const text::Document& doc;
  const Lexicon& lex;
  core::Analysis& out;
  int body_first_tok = 0;     // first token after headline and dateline
  int headline_end_tok = 0;   // tokens before this are the headline
  std::vector<char> blocked;  // tokens claimed by non-responses (no cue there)
  // Token ranges behind each attribution (parallel to out.attributions) and
  // behind each non-response's subject (parallel to out.non_responses).
  std::vector<TokRange> attr_cue, attr_source;
  std::vector<std::vector<TokRange>> attr_content;
  // Floating quotations (a paragraph that is only a quotation, with no cue,
  // continuing the previous paragraph's speaker): the attribution and the
  // one whose source speaks it; the source is copied once sources are
  // resolved (speak_floating_quotes).
  std::vector<std::pair<int, int>> floating;
  std::vector<TokRange> nr_who;
  // Sources that are a transcript's speaker labels ("SMITH:"): names in
  // capitals, not acronyms.
  // The quotation whose words are read as plain text while the finder
  // looks for what its speaker reports others said (-1: none).
  int inside_quote = -1;
  std::vector<TokRange> speaker_labels;
  // The constructions the finder may use (all, but in tests).
  ConstructionSet constructions;
  // Whether the constructions may parse; the language layer (loaded on the
  // first parse; null before and with rules alone) and how many sentences
  // it parsed.
  bool syntax_wanted = false;
  mutable const language::Layer* layer = nullptr;
  mutable std::size_t parsed_sentences = 0;
  // Sentences longer than this are not parsed (their rules stand): parsing
  // stays linear in the text. Every sentence that asks is parsed, so what
  // an article yields does not depend on what came before it.
  static constexpr int kMaxParsedTokens = 120;
  // The parse of the sentence holding token `tok`, made on first need; null
  // without a layer or for a sentence too long.
  const SentenceSyntax* syntax_at(int tok) const;
  // The same when the sentence is parsed already, else null (asks no parse).
  const SentenceSyntax* parsed_syntax_at(int tok) const;
  // The index of the sentence holding token `tok`, -1 for none.
  int sentence_of(int tok) const;

  Context(const text::Document& d, const Lexicon& l, core::Analysis& o)
      : doc(d), lex(l), out(o), classes_(static_cast<std::size_t>(d.size()), kUnknownClass) {}

  std::string_view low(int i) const { return doc.lower(i); }
  // The word-table classes of token i (WordClass bits), looked up once.
  std::uint32_t cls(int i) const {
    auto& c = classes_[static_cast<std::size_t>(i)];
    if (c == kUnknownClass) c = is_word(i) ? lex.word_class(low(i)) : 0;
    return c;
  }
  bool has(int i, std::uint32_t bits) const { return (cls(i) & bits) != 0; }
  bool is_word(int i) const { return doc.tok(i).is(text::kWord); }
  bool is_punct(int i, char32_t c) const { return doc.tok(i).is(text::kPunct) && doc.tok(i).punct == c; }
  bool is_comma(int i) const { return is_punct(i, ','); }
  core::Span span(int b, int e) const {  // bytes covered by tokens [b, e)
    return {doc.tok(b).start, doc.tok(e - 1).end};
  }
  core::Span span(TokRange r) const { return span(r.b, r.e); }
  // Is token i a word that can be part of a proper name ("Smith", "al-Asad", "van")?
  bool is_name_token(int i) const;
  // The capitalised words heading an organisation's name ("Inc.", "Agency"),
  // in text order; found once.
  const std::vector<int>& capitalised_org_heads() const;
  // Do the words [b, e) stand somewhere else right before a capitalised
  // organisation head ("Kovar" before "Kovar Energy")? Names of up to
  // kMaxBodyNameWords words are looked up in an index built once.
  bool names_body_elsewhere(int b, int e) const;
  static constexpr int kMaxBodyNameWords = 8;
  // Does the one-word name at token i stand somewhere as a place ("in
  // Lennmark", "from Osklund") or as a state with a government
  // ("Lennmark's interior minister", "the Osklund government")? A place
  // speaking is its government. The index is built once.
  bool names_place_elsewhere(int i) const;
  // Does the word at token i stand somewhere as the owner of a company's
  // parts ("Arvane's board", "Arvane's shareholders", "Arvane's chief
  // executive")? Then a name opening with it is a company's.
  bool owns_company_parts(int i) const;
  // Does the word at token i open a body's name ending in an organisation
  // head elsewhere ("Brisco" of "Brisco Chemical Co."), without being
  // anyone's surname? Then the word alone names that body.
  bool opens_body_name(int i) const;
  // Is the word at token i the last of someone's full name in the article
  // ("Lambeth" after "Kofi Lambeth")? Then alone it is that person, not a
  // place.
  bool ends_full_name(int i) const;
  // Does the word at token i end a full name the article gives that opens
  // with another word than the one at token `first` ("Ellen Church" for the
  // "Church" of "St Mary Church")? The name itself is no evidence.
  bool ends_other_full_name(int i, int first) const;
  // "Lennmark's", "Lennmark’s": a possessive as one token, or a word and "'s".
  bool possessive(int i) const;
  // Is token i the apostrophe of a plural possessive inside a name, a
  // capitalised word after it ("the Cardle Growers' Association")?
  bool plural_possessive_mark(int i) const;

 private:
  static constexpr std::uint32_t kUnknownClass = 0xFFFFFFFFu;
  mutable std::vector<std::uint32_t> classes_;
  mutable std::vector<int> org_heads_;
  mutable bool org_heads_found_ = false;
  // The words before each capitalised organisation head, 1 to
  // kMaxBodyNameWords of them, lower-cased: where they start (at most two
  // places, which is all names_body_elsewhere() needs).
  mutable std::unordered_map<std::string, std::array<int, 2>> body_names_;
  mutable bool body_names_built_ = false;
  // The one-word names used as places or states, and as owners of a
  // company's parts, found in one pass (index_names()).
  void index_names() const;
  mutable std::unordered_set<std::string> place_names_, company_names_, body_first_words_, full_name_ends_;
  mutable std::unordered_map<std::string, std::unordered_set<std::string>>
      full_name_firsts_;  // last word -> first words
  mutable bool place_names_built_ = false;
  mutable std::vector<SentenceSyntax> syntax_;
};

// The bytes of a final "'s" or "’s" of a word (0 when there is none).
std::size_t possessive_suffix(std::string_view w);

// Does WordNet know the (lower-case) noun first as a person ("mechanic",
// "backbencher"), in whatever number it stands?
bool wordnet_person(std::string_view w);

// Stage entry points, called in this order by Extractor::analyse.
void find_non_responses(Context& ctx);
void find_attributions(Context& ctx);
SourceInfo classify_source(const Context& ctx, TokRange np);
void resolve_entities(Context& ctx);
void find_source_descriptions(Context& ctx);
void find_hedges(Context& ctx);
void find_unattributed(Context& ctx);
void speak_floating_quotes(Context& ctx);

// Scans back from token `end` (exclusive; the token before a cue or verb) to
// the start of the subject noun phrase, taking in an appositive set off by
// commas. Returns an empty range when no plausible noun phrase is there.
// `lower` is the first token that may belong to it.
TokRange source_before(const Context& ctx, int end, int lower, bool stop_at_and_det = false);

// The part of speech the parse gives the word at token `tok`
// (language::Upos), or -1 without a parse; with `parse` false, also -1 when
// the sentence is not parsed yet (no parse is made for this question).
int parse_tag(const Context& ctx, int tok, bool parse = true);

// Does the parse make the word at token `tok` a noun modifying the noun
// after it ("a California state agency", "the press office")? False
// without a parse.
bool noun_modifier(const Context& ctx, int tok);

// The subject of the verb at token `verb_tok` by the parse (its noun phrase
// without time and place adjuncts or a participle set off by commas), when
// it stands before the verb; empty without a parse or a subject.
TokRange syntax_subject(const Context& ctx, int verb_tok);

// What the parse says of a would-be cue verb at token `verb_tok`: whether
// it is a verb, its subject's head token (-1: none; a passive subject is
// not one; an infinitive has none of its own) and whether a finite clause
// ("agreed that ...", "knew the bridge was ageing") or an object follows
// it. An infinitive clause ("are seeking to ...") is a plan the outlet
// reports, not an attribution. `parsed` is false without a parse.
struct VerbFrame {
  bool parsed = false;
  bool verb = false;
  int subject_head = -1;
  bool clause = false;
  bool object = false;
  bool shared_subject = false;  // a participle's: the subject of the verb it hangs on
};
VerbFrame syntax_frame(const Context& ctx, int verb_tok);

// The source the word window found before a cue (`rules`), its boundaries
// corrected by the parse of the cue's subject: trailing auxiliaries, adverbs
// and time phrases and leading relative words, adverbs and prepositional
// phrases go; a subject the window cut at a comma is taken whole.
TokRange syntax_refined_source(const Context& ctx, int verb_tok, TokRange rules);

}  // namespace claimtrail::extract
