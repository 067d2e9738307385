#include "match/statement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "text/word_tables.hpp"
#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::match {

namespace {

enum class Polarity { none, negation, hedge, future };

struct PolarityWord {
  Polarity kind = Polarity::none;
  bool keep = false;
};

// The matcher's word tables (data/lexicon/*.tsv), loaded once.
struct Tables {
  std::unordered_map<std::string, std::pair<double, bool>> numbers;  // word -> value, is scale
  std::unordered_map<std::string, std::string> equivalents;          // lower-case keys
  std::unordered_map<std::string, std::string> equivalents_exact;    // keys with capitals
  std::size_t longest_equivalent = 1;
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> actor_nouns;
  std::unordered_map<std::string, PolarityWord> polarity;
  std::unordered_set<std::string> calendar = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",  "january",  "february", "march",
      "april",  "may",     "june",      "july",     "august", "september", "october", "november", "december"};

  // First words of the phrases (lower-case, and as written): a token that
  // starts none needs only a one-word lookup.
  std::unordered_set<std::string> phrase_starts, exact_phrase_starts;

  Tables() {
    using claimtrail::lexicon_data::get;
    util::for_each_tsv_row(get("number_words.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      numbers[std::string(f[0])] = {std::atof(std::string(f[1]).c_str()), f.size() > 2 && f[2] == "1"};
    });
    util::for_each_tsv_row(get("equivalents.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      const std::string key(f[0]);
      const bool exact = std::any_of(key.begin(), key.end(), [](char c) { return util::is_ascii_upper(c); });
      (exact ? equivalents_exact : equivalents)[key] = std::string(f[1]);
      longest_equivalent = std::max<std::size_t>(longest_equivalent, 1 + std::count(key.begin(), key.end(), ' '));
      if (key.find(' ') != std::string::npos)
        (exact ? exact_phrase_starts : phrase_starts).insert(key.substr(0, key.find(' ')));
    });
    util::for_each_tsv_row(get("stopwords.tsv"), [&](const auto& f) { stopwords.insert(std::string(f[0])); });
    for (const auto& [singular, plural] : text::person_nouns())
      for (const std::string& w : {singular, plural})
        if (w != "-") actor_nouns.insert(w);
    actor_nouns.insert(text::org_heads().begin(), text::org_heads().end());
    util::for_each_tsv_row(get("polarity.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      PolarityWord p;
      p.kind = f[1] == "negation" ? Polarity::negation : f[1] == "hedge" ? Polarity::hedge : Polarity::future;
      p.keep = f.size() > 2 && f[2] == "keep";
      polarity[std::string(f[0])] = p;
    });
    for (const auto& [w, v] : numbers) info[w].number = &v;
    for (const auto& [w, p] : polarity) info[w].polarity = &p;
    for (const auto& w : stopwords) info[w].stop = true;
    for (const auto& w : actor_nouns) info[w].actor = true;
    for (const auto& w : calendar) info[w].calendar = true;
  }

  // Everything the tables say about one word, found with one lookup.
  struct Info {
    const std::pair<double, bool>* number = nullptr;
    const PolarityWord* polarity = nullptr;
    bool stop = false, actor = false, calendar = false;
  };
  std::unordered_map<std::string, Info> info;
  const Info* find(const std::string& w) const {
    auto it = info.find(w);
    return it == info.end() ? nullptr : &it->second;
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

struct RawToken {
  std::string text;  // as written
  std::string lower;
  std::size_t start = 0, end = 0;
  bool capitalized = false;  // as written, before equivalents
  bool after_break = false;  // a comma, semicolon, colon or dash comes before it
};

bool is_word_byte(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return util::is_ascii_alnum(static_cast<char>(c));
  // U+2000-U+206F (quotes, dashes, spaces) and U+00A0 / U+00AB / U+00BB are not letters.
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return false;
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81) return false;
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return !(d == 0xA0 || d == 0xAB || d == 0xBB);
  }
  return true;
}

std::size_t char_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  return 4;
}

