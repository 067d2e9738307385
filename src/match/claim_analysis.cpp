#include "match/claim_analysis.hpp"

#include <cstdint>
#include <cstring>

namespace claimtrail::match {

namespace {

// Version 2 added each number's interval, unit and vagueness, and the times.
constexpr unsigned char kVersion = 3;

class Writer {
 public:
  void uint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void sint(std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    uint((u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
  }
  void str(std::string_view s) {
    uint(s.size());
    out_.append(s);
  }
  void real(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads the stored form; the first malformed or missing field sets `bad`,
// after which every read gives zero.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return !bad_; }
  bool done() const { return at_ == in_.size(); }

  std::uint64_t uint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (bad_ || at_ >= in_.size()) break;
      const auto c = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<std::uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    bad_ = true;
    return 0;
  }
  std::int64_t sint() {
    const std::uint64_t u = uint();
    return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  int integer() {
    const std::int64_t v = sint();
    if (v < INT32_MIN || v > INT32_MAX) bad_ = true;
    return bad_ ? 0 : static_cast<int>(v);
  }
  // A count of items each taking at least one byte: never more than remain.
  std::size_t count() {
    const std::uint64_t n = uint();
    if (n > in_.size() - at_) bad_ = true;
    return bad_ ? 0 : static_cast<std::size_t>(n);
  }
  std::string str() {
    const std::size_t n = count();
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  double real() {
    if (bad_ || in_.size() - at_ < 8) {
      bad_ = true;
      return 0;
    }
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 8; ++i)
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    at_ += 8;
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool bad_ = false;
};

}  // namespace

ClaimAnalysis analyse_claim(std::string_view text, std::string_view cue, const article::Date& published) {
  ClaimAnalysis a;
  a.statement = analyse_statement(text, published);
  if (!cue.empty())
    for (auto& w : analyse_statement(cue).words) a.cue_words.push_back(std::move(w.form));
  return a;
}

std::string encode(const ClaimAnalysis& a) {
  const Statement& s = a.statement;
  Writer w;
  w.uint(kVersion);
  w.uint((s.negated ? 1u : 0u) | (s.passive ? 2u : 0u) | (static_cast<unsigned>(s.modality) << 2));
  w.sint(s.main_clause);
  w.uint(s.words.size());
  for (const Word& x : s.words) {
    w.str(x.form);
    w.uint((x.actor ? 1u : 0u) | (x.name ? 2u : 0u));
    w.sint(x.position);
    w.sint(x.clause);
  }
  w.uint(s.numbers.size());
  for (const Number& n : s.numbers) {
    w.real(n.value);
    w.str(n.text);
    w.real(n.low);
    w.real(n.high);
    w.uint(static_cast<unsigned>(n.unit) | (n.vague ? 8u : 0u));
  }
  w.uint(s.dates.size());
  for (const article::DateMention& d : s.dates) {
    w.uint(d.span.start);
    w.uint(d.span.end);
    w.str(d.text);
    w.sint(d.value.year);
    w.sint(d.value.month);
    w.sint(d.value.day);
    w.uint(d.deadline ? 1 : 0);
  }
  for (const std::vector<int>* list : {&s.negation_at, &s.clauses_with_verb}) {
    w.uint(list->size());
    for (int v : *list) w.sint(v);
  }
  w.uint(a.cue_words.size());
  for (const std::string& form : a.cue_words) w.str(form);
  w.uint(s.times.size());
  for (const When& t : s.times) {
    w.uint(t.span.start);
    w.uint(t.span.end);
    w.str(t.text);
    w.sint(t.year);
    w.sint(t.first);
    w.sint(t.last);
    w.sint(t.weekday);
    w.sint(t.from_minute);
    w.sint(t.to_minute);
    w.uint((t.deadline ? 1u : 0u) | (t.reported ? 2u : 0u) | (t.earliest ? 4u : 0u));
  }
  w.sint(s.predicate);
  for (const Word& x : s.words) {
    w.uint(x.meanings.size());
    for (const std::uint32_t m : x.meanings) w.uint(m);
  }
  return w.take();
}

std::optional<ClaimAnalysis> decode(std::string_view bytes) {
  Reader r(bytes);
  const std::uint64_t version = r.uint();
  if (version < 1 || version > kVersion) return std::nullopt;
  ClaimAnalysis a;
  Statement& s = a.statement;
  const std::uint64_t flags = r.uint();
  if (flags >> 4 || (flags >> 2) > static_cast<unsigned>(Modality::hedged)) return std::nullopt;
  s.negated = flags & 1;
  s.passive = flags & 2;
  s.modality = static_cast<Modality>(flags >> 2);
  s.main_clause = r.integer();
  s.words.resize(r.count());
  for (Word& x : s.words) {
    x.form = r.str();
    const std::uint64_t f = r.uint();
    x.actor = f & 1;
    x.name = f & 2;
    x.position = r.integer();
    x.clause = r.integer();
  }
  s.numbers.resize(r.count());
  for (Number& n : s.numbers) {
    n.value = n.low = n.high = r.real();
    n.text = r.str();
    if (version >= 2) {
      n.low = r.real();
      n.high = r.real();
      // Version 2: the unit in 2 bits, 4 vague; version 3: in 3 bits, 8 vague.
      const std::uint64_t f = r.uint();
      const unsigned bits = version >= 3 ? 3 : 2;
      const std::uint64_t unit = f & ((1u << bits) - 1);
      if (unit > static_cast<unsigned>(Unit::kilograms) || f >> (bits + 1)) return std::nullopt;
      n.unit = static_cast<Unit>(unit);
      n.vague = (f >> bits) & 1;
    }
  }
  s.dates.resize(r.count());
  for (article::DateMention& d : s.dates) {
    d.span.start = static_cast<std::size_t>(r.uint());
    d.span.end = static_cast<std::size_t>(r.uint());
    d.text = r.str();
    d.value.year = r.integer();
    d.value.month = r.integer();
    d.value.day = r.integer();
    d.deadline = r.uint() != 0;
  }
  for (std::vector<int>* list : {&s.negation_at, &s.clauses_with_verb}) {
    list->resize(r.count());
    for (int& v : *list) v = r.integer();
  }
  a.cue_words.resize(r.count());
  for (std::string& form : a.cue_words) form = r.str();
  if (version >= 2) {
    s.times.resize(r.count());
    for (When& t : s.times) {
      t.span.start = static_cast<std::size_t>(r.uint());
      t.span.end = static_cast<std::size_t>(r.uint());
      t.text = r.str();
      t.year = r.integer();
      t.first = r.integer();
      t.last = r.integer();
      t.weekday = r.integer();
      t.from_minute = r.integer();
      t.to_minute = r.integer();
      const std::uint64_t f = r.uint();
      if (f >> 3) return std::nullopt;
      t.deadline = f & 1;
      t.reported = f & 2;
      t.earliest = f & 4;
    }
    s.predicate = r.integer();
    if (s.predicate < -1 || s.predicate >= static_cast<int>(s.words.size())) return std::nullopt;
    if (version >= 3)
      for (Word& x : s.words) {
        x.meanings.resize(r.count());
        for (std::uint32_t& m : x.meanings) m = static_cast<std::uint32_t>(r.uint());
      }
  } else {
    // Version 1 kept only the resolved dates: they are its times.
    for (const article::DateMention& d : s.dates) {
      if (!d.value.valid()) continue;
      When t;
      t.span = d.span;
      t.text = d.text;
      t.year = d.value.year;
      t.first = d.deadline ? d.value.last_day() : d.value.first_day();
      t.last = d.value.last_day();
      t.deadline = d.deadline;
      s.times.push_back(std::move(t));
    }
  }
  if (!r.ok() || !r.done()) return std::nullopt;
  return a;
}

}  // namespace claimtrail::match
