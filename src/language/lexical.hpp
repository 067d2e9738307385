// Lexical knowledge from packages made for it, compiled in at build time by
// tools/gen_lexical: WordNet 3.0 (Debian wordnet-base) for the classes of
// nouns and verbs, what kind of thing a noun can name and the base forms of
// words; iso-codes (Debian iso-codes) for the names of countries and their
// subdivisions. Nothing is filtered out of these tables by hand (they are
// not word lists of ours; LICENSE names their sources and terms).
//
// The tables are read once, on first use, from the embedded bytes (about a
// millisecond: only where each row starts is noted, a row's fields are read
// when it is looked up; stats() says how long), and are safe to use from any
// thread. A lookup is a binary search.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::language {

// WordNet's noun lexicographer files (lexnames(5WN)), in their order:
// noun.Tops is `tops`, noun.person is `person`.
enum class NounClass : std::uint8_t {
  tops,
  act,
  animal,
  artifact,
  attribute,
  body,
  cognition,
  communication,
  event,
  feeling,
  food,
  group,
  location,
  motive,
  object,
  person,
  phenomenon,
  plant,
  possession,
  process,
  quantity,
  relation,
  shape,
  state,
  substance,
  time,
};
inline constexpr std::size_t kNounClasses = 26;

// WordNet's verb lexicographer files, in their order (verb.body .. verb.weather).
enum class VerbClass : std::uint8_t {
  body,
  change,
  cognition,
  communication,
  competition,
  consumption,
  contact,
  creation,
  emotion,
  motion,
  perception,
  possession,
  social,
  stative,
  weather,
};
inline constexpr std::size_t kVerbClasses = 15;

// WordNet's name of a class: "noun.person", "verb.communication".
std::string_view name(NounClass c);
std::string_view name(VerbClass c);

// What WordNet knows of a noun lemma.
struct NounInfo {
  NounClass first;        // the class of its first (most frequent) sense
  std::uint32_t classes;  // bit n set: some sense is in NounClass n
  // Some sense descends (by hypernyms, instances included) from person n#1;
  // from organization n#1, social group n#1, government n#1, body n#2 or
  // administrative unit n#1; from location n#1, region n#1 or country n#2;
  // from document n#1 or n#2, written communication n#1, written record n#1
  // or submission n#1 (tools/gen_lexical prints the synsets it chose).
  bool person, organisation, place, document;
  // The same of the first sense alone: "executive" is a person by its first
  // sense, "truth" only by a rare one (Sojourner Truth).
  struct Kinds {
    bool person, organisation, place, document;
  } first_kinds;

  bool has(NounClass c) const { return (classes >> static_cast<unsigned>(c)) & 1U; }
};

// `lemma` as a WordNet noun ("spokeswoman", "prime minister"; ASCII letters
// may be in any case, words are separated by single spaces), or nothing.
std::optional<NounInfo> noun(std::string_view lemma);

// What WordNet knows of a verb lemma.
struct VerbInfo {
  VerbClass first;        // the class of its first (most frequent) sense
  std::uint32_t classes;  // bit n set: some sense is in VerbClass n

  bool has(VerbClass c) const { return (classes >> static_cast<unsigned>(c)) & 1U; }
};

// `lemma` as a WordNet verb ("say", "carry out"), or nothing.
std::optional<VerbInfo> verb(std::string_view lemma);

// The base form of `word` as a noun, by WordNet's morphy (morphy(7WN)),
// in its order: the word's entry in noun.exc ("men" -> "man", "teeth" ->
// "tooth"; also where the word is a lemma itself: "data" -> "datum"), else
// the word itself when it is a noun lemma ("news"), else the first of the
// detachment rules (-s, -ses, -xes, -zes, -ches, -shes, -men, -ies) that
// gives a noun lemma ("officials" -> "official"), else the word itself.
// ASCII letters are lowercased. (noun(word) says whether the word is a lemma.)
std::string lemma_noun(std::string_view word);

// The base form of `word` as a verb, the same way: verb.exc ("said" -> "say",
// "found" -> "find"), the word itself when a verb lemma, the rules (-s, -ies,
// -es, -ed, -ing; with and without a final e: "denied" -> "deny",
// "announced" -> "announce"), else the word itself.
std::string lemma_verb(std::string_view word);

// What `word` (any form: "halted", "employees") can mean, as WordNet's
// synsets (numbered by tools/gen_lexical): the first two senses of its noun
// and verb lemmas, and the nouns derived from those verb senses ("employ":
// also "employee"). Sorted, no duplicates; empty for a word WordNet lacks.
// Two words sharing one are words of one meaning ("halt" and "stop",
// "demolish" and "demolition").
std::vector<std::uint32_t> meanings(std::string_view word);

// A place named in iso-codes: a country (ISO 3166-1, and the former ones of
// ISO 3166-3) or a subdivision of one (ISO 3166-2, under its own name and its
// English one: "Bayern", "Bavaria").
struct Place {
  bool country;           // false: a subdivision
  std::string_view code;  // the country's alpha-2 code ("NO"; "DE" for Bavaria)
  std::string_view name;  // the name as iso-codes writes it
};

// The place called `name` ("Norway", "United States", "South Korea"), or
// nothing. ASCII letters match in any case, other bytes exactly. A name
// shared by several places means the country, else the first subdivision by
// code.
std::optional<Place> place(std::string_view name);

// The sizes of the tables and what reading them cost.
struct Stats {
  std::size_t nouns, verbs, noun_exceptions, verb_exceptions, places;
  std::size_t bytes;               // the embedded table file
  std::chrono::microseconds load;  // reading it, once
};
Stats stats();

}  // namespace claimtrail::language
