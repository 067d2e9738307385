// The text layer (text/document.hpp) on short English texts, in the manner
// of re2's parse tests: each table holds inputs and what a careful reader of
// English expects of them, and one loop checks every row. Rows where the
// code disagrees with that reader are kept, commented `// known: ...`, and
// left out of the assertions (`known = true`), so that the disagreement is
// written down beside what a reader expects. The texts are written for
// these tables.
//
// (“ ” ‘ ’ — – … are written as UTF-8 escapes.)
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/abbreviations.hpp"
#include "text/document.hpp"

using claimtrail::text::Abbreviations;
using claimtrail::text::Document;
namespace text = claimtrail::text;

namespace {

#define LQ "\xE2\x80\x9C"      // “
#define RQ "\xE2\x80\x9D"      // ”
#define LSQ "\xE2\x80\x98"     // ‘
#define RSQ "\xE2\x80\x99"     // ’ (also the typographic apostrophe)
#define EMDASH "\xE2\x80\x94"  // —
#define ENDASH "\xE2\x80\x93"  // –
#define ELLIPSIS "\xE2\x80\xA6"

const Abbreviations& abbreviations() {
  static const Abbreviations a;
  return a;
}

// The text of tokens [first, end) of `d`, from the first's start to the last's end.
std::string token_range(const Document& d, int first, int end) {
  if (first >= end) return {};
  const auto a = d.tokens()[static_cast<std::size_t>(first)].start;
  const auto b = d.tokens()[static_cast<std::size_t>(end - 1)].end;
  return std::string(d.text().substr(a, b - a));
}

// All token surfaces joined by '|'.
std::string surfaces(const Document& d) {
  std::string out;
  for (int i = 0; i < d.size(); ++i) {
    if (i) out.push_back('|');
    out += d.surface(i);
  }
  return out;
}

// Strings joined by " | ", for messages.
template <class V>
std::string join(const V& v) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += " | ";
    out += x;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tokenisation: every token of the text, as written, joined by '|'.

struct SplitRow {
  std::string_view text;
  std::string_view tokens;
  bool known = false;
};

const SplitRow kSplits[] = {
    {"The mayor spoke.", "The|mayor|spoke|."},
    {"Mr. Ortiz arrived at 9 a.m. today.", "Mr.|Ortiz|arrived|at|9|a.m.|today|."},
    {"The U.S.-led talks cost $2,500.50 each.", "The|U.S.-led|talks|cost|$|2,500.50|each|."},
    {"It's the union" RSQ "s call, isn't it?", "It's|the|union" RSQ "s|call|,|isn't|it|?"},
    {"A well-known long-term plan", "A|well-known|long-term|plan"},
    {"Prices rose 3.5% in 2023" EMDASH "the most since 1990.",
     "Prices|rose|3.5|%|in|2023|" EMDASH "|the|most|since|1990|."},
    {LQ "No," RQ " she said.", LQ "|No|,|" RQ "|she|said|."},
    {"He left (for good).", "He|left|(|for|good|)|."},
    {"Wait" ELLIPSIS " what?", "Wait|" ELLIPSIS "|what|?"},
    {"J. R. Smith, Acme Inc., and the FBI", "J.|R.|Smith|,|Acme|Inc.|,|and|the|FBI"},
    {"''Yes,'' he said.", "''|Yes|,|''|he|said|."},
    {"COVID-19 cases in Zürich", "COVID-19|cases|in|Zürich"},
    {"the ministers' decision", "the|ministers|'|decision"},
};

TEST_CASE("text: a text is split into the tokens a reader sees") {
  for (const SplitRow& r : kSplits) {
    CAPTURE(r.text);
    const Document d(r.text, abbreviations());
    if (r.known) continue;
    CHECK(surfaces(d) == r.tokens);
  }
}

// ---------------------------------------------------------------------------
// Single tokens: at a byte offset, the token's text, its lower-cased form,
// the flags it must carry and the flags it must not.

using F = std::uint16_t;
constexpr F kWord = text::kWord, kCap = text::kCapitalized, kCaps = text::kAllCaps, kDigit = text::kDigit,
            kPunct = text::kPunct, kQuote = text::kQuote, kOpen = text::kOpenQuote, kClose = text::kCloseQuote,
            kAbbrev = text::kAbbrev, kTitle = text::kTitleAbbrev, kEnd = text::kSentenceEnd, kDash = text::kDash;

struct TokenRow {
  std::string_view text;
  std::uint32_t start;       // the token's first byte
  std::string_view surface;  // text[start, end)
  std::string_view lower;
  F on;   // flags it has
  F off;  // flags it lacks
  bool known = false;
};

const TokenRow kTokens[] = {
    // Words: capitals, all capitals, digits.
    {"The mayor spoke.", 0, "The", "the", kWord | kCap, kCaps | kDigit | kPunct | kAbbrev},
    {"The mayor spoke.", 4, "mayor", "mayor", kWord, kCap | kCaps | kPunct},
    {"Agents of the FBI came.", 14, "FBI", "fbi", kWord | kCap | kCaps, kDigit | kAbbrev},
    {"I agree.", 0, "I", "i", kWord | kCap, kCaps},  // one letter is not "all capitals"
    {"In 2024 it rained.", 3, "2024", "2024", kWord | kDigit, kCap | kCaps | kPunct},
    {"It cost 2,500.50 euros.", 8, "2,500.50", "2,500.50", kWord | kDigit, kPunct},
    {"The 1990s ended.", 4, "1990s", "1990s", kWord | kDigit, kCap},
    {"NASA's probe", 0, "NASA's", "nasa's", kWord | kCap, kPunct},
    {"Don" RSQ "t go.", 0, "Don" RSQ "t", "don't", kWord | kCap, kPunct | kQuote},  // the typographic apostrophe folded
    // known: lower() folds ASCII only, "Élysée" stays "Élysée" (a reader expects "élysée")
    {"The Élysée spoke.", 4, "Élysée", "élysée", kWord | kCap, kCaps, true},
    // Abbreviations: the period belongs to the word.
    {"Mr. Ortiz left.", 0, "Mr.", "mr.", kWord | kCap | kAbbrev | kTitle, kEnd | kPunct},
    {"It was Sept. 6.", 7, "Sept.", "sept.", kWord | kCap | kAbbrev | kTitle, kEnd},
    {"Aid from the U.S. arrived.", 13, "U.S.", "u.s.", kWord | kCap | kCaps | kAbbrev, kTitle | kEnd},
    {"Acme Inc. said so.", 5, "Inc.", "inc.", kWord | kCap | kAbbrev, kTitle},
    {"J. Smith won.", 0, "J.", "j.", kWord | kCap | kAbbrev | kTitle, kEnd},  // an initial
    {"At 9 a.m. sharp", 5, "a.m.", "a.m.", kWord | kAbbrev, kCap | kTitle},
    {"The U.S.-led force", 4, "U.S.-led", "u.s.-led", kWord | kCap, kAbbrev | kTitle},
    {"The plan failed.", 4, "plan", "plan", kWord, kAbbrev},  // an ordinary word before a period
    // Punctuation.
    {"The plan failed.", 15, ".", ".", kPunct | kEnd, kWord | kAbbrev | kQuote},
    {"Why?", 3, "?", "?", kPunct | kEnd, kWord},
    {"No!", 2, "!", "!", kPunct | kEnd, kWord},
    {"Wait" ELLIPSIS, 4, ELLIPSIS, ELLIPSIS, kPunct | kEnd, kWord | kDash},
    {"Yes, he said.", 3, ",", ",", kPunct, kEnd | kDash | kQuote | kWord},
    {"It rose" EMDASH "again.", 7, EMDASH, EMDASH, kPunct | kDash, kEnd | kWord},
    {"pages 4 " ENDASH " 9", 8, ENDASH, ENDASH, kPunct | kDash, kEnd},
    {"He won - barely.", 7, "-", "-", kPunct | kDash, kEnd | kWord},
    // Quotation marks, resolved as opening or closing.
    {"She said \"yes\" twice.", 9, "\"", "\"", kPunct | kQuote | kOpen, kClose | kWord},
    {"She said \"yes\" twice.", 13, "\"", "\"", kPunct | kQuote | kClose, kOpen},
    {LQ "Yes," RQ " she said.", 0, LQ, LQ, kPunct | kQuote | kOpen, kClose},
    {LQ "Yes," RQ " she said.", 7, RQ, RQ, kPunct | kQuote | kClose, kOpen},
    {"''Yes,'' he said.", 0, "''", "''", kPunct | kQuote | kOpen, kClose},
    {"'We won,' she said.", 0, "'", "'", kPunct | kQuote | kOpen, kClose | kWord},
    {"'We won,' she said.", 8, "'", "'", kPunct | kQuote | kClose, kOpen},
    {LSQ "We won," RSQ " she said.", 10, RSQ, RSQ, kPunct | kQuote | kClose, kOpen},
    {"the ministers' decision", 13, "'", "'", kPunct, kQuote | kOpen | kClose},  // a possessive, not a quote
};

TEST_CASE("text: tokens point at their text and carry the flags a reader expects") {
  for (const TokenRow& r : kTokens) {
    CAPTURE(r.text);
    CAPTURE(r.surface);
    const Document d(r.text, abbreviations());
    if (r.known) continue;
    int found = -1;
    for (int i = 0; i < d.size(); ++i)
      if (d.tokens()[static_cast<std::size_t>(i)].start == r.start) found = i;
    REQUIRE(found >= 0);
    const text::Token& t = d.tokens()[static_cast<std::size_t>(found)];
    CHECK(d.text().substr(t.start, t.end - t.start) == r.surface);
    CHECK(d.surface(found) == r.surface);
    CHECK(d.lower(found) == r.lower);
    CHECK((t.flags & r.on) == r.on);
    CHECK((t.flags & r.off) == 0);
  }
}

// ---------------------------------------------------------------------------
// Paragraphs: blank-line separated when the text has a blank line, else one
// per line; CRLF line ends alike.

struct ParagraphRow {
  std::string_view text;
  std::vector<std::string_view> paragraphs;  // each as its text, line breaks inside kept
  bool known = false;
};

const ParagraphRow kParagraphs[] = {
    {"One line only.", {"One line only."}},
    {"First.\n\nSecond.\n", {"First.", "Second."}},
    {"First line\nof one paragraph.\n\nSecond paragraph.", {"First line\nof one paragraph.", "Second paragraph."}},
    {"Headline\nBy A. Writer\nBody text.\n",
     {"Headline", "By A. Writer", "Body text."}},  // no blank line: one per line
    {"\n\n  Leading blank lines.\n\n\n\nMany blank lines.\n\n", {"Leading blank lines.", "Many blank lines."}},
    {"First.\n   \t\nSecond.", {"First.", "Second."}},  // a line of spaces is blank
    {"First.\r\n\r\nSecond.\r\n", {"First.", "Second."}},
    {"Line one.\r\nLine two.\r\n", {"Line one.", "Line two."}},
    {"A wrapped\r\nparagraph.\r\n\r\nNext.", {"A wrapped\r\nparagraph.", "Next."}},
    {"  Indented.  \n\n\tTabbed.\t", {"Indented.", "Tabbed."}},
    {"", {}},
    {"\n\n\n", {}},
};

TEST_CASE("text: paragraphs are blank-line separated, or one per line, CRLF or not") {
  for (const ParagraphRow& r : kParagraphs) {
    CAPTURE(r.text);
    const Document d(r.text, abbreviations());
    if (r.known) continue;
    REQUIRE(d.paragraphs().size() == r.paragraphs.size());
    int next_tok = 0;
    for (std::size_t k = 0; k < r.paragraphs.size(); ++k) {
      const text::Paragraph& p = d.paragraphs()[k];
      CHECK(d.text().substr(p.start, p.end - p.start) == r.paragraphs[k]);
      // Its tokens: contiguous, inside it, and marked with its index.
      CHECK(p.first_tok == next_tok);
      CHECK(p.end_tok > p.first_tok);
      for (int i = p.first_tok; i < p.end_tok; ++i) {
        const text::Token& t = d.tokens()[static_cast<std::size_t>(i)];
        CHECK(t.para == k);
        CHECK(t.start >= p.start);
        CHECK(t.end <= p.end);
      }
      next_tok = p.end_tok;
    }
    CHECK(next_tok == d.size());
  }
}

// ---------------------------------------------------------------------------
// Quotation regions: each as its text from the opening mark to its last
// token, closed or not, and its links to the regions it continues.

struct Region {
  std::string_view text;  // from the opening mark to the last token inside (the closing mark when closed)
  bool closed = true;
  int para = 0;
  int next = -1, prev = -1;
};

struct QuoteRow {
  std::string_view text;
  std::vector<Region> regions;
  bool known = false;
};

const QuoteRow kQuotes[] = {
    {"No quotation here.", {}},
    {"She said \"we will win\" and left.", {{"\"we will win\""}}},
    {"\"We will win,\" she said, \"and soon.\"", {{"\"We will win,\""}, {"\"and soon.\""}}},
    {LQ "We will win," RQ " she said.", {{LQ "We will win," RQ}}},
    {LQ "We tried," RQ " the mayor said, " LQ "but the money ran out." RQ,
     {{LQ "We tried," RQ}, {LQ "but the money ran out." RQ}}},
    {"He called it a " LQ "disgrace" RQ ".", {{LQ "disgrace" RQ}}},
    {"''We are ready,'' he said.", {{"''We are ready,''"}}},
    // Unclosed: the region ends at its paragraph's end.
    {LQ "We will fight on, she said.\n\nThe union will appeal.", {{LQ "We will fight on, she said.", false}}},
    {LQ "A," RQ " he said. " LQ "B and C", {{LQ "A," RQ}, {LQ "B and C", false}}},
    // A quotation over several paragraphs: each opens with a mark, only the last closes.
    {LQ "The first part of the quote.\n\n" LQ "The second part," RQ " she said.",
     {{LQ "The first part of the quote.", false, 0, 1, -1}, {LQ "The second part," RQ, true, 1, -1, 0}}},
    {LQ "One.\n\n" LQ "Two.\n\n" LQ "Three." RQ "\n\nAfter.",
     {{LQ "One.", false, 0, 1, -1}, {LQ "Two.", false, 1, 2, 0}, {LQ "Three." RQ, true, 2, -1, 1}}},
    {"\"Line one of it\n\"line two,\" he said.",  // one paragraph per line
     {{"\"Line one of it", false, 0, 1, -1}, {"\"line two,\"", true, 1, -1, 0}}},
    {LQ "Unclosed.\n\nThe next paragraph " LQ "opens late." RQ,  // not at the paragraph start: no chain
     {{LQ "Unclosed.", false, 0}, {LQ "opens late." RQ, true, 1}}},
    // British single quotes, against apostrophes and possessives.
    {"'We will win,' she said.", {{"'We will win,'"}}},
    {LSQ "We will win," RSQ " she said.", {{LSQ "We will win," RSQ}}},
    {"'The workers' pay must rise,' he said.", {{"'The workers' pay must rise,'"}}},
    {"He cited 'national security', as ever.", {{"'national security'"}}},
    {"He said it was 'unacceptable'.", {{"'unacceptable'"}}},
    {"Jobs went in the '80s and '90s, he said.", {}},
    {"The ministers' decision was final.", {}},
    {"It's the union's call and the drivers' choice.", {}},
    {"It" RSQ "s the union" RSQ "s call.", {}},
    {"Rock 'n' roll is back.", {}},
    {"The '90s were good to the firm.", {}},
    {"\"He told me 'never again,' and left,\" she said.",
     {{"\"He told me 'never again,' and left,\""}}},  // no quote within a quote
};

TEST_CASE("text: quotation regions, straight and curly, unclosed, chained, and single quotes") {
  for (const QuoteRow& r : kQuotes) {
    CAPTURE(r.text);
    const Document d(r.text, abbreviations());
    if (r.known) continue;
    REQUIRE(d.quotes().size() == r.regions.size());
    for (std::size_t k = 0; k < r.regions.size(); ++k) {
      CAPTURE(k);
      const text::QuoteRegion& q = d.quotes()[k];
      const Region& e = r.regions[k];
      CHECK(token_range(d, q.open_tok, q.last_tok + 1) == e.text);
      CHECK((q.close_tok >= 0) == e.closed);
      if (e.closed)
        CHECK(q.close_tok == q.last_tok);
      else
        CHECK(q.last_tok == d.paragraphs()[q.para].end_tok - 1);
      CHECK(q.para == static_cast<std::uint32_t>(e.para));
      CHECK(q.next == e.next);
      CHECK(q.prev == e.prev);
      // The tokens it holds know it; the marks are resolved.
      for (int i = q.open_tok; i <= q.last_tok; ++i)
        CHECK(d.tokens()[static_cast<std::size_t>(i)].quote == static_cast<int>(k));
      CHECK(d.tokens()[static_cast<std::size_t>(q.open_tok)].is(text::kOpenQuote));
      if (e.closed) CHECK(d.tokens()[static_cast<std::size_t>(q.close_tok)].is(text::kCloseQuote));
    }
  }
}

// ---------------------------------------------------------------------------
// Sentences, each as its text.

struct SentenceRow {
  std::string_view text;
  std::vector<std::string_view> sentences;
  bool known = false;
};

const SentenceRow kSentences[] = {
    {"The mayor spoke. The council listened.", {"The mayor spoke.", "The council listened."}},
    {"Mr. Ortiz arrived. He spoke briefly.", {"Mr. Ortiz arrived.", "He spoke briefly."}},
    {"Dr. J. R. Smith met Gen. Ortiz and Mrs. Lee.", {"Dr. J. R. Smith met Gen. Ortiz and Mrs. Lee."}},
    {"The vote is on Sept. 6 in the capital.", {"The vote is on Sept. 6 in the capital."}},
    {"The vote was held on Jan. 5. Turnout was low.", {"The vote was held on Jan. 5.", "Turnout was low."}},
    {"The U.S. Senate voted on Tuesday.", {"The U.S. Senate voted on Tuesday."}},
    {"The plant is in the U.S. It employs 300 people.", {"The plant is in the U.S.", "It employs 300 people."}},
    {"He was born in the U.K. but lives in France.", {"He was born in the U.K. but lives in France."}},
    {"She works at Acme Inc. in Boston.", {"She works at Acme Inc. in Boston."}},
    {"The talks ended at 5 p.m. The strike goes on.", {"The talks ended at 5 p.m.", "The strike goes on."}},
    {"Is it over? Nobody knows! We wait.", {"Is it over?", "Nobody knows!", "We wait."}},
    {"Sales rose 4.5 percent. 2024 was a good year.", {"Sales rose 4.5 percent.", "2024 was a good year."}},
    {"Wait... What happened?", {"Wait...", "What happened?"}},
    {"(He left early.) She stayed.", {"(He left early.)", "She stayed."}},
    // "?" and "!" inside a quotation.
    {LQ "Will it work?" RQ " she asked. Nobody knew.", {LQ "Will it work?" RQ " she asked.", "Nobody knew."}},
    {LQ "No!" RQ " he shouted, and left.", {LQ "No!" RQ " he shouted, and left."}},
    {LQ "Is it over?" RQ " asked Mr. Lee.", {LQ "Is it over?" RQ " asked Mr. Lee."}},
    {"\"Why now?\" she asked.", {"\"Why now?\" she asked."}},
    // known: a capitalised name after "?”" starts a new sentence ("“Why now?”" | "Ms. Ortiz asked.")
    {LQ "Why now?" RQ " Ms. Ortiz asked.", {LQ "Why now?" RQ " Ms. Ortiz asked."}, true},
    {LQ "We won!" RQ " The crowd cheered.", {LQ "We won!" RQ, "The crowd cheered."}},
    {LQ "We will stay. We will not be moved," RQ " she said.",
     {LQ "We will stay. We will not be moved," RQ " she said."}},  // never split inside a quotation
    // A sentence ending in a closing quote.
    {"He said: " LQ "We will win." RQ " Then he left.", {"He said: " LQ "We will win." RQ, "Then he left."}},
    {"He agreed. " LQ "It is fair," RQ " he said.", {"He agreed.", LQ "It is fair," RQ " he said."}},
    {LSQ "We won," RSQ " she said. " LSQ "Now we rest." RSQ, {LSQ "We won," RSQ " she said.", LSQ "Now we rest." RSQ}},
    // known: a straight ' opening the next sentence is taken into the previous one as if it closed it, so no split
    {"'We won,' she said. 'Now we rest.'", {"'We won,' she said.", "'Now we rest.'"}, true},
    {"The results are due at 10 a.m. Friday.", {"The results are due at 10 a.m. Friday."}},
    {"The firm is based in Washington, D.C. The firm said no.",
     {"The firm is based in Washington, D.C.", "The firm said no."}},
    {"He paused" ELLIPSIS " Then he spoke.", {"He paused" ELLIPSIS, "Then he spoke."}},
    {"He met Sen. Warren. She agreed.", {"He met Sen. Warren.", "She agreed."}},
    {"He has a Ph.D. from Yale.", {"He has a Ph.D. from Yale."}},
    // known: "St." is a title ("St. Louis") and never ends a sentence, so "Main St." does not either
    {"He lives on Main St. The house is old.", {"He lives on Main St.", "The house is old."}, true},
    // known: after "Corp." or "Inc." only a word of starters.tsv ("The", "He") opens a sentence; "Shares" does not
    {"He joined Acme Corp. Shares rose.", {"He joined Acme Corp.", "Shares rose."}, true},
    // known: a capital letter with a period is taken for an initial ("J. Smith") and never ends a sentence
    {"The council chose Plan B. Nobody objected.", {"The council chose Plan B.", "Nobody objected."}, true},
    // known: a sentence opening with a lower-case letter ("eBay") is not split off
    {"Sales fell. eBay said nothing.", {"Sales fell.", "eBay said nothing."}, true},
    // Paragraph ends end sentences.
    {"A headline without a period\n\nThe body begins here.", {"A headline without a period", "The body begins here."}},
};

TEST_CASE("text: sentences end where a reader ends them") {
  for (const SentenceRow& r : kSentences) {
    CAPTURE(r.text);
    const Document d(r.text, abbreviations());
    if (r.known) continue;
    std::vector<std::string> got;
    int next_tok = 0;
    for (const text::Sentence& s : d.sentences()) {
      got.push_back(token_range(d, s.first_tok, s.end_tok));
      CHECK(s.first_tok == next_tok);  // contiguous, no token lost
      CHECK(d.tokens()[static_cast<std::size_t>(s.first_tok)].para == s.para);
      next_tok = s.end_tok;
    }
    CHECK(next_tok == d.size());
    CHECK(join(got) == join(r.sentences));
  }
}

}  // namespace
