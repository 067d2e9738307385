#include "text/document.hpp"

#include <algorithm>

#include "text/abbreviations.hpp"
#include "util/ascii.hpp"
#include "util/utf8.hpp"

namespace claimtrail::text {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x1680 ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

namespace {

bool is_double_quote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB || c == 0x201F;
}
bool is_opening_quote(char32_t c) { return c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x201F; }
bool is_closing_quote(char32_t c) { return c == 0x201D || c == 0x00BB; }

// Non-ASCII code points that are punctuation or symbols rather than letters.
bool is_unicode_punct(char32_t c) {
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0x00AB || c == 0x00BB || c == 0x00B7 ||
         c == 0x00A7 || c == 0x00B6 || c == 0x00A9 || c == 0x00AE || c == 0x00B0 || c == 0x00BF || c == 0x00A1 ||
         (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0x00D7 || c == 0x00F7 ||
         (c >= 0x20A0 && c <= 0x20CF) || c == 0x00A3 || c == 0x00A5 || c == 0x00A2 || c == 0xFFFD;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return util::is_ascii_upper(static_cast<char>(c)) || util::is_ascii_lower(static_cast<char>(c));
  return !is_space(c) && !is_unicode_punct(c);
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }
bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x100 && c <= 0x17F && c % 2 == 0) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace

Document::Document(std::string_view text, const Abbreviations& abbreviations) : text_(text) {
  tokens_.reserve(text.size() / 5 + 16);
  lower_.reserve(text.size() + 16);
  tokenize(abbreviations);
  split_paragraphs();
  pair_quotes();
  split_sentences(abbreviations);
}

bool Document::space_before(int i) const {
  if (i <= 0) return true;
  return tok(i).start > tok(i - 1).end;
}

void Document::tokenize(const Abbreviations& abbreviations) {
  const std::string_view s = text_;
  const std::size_t n = s.size();
  auto at = [&](std::size_t i, std::size_t* len) -> char32_t {
    if (i >= n) {
      *len = 0;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // most news text is ASCII
      *len = 1;
      return b;
    }
    return util::decode_at(s, i, len);
  };
  std::size_t i = 0;
  while (i < n) {
    std::size_t len;
    const char32_t c = at(i, &len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    Token t;
    t.start = static_cast<std::uint32_t>(i);
    if (is_alnum(c)) {
      std::size_t j = i + len;
      char32_t prev = c;
      bool has_dot = false;
      // For "all capitals": two or more letters, none lower case.
      int letters = is_letter(c) ? 1 : 0;
      bool lower_seen = letters > 0 && !is_upper(c);
      while (j < n) {
        std::size_t l2;
        const char32_t c2 = at(j, &l2);
        if (is_alnum(c2)) {
          if (is_letter(c2)) {
            ++letters;
            if (!is_upper(c2)) lower_seen = true;
          }
          prev = c2;
          j += l2;
          continue;
        }
        std::size_t l3;
        const char32_t c3 = at(j + l2, &l3);
        if (is_apostrophe(c2) && is_letter(prev) && is_letter(c3)) {
          j += l2;
          continue;
        }
        if ((c2 == '-' || c2 == 0x2011) && is_alnum(c3)) {
          j += l2;
          continue;
        }
        if (c2 == '.' && is_letter(prev) && is_letter(c3)) {
          // "U.S" inside "U.S.": only when the letter after is followed by
          // a period or ends the word ("U.S.", "a.m.").
          std::size_t l4;
          const char32_t c4 = at(j + l2 + l3, &l4);
          if (c4 == '.' || !is_alnum(c4)) {
            has_dot = true;
            j += l2;
            continue;
          }
        }
        if ((c2 == ',' || c2 == '.') && is_digit(prev) && is_digit(c3)) {
          j += l2;
          continue;
        }
        break;  // a final period ("U.S.", "Mr.") is decided below
      }
      t.end = static_cast<std::uint32_t>(j);
      t.flags |= kWord;
      if (is_digit(c)) t.flags |= kDigit;
      if (is_upper(c)) t.flags |= kCapitalized;
      if (letters >= 2 && !lower_seen) t.flags |= kAllCaps;
      // A period right after the word may belong to it.
      if (j < n && s[j] == '.') {
        std::string low = util::ascii_lower(s.substr(i, j - i + 1));
        const AbbrevKind* kind = abbreviations.find(low);
        const bool initial = (j - i == 1) && util::is_ascii_upper(s[i]);
        if (kind || initial || has_dot) {
          t.end = static_cast<std::uint32_t>(j + 1);
          t.flags |= kAbbrev;
          if (initial || (kind && *kind != AbbrevKind::other)) t.flags |= kTitleAbbrev;
          // "U.S.-led": a hyphenated word continues the abbreviation.
          std::size_t k = j + 1;
          if (k + 1 < n && s[k] == '-' && util::is_ascii_alnum(s[k + 1])) {
            ++k;
            while (k < n) {
              std::size_t l;
              const char32_t ck = util::decode_at(s, k, &l);
              if (is_alnum(ck) || (ck == '-' && k + 1 < n && util::is_ascii_alnum(s[k + 1])))
                k += l;
              else
                break;
            }
            t.end = static_cast<std::uint32_t>(k);
            t.flags &= static_cast<std::uint16_t>(~(kAbbrev | kTitleAbbrev));
          }
        }
      }
    } else if (is_double_quote(c)) {
      t.end = static_cast<std::uint32_t>(i + len);
      t.flags |= kPunct | kQuote;
      t.punct = c;
    } else if (c == '\'' && i + 1 < n && s[i + 1] == '\'') {
      t.end = static_cast<std::uint32_t>(i + 2);
      t.flags |= kPunct | kQuote;
      t.punct = '"';
    } else {
      t.end = static_cast<std::uint32_t>(i + len);
      t.flags |= kPunct;
      t.punct = c;
      if (c == '.' || c == '!' || c == '?' || c == 0x2026) t.flags |= kSentenceEnd;
      if (c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012) t.flags |= kDash;
    }
    // Lower-cased form; the typographic apostrophe is folded to ASCII.
    t.lower = static_cast<std::uint32_t>(lower_.size());
    for (std::size_t k = t.start; k < t.end;) {
      if (k + 2 < t.end && static_cast<unsigned char>(s[k]) == 0xE2 && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
          static_cast<unsigned char>(s[k + 2]) == 0x99 && (t.flags & kWord)) {
        lower_.push_back('\'');
        k += 3;
        continue;
      }
      lower_.push_back(util::ascii_lower(s[k]));
      ++k;
    }
    t.lower_len = static_cast<std::uint16_t>(std::min<std::size_t>(lower_.size() - t.lower, 0xFFFF));
    tokens_.push_back(t);
    i = t.end;
  }
}

void Document::split_paragraphs() {
  const std::string_view s = text_;
  // Blank-line separated paragraphs when the text has any blank line, else
  // one paragraph per line (SPEC section 1).
  bool blank_lines = false;
  for (std::size_t i = s.find('\n'); i != std::string_view::npos; i = s.find('\n', i + 1)) {
    std::size_t j = i + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
    if (j < s.size() && s[j] == '\n') {
      blank_lines = true;
      break;
    }
  }
  std::size_t pos = 0;
  auto push = [&](std::size_t a, std::size_t b) {
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) --b;
    if (b > a) paragraphs_.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 0, 0});
  };
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) {
      push(pos, s.size());
      break;
    }
    if (!blank_lines) {
      push(pos, nl);
      pos = nl + 1;
      continue;
    }
    // Extend to the next blank line.
    std::size_t end = nl;
    while (true) {
      std::size_t j = end + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j >= s.size() || s[j] == '\n') break;
      std::size_t nl2 = s.find('\n', j);
      if (nl2 == std::string_view::npos) {
        end = s.size();
        break;
      }
      end = nl2;
    }
    push(pos, end);
    pos = end + 1;
  }
  // Assign tokens to paragraphs.
  int ti = 0;
  const int nt = size();
  for (std::size_t k = 0; k < paragraphs_.size(); ++k) {
    Paragraph& para = paragraphs_[k];
    while (ti < nt && tokens_[static_cast<std::size_t>(ti)].start < para.start) ++ti;
    para.first_tok = ti;
    while (ti < nt && tokens_[static_cast<std::size_t>(ti)].start < para.end) {
      tokens_[static_cast<std::size_t>(ti)].para = static_cast<std::uint32_t>(k);
      ++ti;
    }
    para.end_tok = ti;
  }
}

