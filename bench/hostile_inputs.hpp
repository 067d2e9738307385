// Hostile and oversized inputs for the parser, made deterministically at any
// size: what an attacker or a careless pipeline feeds it. Shared by the
// bounds benchmark (bench/bench_hostile.cpp) and the linear-work tests
// (tests/test_extract_bounds.cpp). Each kind stresses one way a scan could
// run away: one endless sentence, no paragraph breaks, quotation marks that
// never close, asides that never end, thousands of distinct names.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::bench {

// The kinds, in the order the benchmark prints them. `news` (ordinary news
// as one article) needs texts from the caller; the others are made here.
inline constexpr std::array<std::string_view, 10> kHostileKinds = {
    "cue-repeat", "cue-mix", "no-punct", "open-quotes", "commas", "asides", "names", "lines", "floating", "news"};

namespace detail {

// A small fixed vocabulary of newswire words: function words, cues, nouns
// that can speak, verbs, capitalised words that look like names.
inline constexpr std::array<std::string_view, 64> kWords = {
    "the",     "a",        "of",        "to",        "and",       "in",       "that",      "said",
    "says",    "told",     "according", "officials", "official",  "minister", "company",   "spokesman",
    "would",   "will",     "could",     "may",       "not",       "has",      "had",       "was",
    "is",      "are",      "he",        "she",       "they",      "it",       "who",       "which",
    "plan",    "report",   "budget",    "water",     "council",   "city",     "year",      "week",
    "percent", "million",  "rose",      "fell",      "announced", "added",    "warned",    "believes",
    "expects", "declined", "comment",   "respond",   "request",   "on",       "condition", "anonymity",
    "Smith",   "Jones",    "Ministry",  "Agency",    "Harbor",    "North",    "Council",   "Inc."};

// A linear congruential generator: the same text on every machine.
struct Lcg {
  std::uint64_t s;
  std::uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(s >> 33);
  }
};

// "Name0 Surname0", ... : a distinct person name for each number.
inline std::string name_for(std::uint32_t n) {
  static constexpr std::array<std::string_view, 8> kSyll = {"Ka", "Lo", "Mer", "Vad", "Ti", "Son", "Bre", "Ul"};
  std::string first, last;
  for (std::uint32_t m = n % 4096; first.size() < 6; m /= 8) first += kSyll[m % 8];
  for (std::uint32_t m = n / 4096 + 7; last.size() < 7; m /= 8) last += kSyll[m % 8];
  for (char& c : last) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  last[0] = static_cast<char>(last[0] - 32);
  return first + " " + last;
}

}  // namespace detail

// About `bytes` bytes of hostile input of `kind` (a headline line, a blank
// line, then the body). For "news", `news` holds ordinary articles, which are
// joined into one article's paragraphs and cycled to the size.
inline std::string hostile_text(std::string_view kind, std::size_t bytes, const std::vector<std::string>& news = {}) {
  std::string out = "Headline of a hostile input\n\n";
  out.reserve(bytes + 256);
  detail::Lcg rng{0x5eed};
  auto word = [&] { return detail::kWords[rng.next() % detail::kWords.size()]; };
  if (kind == "cue-repeat") {
    while (out.size() < bytes) out += "said ";
  } else if (kind == "cue-mix") {
    static constexpr std::array<std::string_view, 12> kCues = {
        "said ", "told ",      "according to ", "says ", "\xE2\x80\x9C", "\xE2\x80\x9D ",
        "that ", "officials ", "he ",           ", ",    "added ",       "declined to comment "};
    while (out.size() < bytes) out += kCues[rng.next() % kCues.size()];
  } else if (kind == "no-punct") {
    // Words with no punctuation and no line break at all.
    while (out.size() < bytes) {
      out += word();
      out += ' ';
    }
  } else if (kind == "open-quotes") {
    // One paragraph; a quotation mark opens every few words and never closes.
    static constexpr std::array<std::string_view, 4> kOpen = {"\"", "\xE2\x80\x9C", "\xE2\x80\x98", "'"};
    while (out.size() < bytes) {
      if (rng.next() % 4 == 0) out += kOpen[rng.next() % kOpen.size()];
      out += word();
      out += rng.next() % 9 == 0 ? ". " : " ";
    }
  } else if (kind == "commas") {
    // Appositive upon appositive: "Smith, the official, who said, ..."
    while (out.size() < bytes) {
      out += word();
      out += rng.next() % 2 ? ", " : " ";
    }
  } else if (kind == "asides") {
    // Parentheses and dashes that open and close out of order.
    static constexpr std::array<std::string_view, 5> kMarks = {"(", ")", " -- ", " \xE2\x80\x94 ", "["};
    while (out.size() < bytes) {
      out += word();
      out += ' ';
      if (rng.next() % 3 == 0) out += kMarks[rng.next() % kMarks.size()];
    }
  } else if (kind == "names") {
    // Thousands of distinct people, each speaking once, then pronouns and
    // surnames that could refer to any of them.
    for (std::uint32_t n = 0; out.size() < bytes; ++n) {
      const std::string name = detail::name_for(n);
      out += name + ", a spokesman for the " + std::string(detail::kWords[56 + n % 8]) +
             " Agency, said the plan would go ahead. ";
      out += "He said it was \"a good day.\" " + name.substr(name.find(' ') + 1) + " added that officials agreed.\n\n";
    }
  } else if (kind == "lines") {
    // Very many one-word paragraphs.
    while (out.size() < bytes) {
      out += word();
      out += "\n\n";
    }
  } else if (kind == "floating") {
    // A quotation with its speaker, then quotation paragraphs without a cue
    // that the same speaker goes on saying: every paragraph looks back.
    for (std::uint32_t n = 0; out.size() < bytes; ++n) {
      out += "\"" + std::string(word()) + " " + std::string(word()) + ",\" said " + detail::name_for(n) + ".\n\n";
      for (int k = 0; k < 3; ++k) out += "\"" + std::string(word()) + " " + std::string(word()) + ".\"\n\n";
    }
  } else if (kind == "news") {
    for (std::size_t i = 0; !news.empty() && out.size() < bytes; ++i) {
      out += news[i % news.size()];
      out += "\n\n";
    }
  }
  return out;
}

}  // namespace claimtrail::bench
