// Universal Dependencies treebanks (CoNLL-U) as the language layer's
// training data: each sentence's words, parts of speech, dependency tree and
// (for GUM) entity mentions with their type, minimal span and chain.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::language {

// The Universal POS tags, in the order the models number them.
enum Upos : std::uint8_t {
  ADJ,
  ADP,
  ADV,
  AUX,
  CCONJ,
  DET,
  INTJ,
  NOUN,
  NUM,
  PART,
  PRON,
  PROPN,
  PUNCT,
  SCONJ,
  SYM,
  VERB,
  X,
  kUpos
};
const char* upos_name(int tag);
int upos_of(std::string_view name);  // -1 when unknown

// GUM's entity types, in the order the entity model numbers them.
enum EntityType : std::uint8_t {
  kPerson,
  kOrganization,
  kPlace,
  kEvent,
  kObject,
  kAbstract,
  kTime,
  kSubstance,
  kAnimal,
  kPlant,
  kQuantity,
  kEntityTypes
};
const char* entity_type_name(int type);
int entity_type_of(std::string_view name);  // -1 when unknown

struct TreebankToken {
  std::string form, lemma;
  std::uint8_t upos = X;
  int head = 0;  // 1-based; 0 the root
  std::string deprel;
};

// An entity mention: tokens [first, last] (0-based), its type, the tokens of
// its minimal span (0-based; the head is among them) and its chain.
struct Mention {
  int first = 0, last = 0;
  int type = -1;
  std::vector<int> min_span;
  std::string chain;  // document-unique chain id
  bool singleton = false;
};

struct TreebankSentence {
  std::string doc;  // the document id (# newdoc)
  std::vector<TreebankToken> tokens;
  std::vector<Mention> mentions;
};

// Reads a CoNLL-U text; multiword-token lines and empty nodes are skipped.
// Throws std::runtime_error naming the line on a malformed token line.
std::vector<TreebankSentence> read_conllu(std::string_view text);

// Parses the MISC column's Entity= value of one token, updating `open`
// (mentions begun and not yet closed) and `done`; exposed for tests.
struct OpenMention {
  Mention m;
  std::string id;
};
void read_entity_field(std::string_view value, int token, std::vector<OpenMention>& open, std::vector<Mention>& done);

}  // namespace claimtrail::language