// Words, numbers with their separators ("2,500", "3.2"), abbreviations with
// their periods ("U.S."), and the symbols $ % and currency signs. Hyphens and
// slashes split words ("two-year" is "two" "year").
std::vector<RawToken> tokenize(std::string_view s) {
  std::vector<RawToken> out;
  std::size_t i = 0;
  bool pending_break = false;
  while (i < s.size()) {
    if (!is_word_byte(s, i)) {
      const char c = s[i];
      if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || s.substr(i, 3) == "\xE2\x80\x94" ||
          s.substr(i, 3) == "\xE2\x80\x93" || (c == '-' && i + 1 < s.size() && s[i + 1] == '-'))
        pending_break = true;
      if (c == '$' || c == '%')
        out.push_back({std::string(1, c), std::string(1, c), i, i + 1});
      else if (s.substr(i, 3) == "\xE2\x82\xAC")
        out.push_back({"\xE2\x82\xAC", "\xE2\x82\xAC", i, i + 3});
      else if (s.substr(i, 2) == "\xC2\xA3")
        out.push_back({"\xC2\xA3", "\xC2\xA3", i, i + 2});
      i += char_len(s, i);
      continue;
    }
    std::size_t j = i;
    bool dotted = false;
    while (j < s.size()) {
      if (is_word_byte(s, j)) {
        j += char_len(s, j);
        continue;
      }
      const char c = s[j];
      const bool next_word = j + 1 < s.size() && is_word_byte(s, j + 1);
      const bool digits = j > i && util::is_ascii_digit(s[j - 1]) && j + 1 < s.size() && util::is_ascii_digit(s[j + 1]);
      if ((c == ',' || c == '.') && digits) {
        ++j;
        continue;
      }
      if (c == '.' && next_word && j + 2 <= s.size() && util::is_ascii_upper(s[i])) {  // "U.S", "U.N"
        dotted = true;
        ++j;
        continue;
      }
      if ((c == '\'' || s.substr(j, 3) == "\xE2\x80\x99") && next_word) {  // "don't", "company's"
        j += c == '\'' ? 1 : 3;
        continue;
      }
      break;
    }
    if (dotted && j < s.size() && s[j] == '.') ++j;  // "U.S." keeps its last period
    RawToken t;
    t.text = std::string(s.substr(i, j - i));
    // Fold the typographic apostrophe.
    for (std::size_t k = 0; (k = t.text.find("\xE2\x80\x99", k)) != std::string::npos;) t.text.replace(k, 3, "'");
    t.lower = util::ascii_lower(t.text);
    t.capitalized = util::is_ascii_upper(t.text[0]);
    t.after_break = pending_break;
    pending_break = false;
    t.start = i;
    t.end = j;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

std::string stem(std::string w) {
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && std::string_view(w).substr(w.size() - suf.size()) == suf;
  };
  auto undouble = [&] {
    const std::size_t n = w.size();
    if (n >= 3 && w[n - 1] == w[n - 2] && w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z') w.pop_back();
  };
  if (w.size() <= 3) return w;
  if (ends("ies") && w.size() > 4)
    w.replace(w.size() - 3, 3, "y");
  else if (ends("sses"))
    w.resize(w.size() - 2);
  else if (ends("s") && !ends("ss") && !ends("us") && !ends("is"))
    w.pop_back();
  if (ends("ing") && w.size() > 5) {
    w.resize(w.size() - 3);
    undouble();
  } else if (ends("ed") && w.size() > 4) {
    w.resize(w.size() - 2);
    undouble();
  }
  if (ends("ment") && w.size() > 6) w.resize(w.size() - 4);
  if (ends("ion") && w.size() > 5) w.resize(w.size() - 3);
  if (ends("e") && w.size() > 4) w.pop_back();
  // "recall", "recalled", "recalling" and "annulled", "annul" alike.
  if (ends("ll") && w.size() >= 4) w.pop_back();
  return w;
}

bool participle(std::string_view w) {
  static const std::unordered_set<std::string_view> irregular = {
      "shot",   "held",   "made",   "paid",    "sent",   "built",  "won",    "lost",   "hit",
      "cut",    "put",    "set",    "sold",    "told",   "found",  "left",   "kept",   "brought",
      "bought", "caught", "taught", "led",     "fed",    "met",    "seen",   "done",   "given",
      "taken",  "known",  "shown",  "written", "driven", "chosen", "frozen", "stolen", "beaten"};
  return (w.size() > 3 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "en")) || irregular.count(w) > 0;
}

