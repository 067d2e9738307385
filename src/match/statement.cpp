#include "match/statement.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "language/lexical.hpp"
#include "text/word_tables.hpp"
#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::match {

namespace {

// negation: "not"; refusal: a negation of what will be ("ruled out"); hedge:
// "may"; intention: a hedge ("plans to"), but a negated one is a refusal
// ("has no plans to", "does not intend to"); future: "will".
enum class Polarity { none, negation, refusal, hedge, intention, future };

struct PolarityWord {
  Polarity kind = Polarity::none;
  bool keep = false;
};

// The matcher's word tables (data/lexicon/*.tsv), loaded once.
struct Tables {
  std::unordered_map<std::string, std::string> equivalents;        // lower-case keys
  std::unordered_map<std::string, std::string> equivalents_exact;  // keys with capitals
  std::size_t longest_equivalent = 1;
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> actor_nouns;
  std::unordered_map<std::string, PolarityWord> polarity;
  std::unordered_map<std::string, PolarityWord> polarity_phrases;  // several words ("in talks", "ruled out")
  std::size_t longest_polarity = 1;
  std::unordered_map<std::string, std::string> irregular;  // past and participle -> base ("built" -> "build")
  std::unordered_set<std::string> verb_bases;              // the irregular verbs themselves ("send")
  std::unordered_set<std::string> reporting;  // every form of a verb that reports (speech_verbs.tsv): "found", "said"
  std::unordered_set<std::string> calendar = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",  "january",  "february", "march",
      "april",  "may",     "june",      "july",     "august", "september", "october", "november", "december"};

  // First words of the phrases (lower-case, and as written): a token that
  // starts none needs only a one-word lookup.
  std::unordered_set<std::string> phrase_starts, exact_phrase_starts;

  Tables() {
    using claimtrail::lexicon_data::get;
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
      p.kind = f[1] == "negation"    ? Polarity::negation
               : f[1] == "refusal"   ? Polarity::refusal
               : f[1] == "hedge"     ? Polarity::hedge
               : f[1] == "intention" ? Polarity::intention
                                     : Polarity::future;
      p.keep = f.size() > 2 && f[2] == "keep";
      const std::string key(f[0]);
      if (key.find(' ') != std::string::npos) {
        polarity_phrases[key] = p;
        longest_polarity = std::max<std::size_t>(longest_polarity, 1 + std::count(key.begin(), key.end(), ' '));
      } else {
        polarity[key] = p;
      }
    });
    util::for_each_tsv_row(get("irregular_verbs.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      for (std::size_t k = 1; k < f.size(); ++k)
        if (f[k] != f[0] && !f[k].empty()) irregular[std::string(f[k])] = std::string(f[0]);
      verb_bases.insert(std::string(f[0]));
    });
    for (const auto& forms : text::speech_verbs()) reporting.insert(forms.begin(), forms.end());
    for (const auto& [w, p] : polarity) info[w].polarity = &p;
    for (const auto& w : stopwords) info[w].stop = true;
    for (const auto& w : actor_nouns) info[w].actor = true;
    for (const auto& w : calendar) info[w].calendar = true;
  }

  // Everything the tables say about one word, found with one lookup.
  struct Info {
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
  std::string orig;  // lower case as written, before equivalents ("freed" for "release")
  std::size_t start = 0, end = 0;
  bool capitalized = false;  // as written, before equivalents
  bool after_break = false;  // a comma, semicolon, colon or dash comes before it
};

