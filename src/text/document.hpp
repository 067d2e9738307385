// The text layer: tokens, paragraphs, quotation regions and sentences of one
// article, all with byte offsets into the original text. Knows nothing about
// attributions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::text {

class Abbreviations;

enum TokenFlag : std::uint16_t {
  kWord = 1 << 0,          // letters or digits
  kCapitalized = 1 << 1,   // first letter upper case
  kAllCaps = 1 << 2,       // two or more letters, all upper case ("FBI", "U.S.")
  kDigit = 1 << 3,         // starts with a digit
  kPunct = 1 << 4,         // one punctuation code point
  kQuote = 1 << 5,         // a double quotation mark (", “, ”, „, «, », '')
  kOpenQuote = 1 << 6,     // ... resolved as opening
  kCloseQuote = 1 << 7,    // ... resolved as closing
  kAbbrev = 1 << 8,        // word ending in a period that belongs to it
  kTitleAbbrev = 1 << 9,   // an abbreviation that never ends a sentence (Mr., Sept.)
  kSentenceEnd = 1 << 10,  // . ! ? … (not part of an abbreviation)
  kDash = 1 << 11,         // - – — used as punctuation
};

struct Token {
  std::uint32_t start = 0;  // bytes
  std::uint32_t end = 0;
  std::uint32_t lower = 0;  // offset of the lower-cased form in Document::lower_
  std::uint16_t lower_len = 0;
  std::uint16_t flags = 0;
  char32_t punct = 0;  // the code point of a kPunct token
  std::uint32_t para = 0;
  int quote = -1;  // index of the quote region holding it, -1 outside
  bool is(TokenFlag f) const { return flags & f; }
};

// A stretch of quoted text, marks included: [open_tok, close_tok]. An
// unclosed region ends at its paragraph's last token. Regions chained across
// paragraphs (an open quote at a paragraph end continued by an open quote at
// the next paragraph start) are one quotation: `next`/`prev` link them.
struct QuoteRegion {
  int open_tok = -1;
  int close_tok = -1;  // -1 when unclosed
  int last_tok = -1;   // last token inside (close_tok when closed)
  std::uint32_t para = 0;
  int next = -1;
  int prev = -1;
};

struct Paragraph {
  std::uint32_t start = 0, end = 0;  // bytes, without the line break
  int first_tok = 0, end_tok = 0;    // token range [first, end)
};

struct Sentence {
  int first_tok = 0, end_tok = 0;  // token range [first, end)
  std::uint32_t para = 0;
};

class Document {
 public:
  // Tokenises `text` (valid UTF-8; kept by reference: it must outlive this).
  Document(std::string_view text, const Abbreviations& abbreviations);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  const std::vector<QuoteRegion>& quotes() const { return quotes_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }

  const Token& tok(int i) const {
    ++visits_;
    return tokens_[static_cast<std::size_t>(i)];
  }
  // How many times tok() was called: the analysis's work, in token visits.
  // Linear in the text's length on any input (tests/test_extract_bounds.cpp).
  std::uint64_t visits() const { return visits_; }
  int size() const { return static_cast<int>(tokens_.size()); }
  // The lower-cased text of token i ("U.S." -> "u.s.", "’" stays).
  std::string_view lower(int i) const {
    const Token& t = tok(i);
    return std::string_view(lower_).substr(t.lower, t.lower_len);
  }
  std::string_view surface(int i) const {
    const Token& t = tok(i);
    return text_.substr(t.start, t.end - t.start);
  }
  // Byte offset where the whitespace after token i ends (start of token i+1).
  bool space_before(int i) const;

 private:
  void tokenize(const Abbreviations& abbreviations);
  void split_paragraphs();
  void pair_quotes();
  void pair_single_quotes();
  void split_sentences(const Abbreviations& abbreviations);

  std::string_view text_;
  std::string lower_;
  std::vector<Token> tokens_;
  std::vector<Paragraph> paragraphs_;
  std::vector<QuoteRegion> quotes_;
  std::vector<Sentence> sentences_;
  mutable std::uint64_t visits_ = 0;
};

// Is c white space for our purposes (ASCII space, tabs, line breaks, no-break
// and other Unicode spaces)?
bool is_space(char32_t c);

}  // namespace claimtrail::text