bool is_be(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being";
}

}  // namespace

std::string Statement::norm() const {
  std::string out;
  for (const Word& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w.form;
  }
  // Dates as index terms ("y2026", "m202609"): statements about the same
  // year or month find each other.
  for (const auto& d : dates) {
    out += " y" + std::to_string(d.value.year);
    if (d.value.month > 0) out += " m" + std::to_string(d.value.year * 100 + d.value.month);
  }
  return out;
}

Statement analyse_statement(std::string_view text, const article::Date& published) {
  const Tables& T = tables();
  Statement st;
  st.dates = article::find_dates(text, published);
  std::vector<RawToken> toks = tokenize(text);
  // Tokens inside a resolved date belong to the date, not to the words.
  auto in_date = [&](const RawToken& t) {
    return std::any_of(st.dates.begin(), st.dates.end(),
                       [&](const auto& d) { return t.start >= d.span.start && t.end <= d.span.end; });
  };

  // Equivalents: longest phrase first; keys with capitals only as written.
  std::vector<RawToken> canon;
  for (std::size_t i = 0; i < toks.size();) {
    if (in_date(toks[i])) {
      ++i;
      continue;
    }
    bool done = false;
    const bool phrase = T.phrase_starts.count(toks[i].lower) || T.exact_phrase_starts.count(toks[i].text);
    std::string key, exact;
    for (std::size_t n = phrase ? std::min(T.longest_equivalent, toks.size() - i) : 1; n >= 1 && !done; --n) {
      key.clear();
      exact.clear();
      for (std::size_t k = i; k < i + n; ++k) {
        if (k > i) {
          key.push_back(' ');
          exact.push_back(' ');
        }
        key += toks[k].lower;
        exact += toks[k].text;
      }
      auto ex = T.equivalents_exact.find(exact);
      const std::string* to = ex != T.equivalents_exact.end() ? &ex->second : nullptr;
      if (!to) {
        auto it = T.equivalents.find(key);
        if (it != T.equivalents.end()) to = &it->second;
      }
      if (!to) continue;
      // The canonical form may be several words ("50 percent").
      std::size_t p = 0;
      while (p <= to->size()) {
        std::size_t sp = to->find(' ', p);
        if (sp == std::string::npos) sp = to->size();
        RawToken t = toks[i];
        t.lower = to->substr(p, sp - p);
        t.text = t.lower;
        t.end = toks[i + n - 1].end;
        canon.push_back(std::move(t));
        p = sp + 1;
      }
      i += n;
      done = true;
    }
    if (!done) canon.push_back(toks[i++]);
  }

  // Numbers, polarity and modality, voice, then content words.
  int clause = 0;
  bool saw_be = false;
  int be_distance = 0;
  bool participle_after_be = false;
  // Possessives off ("one's" is "one"); "n't" is a negation before its verb.
  std::vector<bool> nt(canon.size(), false);
  for (std::size_t i = 0; i < canon.size(); ++i) {
    std::string& w = canon[i].lower;
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
      nt[i] = true;
      w.resize(w.size() - 3);
    }
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  }
  for (std::size_t i = 0; i < canon.size(); ++i) {
    RawToken& t = canon[i];
    if (t.after_break && !st.words.empty()) clause = st.words.back().clause + 1;
    const std::string& w = t.lower;
    if (nt[i]) {
      st.negated = true;
      st.negation_at.push_back(static_cast<int>(st.words.size()));
    }
    // A number: digits, or number words with scales ("five thousand").
    const Tables::Info* wi = T.find(w);
    const bool digits = !w.empty() && util::is_ascii_digit(w[0]) && std::all_of(w.begin(), w.end(), [](char c) {
      return util::is_ascii_digit(c) || c == ',' || c == '.';
    });
    if (digits || (wi && wi->number && !wi->number->second)) {
      double total = 0, current = 0;
      std::size_t j = i;
      std::string written;
      for (; j < canon.size(); ++j) {
        const std::string& x = canon[j].lower;
        const bool d = !x.empty() && util::is_ascii_digit(x[0]) && std::all_of(x.begin(), x.end(), [](char c) {
          return util::is_ascii_digit(c) || c == ',' || c == '.';
        });
        auto nw = T.numbers.find(x);
        if (d && (j == i || current == 0)) {
          std::string clean;
          for (char c : x)
            if (c != ',') clean.push_back(c);
          current += std::atof(clean.c_str());
        } else if (nw != T.numbers.end() && nw->second.second && (current > 0 || total > 0)) {
          const double scale = nw->second.first;
          if (scale >= 1000) {
            total += (current > 0 ? current : 1) * scale;
            current = 0;
          } else {
            current = (current > 0 ? current : 1) * scale;
          }
        } else if (nw != T.numbers.end() && !nw->second.second && !d) {
          current += nw->second.first;
        } else {
          break;
        }
        if (!written.empty()) written.push_back(' ');
        written += canon[j].text;
      }
      if (j > i) {  // (always: the first token is a number)
        st.numbers.push_back({total + current, written});
        i = j - 1;
        continue;
      }
    }
    if (wi && wi->polarity) {
      const PolarityWord* p = wi->polarity;
      if (p->kind == Polarity::negation) {
        st.negated = true;
        st.negation_at.push_back(static_cast<int>(st.words.size()));
      } else if (p->kind == Polarity::hedge)
        st.modality = Modality::hedged;
      else if (st.modality == Modality::realized)
        st.modality = Modality::future;
      if (!p->keep) continue;
    }
    static const std::unordered_set<std::string> kAux = {"has", "have", "had", "will", "would", "can",  "could",
                                                         "do",  "does", "did", "may",  "might", "must", "should"};
    if ((is_be(w) || kAux.count(w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)) &&
        (st.clauses_with_verb.empty() || st.clauses_with_verb.back() != clause))
      st.clauses_with_verb.push_back(clause);
    if (is_be(w)) {
      saw_be = true;
      be_distance = 0;
    } else if (saw_be && ++be_distance <= 2 && participle(w)) {
      participle_after_be = true;
    }
    if (w == "by" && participle_after_be) st.passive = true;
    if (w == "going" && i + 1 < canon.size() && canon[i + 1].lower == "to" && st.modality == Modality::realized)
      st.modality = Modality::future;
    if ((wi && wi->stop) || w.empty()) continue;
    if (t.text == "$" || t.text == "%") continue;
    Word word;
    word.actor = wi && wi->actor;
    // A capitalised word is a name, unless it is a day or a month, or it
    // opens the statement and is a common noun ("Police arrested ...").
    word.name = t.capitalized && !(wi && wi->calendar) && !(t.start == 0 && word.actor);
    word.actor = word.actor || word.name;
    word.form = stem(w);
    word.position = static_cast<int>(st.words.size());
    word.clause = clause;
    st.words.push_back(std::move(word));
  }
  // An opening prepositional phrase is not the main clause.
  static const std::unordered_set<std::string> kOpeners = {"under",  "in", "on",   "at",   "for", "after", "before",
                                                           "during", "by", "with", "from", "as",  "since", "despite"};
  if (!canon.empty() && kOpeners.count(canon.front().lower) && !st.words.empty() &&
      st.words.back().clause > st.words.front().clause)
    st.main_clause = st.words.front().clause + 1;
  else if (!st.words.empty())
    st.main_clause = st.words.front().clause;
  return st;
}

}  // namespace claimtrail::match