bool is_word_byte(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return util::is_ascii_alnum(static_cast<char>(c));
  // U+2000-U+206F (quotes, dashes, spaces) are not letters.
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return false;
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81) return false;
  // U+20A0-U+20BF: currency signs (the euro sign before "4m" is a token of its own).
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x82) return false;
  // U+0080-U+00BF are signs and punctuation (the pound sign, the
  // guillemets, a no-break space), but for the letters ª µ º.
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return d == 0xAA || d == 0xB5 || d == 0xBA;
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
        out.push_back({std::string(1, c), std::string(1, c), std::string(1, c), i, i + 1});
      else if (s.substr(i, 3) == "\xE2\x82\xAC")
        out.push_back({"\xE2\x82\xAC", "\xE2\x82\xAC", "\xE2\x82\xAC", i, i + 3});
      else if (s.substr(i, 2) == "\xC2\xA3")
        out.push_back({"\xC2\xA3", "\xC2\xA3", "\xC2\xA3", i, i + 2});
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
      if ((c == ',' || c == '.' || c == '/') && digits) {  // "2,500", "3.2", "2/3"
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
    // "No. 2" is the abbreviation of "number", a label: no negation, no word.
    if (j - i == 2 && (s[i] == 'N' || s[i] == 'n') && (s[i + 1] == 'o' || s[i + 1] == 'O') && j < s.size() &&
        s[j] == '.') {
      std::size_t k = j + 1;
      while (k < s.size() && s[k] == ' ') ++k;
      if (k < s.size() && util::is_ascii_digit(s[k])) {
        i = j + 1;
        continue;
      }
    }
    RawToken t;
    t.text = std::string(s.substr(i, j - i));
    // Fold the typographic apostrophe.
    for (std::size_t k = 0; (k = t.text.find("\xE2\x80\x99", k)) != std::string::npos;) t.text.replace(k, 3, "'");
    t.lower = util::ascii_lower(t.text);
    t.orig = t.lower;
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
  if (ends("e") && w.size() >= 4) w.pop_back();  // "move" and "moving", "hire" and "hired" alike
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

const Word* Statement::predicate_word() const {
  return predicate >= 0 && predicate < static_cast<int>(words.size()) ? &words[static_cast<std::size_t>(predicate)]
                                                                      : nullptr;
}

Frame frame_of(const Statement& s) {
  Frame f;
  const Word* pw = s.predicate_word();
  if (!pw) return f;
  const Word& p = *pw;
  f.predicate = p.form;
  for (const Word& w : s.words) {
    if (w.position < p.position)
      f.actor.push_back(w.form);
    else if (w.position > p.position && w.clause == p.clause)
      f.object.push_back(w.form);
  }
  return f;
}

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

// Is `w` (lower case) a common word to WordNet, not a name: a noun whose
// first sense is no person, body or place ("production", "repairs"), or a
// verb? For a capitalised word opening a statement.
static bool common_word(const std::string& w) {
  if (const auto n = language::noun(language::lemma_noun(w))) {
    const auto& k = n->first_kinds;
    return !k.person && !k.organisation && !k.place;
  }
  return language::verb(language::lemma_verb(w)).has_value();
}

bool same_meaning(const Word& x, const Word& y) {
  const auto& a = x.meanings;
  const auto& b = y.meanings;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

Statement analyse_statement(std::string_view text, const article::Date& published) {
  const Tables& T = tables();
  Statement st;
  st.dates = article::find_dates(text, published);
  st.times = find_times(text, published, false);
  std::vector<RawToken> toks = tokenize(text);
  // Tokens inside a resolved date or a time belong to it, not to the words.
  auto in_date = [&](const RawToken& t) {
    return std::any_of(st.dates.begin(), st.dates.end(),
                       [&](const auto& d) { return t.start >= d.span.start && t.end <= d.span.end; }) ||
           std::any_of(st.times.begin(), st.times.end(),
                       [&](const When& d) { return t.start >= d.span.start && t.end <= d.span.end; });
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

  // Possessives off ("one's" is "one"); "n't" is a negation before its verb
  // ("won't" is "will not", "can't" is "can not").
  std::vector<bool> nt(canon.size(), false);
  for (std::size_t i = 0; i < canon.size(); ++i) {
    std::string& w = canon[i].lower;
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
      nt[i] = true;
      w.resize(w.size() - 3);
      if (w == "wo") w = "will";
      if (w == "ca") w = "can";
      if (w == "sha") w = "shall";
    }
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  }
  std::vector<std::string> lowers;
  lowers.reserve(canon.size());
  for (const RawToken& t : canon) lowers.push_back(t.lower);

  // Numbers, polarity and modality, voice, then content words.
  int clause = 0;
  bool saw_be = false;
  int be_distance = 0;
  bool participle_after_be = false;
  bool intention_negated = false;
  bool past = false;
  // The predicate: the first content word after an auxiliary, a modal or a
  // word of modality ("will close", "are seeking to expand"), else the first
  // past form or irregular verb after the subject ("approved", "send").
  bool verb_next = false;
  int fallback_predicate = -1;
  auto add_word = [&](const std::string& w, const RawToken& t, const Tables::Info* wi) {
    const int index = static_cast<int>(st.words.size());
    if (index > 0 && st.predicate < 0 && verb_next) st.predicate = index;
    const bool verb_form = (t.orig.size() > 4 && t.orig.compare(t.orig.size() - 2, 2, "ed") == 0) ||
                           T.irregular.count(t.orig) > 0 || T.verb_bases.count(t.orig) > 0;
    if (index > 0 && fallback_predicate < 0 && verb_form && !(wi && wi->actor)) fallback_predicate = index;
    verb_next = false;
    Word word;
    word.actor = wi && wi->actor;
    // A capitalised word is a name, unless it is a day or a month, or it
    // opens the statement and is a common noun ("Police arrested ...").
    // A possessive is a name even there ("Sprint's board").
    const bool possessive =
        t.text.size() > 2 && (t.text.compare(t.text.size() - 2, 2, "'s") == 0 ||
                              (t.text.size() > 4 && t.text.compare(t.text.size() - 4, 4, "\xE2\x80\x99s") == 0));
    word.name =
        t.capitalized && !(wi && wi->calendar) && !(t.start == 0 && !possessive && (word.actor || common_word(w)));
    word.actor = word.actor || word.name;
    // An irregular past or participle is its verb ("built" is "build").
    auto irr = T.irregular.find(w);
    std::string base = irr != T.irregular.end() ? irr->second : w;
    if (irr != T.irregular.end())
      if (auto eq = T.equivalents.find(base); eq != T.equivalents.end() && eq->second.find(' ') == std::string::npos)
        base = eq->second;
    word.form = stem(base);
    if (!word.actor) word.meanings = language::meanings(w);
    word.position = static_cast<int>(st.words.size());
    word.clause = clause;
    st.words.push_back(std::move(word));
  };
  for (std::size_t i = 0; i < canon.size(); ++i) {
    RawToken& t = canon[i];
    if (t.after_break && !st.words.empty()) clause = st.words.back().clause + 1;
    const std::string& w = t.lower;
    if (nt[i]) {
      st.negated = true;
      st.negation_at.push_back(static_cast<int>(st.words.size()));
    }
    // Digits in a name ("the 787 Dreamliner", "Falcon 9") name a thing, not a quantity.
    const bool digits_only = !t.text.empty() && std::all_of(t.text.begin(), t.text.end(), util::is_ascii_digit);
    const bool in_name = digits_only && !t.after_break &&
                         ((i + 1 < canon.size() && canon[i + 1].capitalized && !canon[i + 1].after_break) ||
                          (i > 0 && canon[i - 1].capitalized && canon[i - 1].start > 0));
    // A quantity: digits, number words, fractions, bounds, vague quantities, multiples.
    if (in_name) {
      add_word(w, t, nullptr);
      continue;
    }
    if (auto q = read_quantity(lowers, i)) {
      st.numbers.push_back(q->number);
      if (!q->word.empty()) {
        verb_next = verb_next || !st.words.empty();  // "doubled" is a predicate
        add_word(q->word, t, nullptr);
      }
      i += q->length - 1;
      continue;
    }
    // Polarity: a phrase ("ruled out", "in talks", "no plans") or a word.
    const PolarityWord* pol = nullptr;
    std::size_t pol_len = 1;
    if (i + 1 < canon.size()) {
      // As the matcher reads the words, and as written ("dropped plans",
      // whose "dropped" the matcher reads as "decrease").
      std::string key = w, written = t.orig.empty() ? w : t.orig;
      for (std::size_t n = 2; n <= T.longest_polarity && i + n <= canon.size(); ++n) {
        const RawToken& next = canon[i + n - 1];
        key += " " + next.lower;
        written += " " + (next.orig.empty() ? next.lower : next.orig);
        auto it = T.polarity_phrases.find(key);
        if (it == T.polarity_phrases.end()) it = T.polarity_phrases.find(written);
        if (it != T.polarity_phrases.end()) {
          pol = &it->second;
          pol_len = n;
        }
      }
    }
    const Tables::Info* wi = T.find(w);
    if (!pol && wi && wi->polarity) pol = wi->polarity;
    const bool before_to = i + 1 < canon.size() && canon[i + 1].lower == "to";
    // A word of intention that is also a noun or an adjective ("the
    // harbour plan", "the planned closure") is one only before "to".
    if (pol && pol_len == 1 && pol->kind == Polarity::intention && pol->keep && !before_to) pol = nullptr;
    if (pol) {
      const bool after_negation =
          !st.negation_at.empty() && st.negation_at.back() >= static_cast<int>(st.words.size()) - 1;
      if (pol->kind == Polarity::negation || pol->kind == Polarity::refusal) {
        st.negated = true;
        st.negation_at.push_back(static_cast<int>(st.words.size()));
        if (pol->kind == Polarity::refusal && st.modality != Modality::hedged) st.modality = Modality::future;
      } else if (pol->kind == Polarity::intention && after_negation) {
        intention_negated = true;  // "has no plans to": will not
        if (st.modality == Modality::realized) st.modality = Modality::future;
      } else if (pol->kind == Polarity::hedge || pol->kind == Polarity::intention) {
        st.modality = Modality::hedged;
      } else if (st.modality == Modality::realized) {
        st.modality = Modality::future;
      }
      verb_next = true;
      if (pol_len > 1) {
        if (pol->keep)
          add_word(canon[i + pol_len - 1].lower, canon[i + pol_len - 1], T.find(canon[i + pol_len - 1].lower));
        i += pol_len - 1;
        continue;
      }
      // A word of modality before "to" ("plans to close", "intends to
      // sell") is the statement's modality, not what it is about.
      if (!pol->keep || (before_to && pol->kind != Polarity::negation)) continue;
    }
    static const std::unordered_set<std::string> kAux = {"has", "have", "had", "will", "would", "can",  "could",
                                                         "do",  "does", "did", "may",  "might", "must", "should"};
    if ((is_be(w) || kAux.count(w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)) &&
        (st.clauses_with_verb.empty() || st.clauses_with_verb.back() != clause))
      st.clauses_with_verb.push_back(clause);
    if (is_be(w) || kAux.count(w)) verb_next = true;
    if (is_be(w)) {
      saw_be = true;
      be_distance = 0;
      // "is leaving", "are not closing": what is under way or arranged, not done.
      std::size_t k = i + 1;
      if (k < canon.size() && (canon[k].lower == "not" || nt[i])) k += canon[k].lower == "not" ? 1 : 0;
      if ((w == "is" || w == "are" || w == "am") && k < canon.size() && canon[k].orig.size() > 5 &&
          canon[k].orig.compare(canon[k].orig.size() - 3, 3, "ing") == 0 && canon[k].lower != "going" &&
          st.modality == Modality::realized)
        st.modality = Modality::future;
    } else if (saw_be && ++be_distance <= 2 && (participle(w) || participle(t.orig))) {
      participle_after_be = true;
    }
    if (w == "by" && participle_after_be) st.passive = true;
    if (w == "going" && i + 1 < canon.size() && canon[i + 1].lower == "to" && st.modality == Modality::realized)
      st.modality = Modality::future;
    // A reporting frame opening the statement ("Inspectors found that ...",
    // "the report says that ..."): what it reports is what the statement
    // says; the frame's few words are not matched.
    if (w == "that" && i > 0 && i <= 6 && T.reporting.count(canon[i - 1].lower) && st.words.size() <= 4 &&
        st.negation_at.empty() && st.numbers.empty() && st.modality == Modality::realized) {
      st.words.clear();
      st.predicate = -1;
      fallback_predicate = -1;
      verb_next = false;
      st.clauses_with_verb.clear();
      past = false;
      continue;
    }
    // A past form not after "is" or "will" ("approved", "was", "met"; not
    // "is set for", "will be closed"): the statement tells what happened.
    if (w == "was" || w == "were" || w == "had" || w == "did") {
      past = true;
    } else if (((t.orig.size() > 4 && t.orig.compare(t.orig.size() - 2, 2, "ed") == 0) || T.irregular.count(w)) &&
               !(i > 0 && (is_be(canon[i - 1].lower) || kAux.count(canon[i - 1].lower)))) {
      past = true;
    }
    if ((wi && wi->stop) || w.empty()) continue;
    if (t.text == "$" || t.text == "%") continue;
    add_word(w, t, wi);
  }
  (void)intention_negated;
  if (st.predicate < 0) st.predicate = fallback_predicate;
  // An opening prepositional phrase is not the main clause.
  static const std::unordered_set<std::string> kOpeners = {"under",  "in", "on",   "at",   "for", "after", "before",
                                                           "during", "by", "with", "from", "as",  "since", "despite"};
  if (!canon.empty() && kOpeners.count(canon.front().lower) && !st.words.empty() &&
      st.words.back().clause > st.words.front().clause)
    st.main_clause = st.words.front().clause + 1;
  else if (!st.words.empty())
    st.main_clause = st.words.front().clause;
  // What happened (in the past tense): a day or month written without a year is the last one
  // on or before the publication ("approved the deal on April 28", in a
  // December article, is last April's), not the nearest.
  if (st.modality == Modality::realized && past && published.valid() && published.day > 0) {
    auto yearless = [](std::string_view t) {
      int run = 0;
      for (const char c : t) {
        run = util::is_ascii_digit(c) ? run + 1 : 0;
        if (run == 4) return false;
      }
      return true;
    };
    // (More than a week ahead: a weekday is the last of its name already.)
    const int last = published.last_day() + 7;
    for (When& w : st.times)
      if (w.year && w.first > last && yearless(w.text)) w = year_before(w);
    for (auto& d : st.dates)
      if (d.value.year && d.value.month > 0 && d.value.first_day() > last && yearless(d.text)) --d.value.year;
  }
  // What will happen: a bare weekday is the coming one ("will end on Friday").
  if (st.modality != Modality::realized) {
    st.times = find_times(text, published, true);
    if (published.valid() && published.day > 0)
      for (auto& d : st.dates) {
        const std::string low = util::ascii_lower(d.text);
        const bool bare_weekday = low.rfind("last ", 0) != 0 && low.rfind("next ", 0) != 0 &&
                                  std::string_view(low).find_first_of("0123456789") == std::string_view::npos &&
                                  d.value.day > 0 && d.value.first_day() < published.first_day() &&
                                  published.first_day() - d.value.first_day() < 7 &&
                                  (low.size() <= 12 && (low.find("day") != std::string::npos));
        if (bare_weekday && low != "yesterday" && low != "today") {
          const int day = d.value.first_day() + 7;
          const auto ymd = std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
          d.value = {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
        }
      }
  }
  return st;
}

}  // namespace claimtrail::match