// Single quotation marks as the quotes of British style ("'We will win,' she
// said"), outside double quotes (inside them they are a quote within the
// quote). An opening mark stands before a word with space before it; the
// closing mark is glued to the end of the quotation and is either preceded by
// the quotation's own punctuation or followed by punctuation, so that a
// possessive ("the ministers' decision") does not close one.
namespace {
constexpr int kLongestSingleQuote = 400;  // tokens
}  // namespace

void Document::pair_single_quotes() {
  auto is_single_open = [](char32_t c) { return c == 0x2018 || c == '\''; };
  auto is_single_close = [](char32_t c) { return c == 0x2019 || c == '\''; };
  std::vector<int> in_double(tokens_.size(), 0);  // 1 + the double region holding the token, 0 for none
  for (std::size_t r = 0; r < quotes_.size(); ++r)
    for (int k = quotes_[r].open_tok; k <= quotes_[r].last_tok; ++k)
      in_double[static_cast<std::size_t>(k)] = static_cast<int>(r) + 1;
  const std::size_t doubles = quotes_.size();
  std::vector<char> nested(doubles, 0);  // double regions inside a single-quoted quotation
  for (std::size_t pi = 0; pi < paragraphs_.size(); ++pi) {
    const Paragraph& para = paragraphs_[pi];
    for (int q = para.first_tok; q + 1 < para.end_tok; ++q) {
      const Token& t = tok(q);
      if (!t.is(kPunct) || t.is(kQuote) || !is_single_open(t.punct) || in_double[static_cast<std::size_t>(q)]) continue;
      if (!space_before(q) && q != para.first_tok) continue;
      if (space_before(q + 1) || !tok(q + 1).is(kWord)) continue;
      // A double-quoted quotation inside ("'He told us, "Wait," and we
      // waited,' she said") is nested in it: the search goes past it.
      // (A quotation of more than kLongestSingleQuote tokens is not looked
      // for: the search stays linear in the paragraph.)
      int close = -1;
      std::vector<int> crossed;
      for (int k = q + 2; k < std::min(para.end_tok, q + kLongestSingleQuote); ++k) {
        if (const int d = in_double[static_cast<std::size_t>(k)]) {
          const QuoteRegion& inner = quotes_[static_cast<std::size_t>(d - 1)];
          if (inner.close_tok < 0) break;  // runs on past the paragraph: not inside
          crossed.push_back(d - 1);
          k = inner.last_tok;
          continue;
        }
        const Token& c = tok(k);
        if (!c.is(kPunct) || !is_single_close(c.punct) || space_before(k)) continue;
        const Token& before = tok(k - 1);
        const bool own_punct =
            before.is(kPunct) && (before.punct == ',' || before.punct == '.' || before.punct == '!' ||
                                  before.punct == '?' || before.punct == 0x2026);
        const bool punct_after =
            k + 1 >= para.end_tok || (tok(k + 1).is(kPunct) && !space_before(k + 1) && !tok(k + 1).is(kQuote));
        if (own_punct || punct_after) {
          close = k;
          break;
        }
      }
      if (close < 0) continue;
      for (const int d : crossed) {
        nested[static_cast<std::size_t>(d)] = 1;
        tokens_[static_cast<std::size_t>(quotes_[static_cast<std::size_t>(d)].open_tok)].flags &= ~kOpenQuote;
        if (quotes_[static_cast<std::size_t>(d)].close_tok >= 0)
          tokens_[static_cast<std::size_t>(quotes_[static_cast<std::size_t>(d)].close_tok)].flags &= ~kCloseQuote;
      }
      QuoteRegion r;
      r.open_tok = q;
      r.close_tok = close;
      r.last_tok = close;
      r.para = static_cast<std::uint32_t>(pi);
      tokens_[static_cast<std::size_t>(q)].flags |= kQuote | kOpenQuote;
      tokens_[static_cast<std::size_t>(close)].flags |= kQuote | kCloseQuote;
      quotes_.push_back(r);
      q = close;
    }
  }
  if (std::find(nested.begin(), nested.end(), 1) != nested.end()) {
    std::vector<QuoteRegion> kept;
    for (std::size_t r = 0; r < quotes_.size(); ++r)
      if (r >= doubles || !nested[r]) kept.push_back(quotes_[r]);
    quotes_ = std::move(kept);
  }
  if (quotes_.size() > doubles - static_cast<std::size_t>(std::count(nested.begin(), nested.end(), 1)))
    std::sort(quotes_.begin(), quotes_.end(),
              [](const QuoteRegion& a, const QuoteRegion& b) { return a.open_tok < b.open_tok; });
}

