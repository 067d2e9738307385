// A claim's analysis as the store keeps it: its statement analysed
// (statement.hpp: words, numbers, dates, negation, modality, voice, clauses)
// and the words of its cue. Made once when a claim is stored (ingest,
// reextraction) and read back by `track`, which never analyses a stored
// claim's text again.
//
// The stored form is compact bytes, versioned by its first byte. Version 3
// is version 2 with, at the end, each word's meanings (a count, then the
// ids), and a number's unit in three bits, 8 when vague. Version 2
// is version 1 with, after each number's text, its interval (two doubles),
// and its unit plus 4 when vague; and at the end the times (a count, then
// each time's span start and end, text, year, first and last day, weekday,
// from and to minute, and flags: 1 deadline, 2 reported), then the index of
// the predicate among the words (-1 for none). Version 1 is still
// read (its dates become its times, its numbers exact). Version 1:
// integers are LEB128 varints (signed ones zigzagged), a string is its length
// and its bytes, a number's value the 8 bytes of its IEEE 754 double, little
// endian. In order: the version (1); flags (1 negated, 2 passive, modality
// times 4); the main clause; the words (a count, then each word's form,
// flags (1 actor, 2 name), position and clause); the numbers (a count, then
// value and text); the dates (a count, then span start and end, text, year,
// month, day and deadline); negation_at and clauses_with_verb (each a count
// and the integers); the cue's words (a count and the forms).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article/dates.hpp"
#include "match/statement.hpp"

namespace claimtrail::match {

struct ClaimAnalysis {
  Statement statement;                 // the claim's text, dates resolved against its article's publication
  std::vector<std::string> cue_words;  // the canonical forms of its cue's words ("announced")
};

// Analyses a claim: its text against the article's publication date (when
// valid), its cue without one.
ClaimAnalysis analyse_claim(std::string_view text, std::string_view cue, const article::Date& published);

// The stored form (above) and back. decode gives nullopt for bytes that are
// not a whole analysis of a known version.
std::string encode(const ClaimAnalysis& a);
std::optional<ClaimAnalysis> decode(std::string_view bytes);

}  // namespace claimtrail::match
