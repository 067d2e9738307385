// A word as the language models see it: hashed codes of its normalised
// form, lower-cased form, affixes and shape, computed once per word and
// shared by the tagger, the parser, the labeller and the entity typer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::language {

struct WordCodes {
  std::uint64_t form = 0;        // the word, typographic quotes and dashes made plain
  std::uint64_t lower = 0;       // ... and lower-cased (ASCII)
  std::uint64_t suffix[4] = {};  // last 1..4 bytes of lower
  std::uint64_t prefix[2] = {};  // first 1..2 bytes of lower
  std::uint64_t shape = 0;       // character classes, runs collapsed: "Xx", "d,d", "X.X."
  // What WordNet knows of the word (lexical.hpp), a coarse class for words
  // the treebanks have rarely seen: bit 0 a noun, bit 1 a verb; bits 2-6
  // the noun's first-sense class + 1, bits 7-10 the verb's.
  std::uint32_t wordnet = 0;
  bool capitalised = false, all_caps = false, has_digit = false, has_hyphen = false;
};

// The normalised form: curly quotes and apostrophes straight, dashes plain.
std::string normalise_word(std::string_view word);
std::uint64_t word_hash(std::string_view s);
WordCodes word_codes(std::string_view word);
std::vector<WordCodes> word_codes(std::span<const std::string_view> words);

// The code that stands for "no word here" (before the sentence, empty stack).
constexpr std::uint64_t kNoWord = 0x6e6f6e65ULL;

}  // namespace claimtrail::language