void Document::pair_quotes() {
  auto glued_left = [&](int q) {  // no space between the previous token and q
    const Paragraph& para = paragraphs_[tok(q).para];
    if (q == para.first_tok) return false;
    if (space_before(q)) return false;
    const Token& prev = tok(q - 1);
    if (prev.is(kPunct) && (prev.punct == '(' || prev.punct == '[' || prev.is(kDash) || prev.punct == '/'))
      return false;
    return true;
  };
  auto glued_right = [&](int q) {
    const Paragraph& para = paragraphs_[tok(q).para];
    if (q + 1 >= para.end_tok) return false;
    return !space_before(q + 1);
  };
  for (std::size_t pi = 0; pi < paragraphs_.size(); ++pi) {
    const Paragraph& para = paragraphs_[pi];
    int open = -1;
    auto close_region = [&](int close, int last) {
      QuoteRegion r;
      r.open_tok = open;
      r.close_tok = close;
      r.last_tok = last;
      r.para = static_cast<std::uint32_t>(pi);
      tokens_[static_cast<std::size_t>(open)].flags |= kOpenQuote;
      if (close >= 0) tokens_[static_cast<std::size_t>(close)].flags |= kCloseQuote;
      quotes_.push_back(r);
      open = -1;
    };
    for (int q = para.first_tok; q < para.end_tok; ++q) {
      const Token& t = tok(q);
      if (!t.is(kQuote)) continue;
      if (is_opening_quote(t.punct)) {
        if (open < 0) open = q;
      } else if (is_closing_quote(t.punct)) {
        if (open >= 0) close_region(q, q);
      } else if (open < 0) {
        if (!glued_left(q) || glued_right(q)) open = q;
      } else {
        close_region(q, q);
      }
    }
    if (open >= 0) {
      if (open + 1 < para.end_tok)
        close_region(-1, para.end_tok - 1);
      else
        open = -1;  // a lone mark at the paragraph end
    }
  }
  pair_single_quotes();
  // Chain unclosed regions with a region opening the next paragraph.
  for (std::size_t r = 0; r + 1 < quotes_.size(); ++r) {
    QuoteRegion& a = quotes_[r];
    QuoteRegion& b = quotes_[r + 1];
    if (a.close_tok < 0 && b.para == a.para + 1 && b.open_tok == paragraphs_[b.para].first_tok) {
      a.next = static_cast<int>(r + 1);
      b.prev = static_cast<int>(r);
    }
  }
  for (std::size_t r = 0; r < quotes_.size(); ++r)
    for (int k = quotes_[r].open_tok; k <= quotes_[r].last_tok; ++k)
      tokens_[static_cast<std::size_t>(k)].quote = static_cast<int>(r);
}

void Document::split_sentences(const Abbreviations& abbreviations) {
  for (std::size_t pi = 0; pi < paragraphs_.size(); ++pi) {
    const Paragraph& para = paragraphs_[pi];
    int start = para.first_tok;
    for (int k = para.first_tok; k < para.end_tok; ++k) {
      const Token& t = tok(k);
      int end = -1;  // the sentence would end after token `end`
      if (t.is(kSentenceEnd)) {
        end = k;
        while (end + 1 < para.end_tok && tok(end + 1).is(kPunct) &&
               (tok(end + 1).is(kCloseQuote) || tok(end + 1).is(kSentenceEnd) || tok(end + 1).punct == ')' ||
                tok(end + 1).punct == 0x2019 || tok(end + 1).punct == '\''))
          ++end;
      } else if (t.is(kAbbrev) && !t.is(kTitleAbbrev)) {
        // "U.S." or "Inc." ending a sentence: only before a clear starter.
        if (k + 1 < para.end_tok && tok(k + 1).is(kCapitalized) && abbreviations.is_starter(lower(k + 1))) end = k;
      }
      if (end < 0) continue;
      // Never split inside a quotation.
      if (tok(end).quote >= 0 && !tok(end).is(kCloseQuote)) {
        const QuoteRegion& r = quotes_[static_cast<std::size_t>(tok(end).quote)];
        if (r.last_tok != end) continue;
      }
      const int next = end + 1;
      if (next < para.end_tok) {
        const Token& nt = tok(next);
        const bool starts = nt.is(kCapitalized) || nt.is(kDigit) || nt.is(kOpenQuote) ||
                            (nt.is(kQuote) && !nt.is(kCloseQuote)) ||
                            (nt.is(kPunct) && (nt.punct == '(' || nt.punct == 0x2018));
        if (!starts) continue;
      }
      sentences_.push_back({start, next, static_cast<std::uint32_t>(pi)});
      start = next;
      k = end;
    }
    if (start < para.end_tok) sentences_.push_back({start, para.end_tok, static_cast<std::uint32_t>(pi)});
  }
}

}  // namespace claimtrail::text
