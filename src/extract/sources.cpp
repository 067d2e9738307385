// Source classification: the category of a source noun phrase (SPEC section
// 2), its descriptors, and the proper names it contains.
#include <algorithm>
#include <string>
#include <vector>

#include "extract/context.hpp"
#include "language/lexical.hpp"

namespace claimtrail::extract {

namespace {

using core::SourceCategory;

std::string join_surface(const Context& ctx, int b, int e) {
  if (e <= b) return {};
  const auto sp = ctx.span(b, e);
  return std::string(ctx.doc.text().substr(sp.start, sp.end - sp.start));
}

bool is_acronym(const Context& ctx, int i) {
  const auto& t = ctx.doc.tok(i);
  return t.is(text::kAllCaps) && !t.is(text::kAbbrev) && ctx.doc.surface(i).size() >= 2 &&
         ctx.doc.surface(i).size() <= 6;
}

// Is the name [b, e) written elsewhere in the article with an organisation's
// head after it ("High Plains Creamery" and "High Plains Creamery Inc.")?
bool named_as_body_elsewhere(const Context& ctx, int b, int e) { return ctx.names_body_elsewhere(b, e); }

// Does token i open its sentence (after any quotation mark)?
bool sentence_start(const Context& ctx, int i) {
  const auto& sents = ctx.doc.sentences();
  const auto it =
      std::upper_bound(sents.begin(), sents.end(), i, [](int t, const text::Sentence& s) { return t < s.first_tok; });
  if (it == sents.begin()) return false;
  int k = std::prev(it)->first_tok;
  while (k < i && ctx.doc.tok(k).is(text::kQuote)) ++k;
  return k == i;
}

}  // namespace

// A word whose first WordNet sense names a body and no sense a person:
// "inspectorate" ("coastguard" is also a member of one).
bool wordnet_body(std::string_view w) {
  const auto n = language::noun(language::lemma_noun(w));
  return n && n->first_kinds.organisation && !n->person;
}

// The end of a name [b, e) without the letters after it ("Prudence
// Hallowes KC", "Ann Poe OBE"): two words of the name at least are left.
int before_letters(const Context& ctx, int b, int e) {
  while (e - b > 2 && ctx.doc.tok(e - 1).is(text::kCapitalized) && ctx.lex.is_postnominal(ctx.low(e - 1)) &&
         ctx.is_name_token(e - 2) && !ctx.lex.is_postnominal(ctx.low(e - 2)))
    --e;
  return e;
}

bool wordnet_person(std::string_view w) {
  const auto n = language::noun(language::lemma_noun(w));
  return n && n->first_kinds.person;
}

namespace {

// A plural of a noun WordNet knows for people ("Proponents, including
// ..."): capitalised at a sentence's start, still no name.
bool plural_person_noun(std::string_view w) {
  const std::string lemma = language::lemma_noun(w);
  if (lemma == w) return false;
  const auto n = language::noun(lemma);
  return n && n->first_kinds.person;
}

// A one-word name WordNet knows first as a place and not a person
// ("Russia", which iso-codes calls the Russian Federation).
bool wordnet_place(const std::string& name) {
  const auto n = language::noun(name);
  return n && n->first_kinds.place && !n->first_kinds.person && n->first == language::NounClass::location;
}

// An appositive saying what kind of body the name is: "..., the agency
// that ...", "..., a shipping company" (its article, at most one word, the
// noun).
bool appositive_names_body(const Context& ctx, TokRange appositive) {
  // Its words up to a modifier after the head ("a charity based in X",
  // "the agency that ..."): the last is the head.
  std::vector<std::string_view> words;
  for (int i = appositive.b; i < appositive.e && words.size() < 6; ++i) {
    if (!ctx.is_word(i)) continue;
    const std::string_view w = ctx.low(i);
    // (a participle after the head too: "the firm running Tamsford Water")
    if (words.size() > 1 && (ctx.has(i, kPostmodifierWord) || w == "that" || w == "which" || w == "who" ||
                             w == "whose" || (w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed")))))
      break;
    words.push_back(w);
  }
  if (!words.empty() && words[0] == "which") return true;  // "Velder Agrosciences, which makes ..."
  if (words.size() < 2 || (words[0] != "the" && words[0] != "a" && words[0] != "an")) return false;
  // "a government backbencher" is a person
  auto person = [&](std::string_view w) { return ctx.lex.person_noun(w) || wordnet_person(w); };
  for (std::size_t k = 1; k < words.size(); ++k)
    if (person(words[k])) return false;
  // ("a monthly music magazine": the head, not "a retired appeals court
  // judge")
  return ctx.lex.is_org_head(words.back());
}

// Does a multi-word title starting in [b, i] run past token i (within e)?
bool title_through(const Context& ctx, int b, int i, int e) {
  const int longest = static_cast<int>(ctx.lex.longest_title_words());
  for (int s = std::max(b, i - longest + 1); s <= i; ++s) {
    std::string key;
    for (int k = s; k < std::min(e, s + longest); ++k) {
      if (k > s) key.push_back(' ');
      key.append(ctx.low(k));
      if (k > i && ctx.lex.is_title(key)) return true;
    }
  }
  return false;
}

// Classifies one conjunct (no "and", no appositive).
struct Conjunct {
  SourceCategory category = SourceCategory::unresolved;
  TokRange name;
  bool plural = false;
  bool pronoun = false;
};

}  // namespace

SourceInfo classify_source(const Context& ctx, TokRange np) {
  SourceInfo info;
  const auto& doc = ctx.doc;
  if (np.empty()) return info;

  // Head segment: up to the first comma (the rest is an appositive).
  int head_e = np.e;
  for (int i = np.b; i < np.e; ++i)
    if (ctx.is_comma(i)) {
      head_e = i;
      break;
    }
  TokRange appositive;
  if (head_e < np.e) {
    int ab = head_e + 1, ae = np.e;
    while (ae > ab && ctx.is_comma(ae - 1)) --ae;
    info.descriptors.role = join_surface(ctx, ab, ae);
    appositive = {ab, ae};
  }

  // Single pronoun.
  if (head_e - np.b == 1) {
    const std::string_view w = ctx.low(np.b);
    using P = SourceInfo::Pronoun;
    if (w == "he" || w == "she" || w == "him" || w == "her" || w == "i")
      info.pronoun = P::person;
    else if (w == "they" || w == "them" || w == "we" || w == "us")
      info.pronoun = P::plural;
    else if (w == "it")
      info.pronoun = P::thing;
    else if (w == "who" || w == "which")
      info.pronoun = P::relative;
    if (info.pronoun != P::none) {
      info.category = SourceCategory::unresolved;
      return info;
    }
  }

  // Document with named issuers: "X and Y in a joint statement".
  int in_doc = -1;
  for (int i = np.b; i + 1 < head_e; ++i) {
    if (ctx.low(i) == "in" || ctx.low(i) == "through" || ctx.low(i) == "via") {
      for (int j = i + 1; j < std::min(head_e, i + 5); ++j)
        if (ctx.has(j, kDocumentNounWord)) {
          in_doc = i;
          break;
        }
      if (in_doc >= 0) break;
    }
  }
  const int seg_e = in_doc >= 0 ? in_doc : head_e;

  // Split into conjuncts on "and" / "&".
  std::vector<TokRange> parts;
  int start = np.b;
  // "The former first lady and senator": two roles of one person.
  auto singular_person = [&](int i) {
    const PersonNoun* pn = ctx.lex.person_noun(ctx.low(i));
    return pn != nullptr && !pn->plural && !ctx.doc.tok(i).is(text::kCapitalized);
  };
  for (int i = np.b; i < seg_e; ++i) {
    if (ctx.is_word(i) && ctx.low(i) == "and" && i > np.b && i + 1 < seg_e && ctx.has(np.b, kDeterminerWord) &&
        !ctx.has(i + 1, kDeterminerWord) && singular_person(i - 1) && singular_person(seg_e - 1))
      continue;
    // ("Hobbin & Crane", "Ockley & Thwaite": "&" between capitalised words
    // joins a firm's name, not two speakers)
    if (ctx.is_punct(i, '&') && i > np.b && i + 1 < seg_e && doc.tok(i - 1).is(text::kCapitalized) &&
        doc.tok(i + 1).is(text::kCapitalized))
      continue;
    if ((ctx.is_word(i) && ctx.low(i) == "and") || ctx.is_punct(i, '&')) {
      // "Department of Health and Human Services": one body when the part
      // so far is "Name of/for Name" and a capitalised word follows.
      bool of_name = false;
      for (int k = start + 1; k + 1 < i && !of_name; ++k)
        of_name = (ctx.low(k) == "of" || ctx.low(k) == "for") && doc.tok(k - 1).is(text::kCapitalized) &&
                  doc.tok(k + 1).is(text::kCapitalized);
      if (of_name && i + 1 < seg_e && doc.tok(i + 1).is(text::kCapitalized) && doc.tok(i - 1).is(text::kCapitalized))
        continue;
      // "Carrick Fire and Rescue Service", "Food and Drug Administration":
      // one public body when capitalised words run from "and" to a public
      // body's head and none stands before "and".
      if (i > start && i + 1 < seg_e && doc.tok(i - 1).is(text::kCapitalized) &&
          doc.tok(i + 1).is(text::kCapitalized)) {
        bool head_before = false;
        for (int k = start; k < i; ++k) head_before = head_before || ctx.lex.is_org_head(ctx.low(k));
        int k = i + 1;
        // (through the apostrophe of a plural possessive: "the Ferry and Dock
        // Workers' Union")
        while (k + 1 < seg_e && k - i < 5) {
          if (doc.tok(k + 1).is(text::kCapitalized))
            ++k;
          else if (k + 2 < seg_e && ctx.plural_possessive_mark(k + 1))
            k += 2;
          else
            break;
        }
        if (!head_before && ctx.lex.is_public_body_head(ctx.low(k))) continue;
        // "the Ellesby and Dunstow Hospitals Trust": one word before "and",
        // the words after it ending in a body's head (not a company's:
        // "Tarvik and Holm Industries Inc." may be two companies)
        int words_before = 0;
        for (int w = start; w < i; ++w) words_before += ctx.is_word(w) && !ctx.has(w, kDeterminerWord);
        if (!head_before && words_before == 1 && k > i + 1 && ctx.lex.is_org_head(ctx.low(k)) &&
            !ctx.lex.is_company_head(ctx.low(k)))
          continue;
      }
      parts.push_back({start, i});
      start = i + 1;
    }
  }
  parts.push_back({start, seg_e});

  std::vector<Conjunct> cs;
  for (TokRange p : parts) {
    Conjunct c;
    // A trailing parenthesis ("Jane Doe (D-Md.)") is a label, not the head.
    if (p.e - p.b > 2 && ctx.is_punct(p.e - 1, ')')) {
      int o = p.e - 2;
      while (o > p.b && !ctx.is_punct(o, '(')) --o;
      if (o > p.b) p.e = o;
    }
    int b = p.b;
    // Determiners, quantifiers.
    while (b < p.e && ctx.is_word(b) && ctx.has(b, kDeterminerWord)) {
      if (ctx.low(b) == "the" || ctx.low(b) == "these" || ctx.low(b) == "those" || ctx.low(b) == "this")
        info.definite = true;
      if (ctx.low(b) == "these" || ctx.low(b) == "those") c.plural = true;  // "those close to him"
      ++b;
    }
    for (int n = 3; n >= 1; --n) {
      if (b + n > p.e) continue;
      std::string key;
      for (int k = b; k < b + n; ++k) {
        if (k > b) key.push_back(' ');
        key.append(ctx.low(k));
      }
      if (auto q = ctx.lex.quantifier(key)) {
        if (*q)
          info.descriptors.count = **q;
        else
          info.descriptors.count_word = key;
        if (!*q || **q > 1) c.plural = true;
        b += n;
        break;
      }
    }
    // (an age is no count: "the 54-year-old" is one person, described)
    const bool age = b < p.e && (ctx.low(b).ends_with("-old") || ctx.low(b).ends_with("-olds"));
    if (b < p.e && doc.tok(b).is(text::kDigit) && !age) {
      try {
        info.descriptors.count = std::stoi(std::string(doc.surface(b)));
        c.plural = info.descriptors.count > 1;
      } catch (...) {
      }
      ++b;
    }
    if (b >= p.e) {
      c.category = c.plural ? SourceCategory::unnamed_group : SourceCategory::unresolved;
      cs.push_back(c);
      continue;
    }
    // Head noun: the last word before a post-modifier ("of", "for", "with", "familiar", "close", "who",
    // "by": "a report by the finance office" is a document).
    int head = p.e - 1;
    for (int i = b; i < p.e; ++i) {
      const std::string_view w = ctx.low(i);
      // "of" inside a title ("Secretary of State John Kerry") is no post-modifier.
      if (w == "of" && title_through(ctx, b, i, p.e)) continue;
      // After a document, a participle ("a memo seen by the paper") or a
      // clause of its own ("a filing the company made", "a survey it
      // commissioned") describes it.
      if (i > b && ctx.has(i - 1, kDocumentNounWord) && !doc.tok(i - 1).is(text::kCapitalized) &&
          (((w.ends_with("ed") || w.ends_with("en")) && w.size() >= 4) || ctx.has(i, kDeterminerWord) ||
           ctx.lex.is(w, kSubjectPronounWord) || ctx.is_name_token(i))) {
        head = i - 1;
        break;
      }
      if (i > b && (w == "of" || w == "for" || w == "with" || w == "at" || w == "from" || w == "in" || w == "on" ||
                    w == "familiar" || w == "close" || w == "who" || w == "involved" || w == "issued" ||
                    w == "released" || w == "published" || w == "signed" || w == "briefed" || w == "knowledgeable" ||
                    w == "to" || w == "inside" || w == "within" || w == "by" || w == "that" || w == "which")) {
        head = i - 1;
        // "a complaint filed by the commission": the participle is no head
        const std::string_view before = ctx.low(head);
        if (w == "by" && head > b && before.size() > 4 && (before.ends_with("ed") || before.ends_with("en")) &&
            !ctx.is_name_token(head))
          --head;
        break;
      }
    }
    while (head > b && !ctx.is_word(head)) --head;
    head = before_letters(ctx, b, head + 1) - 1;
    const std::string_view hw = ctx.low(head);
    // ("Opposition MPs", "Labour councillors": a title's plural heads a group)
    const bool plural_title = hw.size() > 2 && hw.back() == 's' && ctx.lex.is_title(hw.substr(0, hw.size() - 1));
    if (plural_title) c.plural = true;
    const bool head_is_name = ctx.is_name_token(head) && !ctx.lex.person_noun(hw) && !ctx.lex.is_org_head(hw) &&
                              !plural_title && !(head == b && ctx.has(head, kTitleWord)) &&  // "PM" alone is a role
                              !ctx.lex.is_document_noun(hw) && !ctx.has(head, kDeterminerWord | kPronounWord) &&
                              !(head == p.b && sentence_start(ctx, head) && plural_person_noun(hw));

    // Modifiers before the head: ranks, affiliations, titles.
    std::string affiliation;
    int last_title = -1, last_rank = -1;
    for (int i = b; i < head; ++i) {
      const std::string_view w = ctx.low(i);
      if (ctx.lex.is_rank(w)) {
        info.descriptors.rank = std::string(doc.surface(i));
        last_rank = i;  // "Tramways Chief Fenna Holloway": the name starts after it
        continue;
      }
      // Multi-word titles ("prime minister").
      bool title = false;
      for (int n = static_cast<int>(ctx.lex.longest_title_words()); n >= 1; --n) {
        if (i + n > head + (head_is_name ? 0 : 1)) continue;
        std::string key;
        for (int k = i; k < i + n; ++k) {
          if (k > i) key.push_back(' ');
          std::string_view lk = ctx.low(k);
          if (!lk.empty() && lk.back() == '.') lk.remove_suffix(1);
          key.append(lk);
        }
        // (a plural title before several names: "Councillors Jane Doe, ...")
        if (ctx.lex.is_title(key) ||
            (n == 1 && key.size() > 3 && key.back() == 's' && ctx.lex.is_title(key.substr(0, key.size() - 1)))) {
          last_title = i + n - 1;
          i += n - 1;
          title = true;
          break;
        }
      }
      if (title) continue;
    }
    // Name run: name tokens ending at the head, after the last title.
    if (head_is_name) {
      int nb = head;
      // A capitalised noun for a person ends the titles too: "Chief
      // Financial Officer Jane Doe", "Town Manager Jane Doe".
      while (nb - 1 >= b && nb - 1 > last_title && nb - 1 > last_rank && !ctx.lex.person_noun(ctx.low(nb - 1)) &&
             (ctx.is_name_token(nb - 1) || ctx.low(nb - 1) == "van" || ctx.low(nb - 1) == "von" ||
              ctx.low(nb - 1) == "de" ||
              (ctx.is_punct(nb - 1, '&') && nb - 2 >= b && ctx.is_name_token(nb - 2))))  // "Hobbin & Crane"
        --nb;
      c.name = {nb, head + 1};
      if (last_title >= 0)
        info.descriptors.role =
            info.descriptors.role.empty() ? join_surface(ctx, b, last_title + 1) : info.descriptors.role;
      std::string nm = join_surface(ctx, nb, head + 1);
      const bool label =
          std::find(ctx.speaker_labels.begin(), ctx.speaker_labels.end(), np) != ctx.speaker_labels.end();
      // A country or region speaking is its government: an organisation.
      const bool org = ctx.lex.is_known_org(nm) || (c.name.size() == 1 && is_acronym(ctx, nb) && !label) ||
                       (head > nb && ctx.lex.is_org_head(hw)) || named_as_body_elsewhere(ctx, nb, head + 1) ||
                       // "the Coalfield Inspectorate", "the Velmland Coastguard"
                       (head > nb && !ctx.ends_other_full_name(head, nb) && wordnet_body(hw)) ||
                       // partners' names joined by "&": "Hobbin & Crane"
                       (head > nb + 1 && ctx.is_punct(head - 1, '&')) ||
                       // after a company's kind: "Rail operator Valleylink", "the carmaker Volvo"
                       (nb > b && last_title < nb - 1 && ctx.lex.is_trade_head(ctx.low(nb - 1)) &&
                        !doc.tok(nb - 1).is(text::kCapitalized)) ||
                       (language::place(nm).has_value() && !(c.name.size() == 1 && ctx.ends_full_name(nb))) ||
                       (c.name.size() == 1 && !label && !ctx.ends_full_name(nb) &&
                        (wordnet_place(nm) || ctx.names_place_elsewhere(nb))) ||
                       (!label && last_title < 0 && ctx.owns_company_parts(nb)) ||
                       (c.name.size() == 1 && !label && last_title < 0 && ctx.opens_body_name(nb)) ||
                       // the outlet of the dateline ("the agency has learned" in its own story)
                       (ctx.out.dateline && !ctx.out.dateline->outlet.empty() && nm == ctx.out.dateline->outlet) ||
                       appositive_names_body(ctx, appositive);
      // "the Kellmouth Chamber of Commerce", "Tarn College of Art": a name
      // going on through "of" and a capitalised word is a body's (a title
      // before "of", as in "the Duke of Arden", is no name head)
      int of_end = head + 1;
      if (of_end + 1 < p.e && ctx.low(of_end) == "of" && ctx.is_name_token(of_end + 1) &&
          !doc.tok(of_end + 1).is(text::kAllCaps)) {
        of_end += 2;
        while (of_end < p.e && ctx.is_name_token(of_end)) ++of_end;
        c.name = {nb, of_end};
      }
      c.category = org || of_end > head + 1 ? SourceCategory::named_organization : SourceCategory::named_person;
      // "the Clinton campaign": a proper name modifying an organisation head.
    } else if (ctx.lex.is_org_head(hw) && !(ctx.lex.is_document_noun(hw) && !doc.tok(head).is(text::kCapitalized))) {
      c.category = SourceCategory::named_organization;
      int nb = b;
      while (nb < head && ctx.has(nb, kRankWord)) ++nb;
      // "Finland's Ministry of ...": the possessor is not part of the name.
      if (nb < head && doc.tok(nb + 1).is(text::kCapitalized)) {
        const std::string_view w0 = ctx.low(nb);
        if (w0.size() > 2 && w0.ends_with("'s")) ++nb;
      }
      int ne = head + 1;
      // "the Department for Transport", "the Bank of England": a capitalised
      // head's name goes on through "of" / "for" and the capitalised words after.
      if (doc.tok(head).is(text::kCapitalized))
        while (ne + 1 < p.e && (ctx.low(ne) == "of" || ctx.low(ne) == "for" || ctx.low(ne) == "and") &&
               ctx.is_name_token(ne + 1)) {
          ne += 2;
          while (ne < p.e && ctx.is_name_token(ne)) ++ne;
        }
      c.name = {nb, ne};
      if (hw.size() > 1 && hw.back() == 's' && ctx.lex.person_noun(hw)) c.plural = true;

    } else if (doc.tok(head).is(text::kCapitalized) && ctx.is_name_token(b) && ctx.owns_company_parts(b)) {
      // "Talvik Motion" when "Talvik's board" is written elsewhere
      c.category = SourceCategory::named_organization;
      c.name = {b, head + 1};
    } else if (ctx.lex.is_document_noun(hw)) {
      c.category = SourceCategory::document;
    } else if (const PersonNoun* pn = ctx.lex.person_noun(hw)) {
      // "one of the diplomats" is one person.
      c.plural = (c.plural || pn->plural) && info.descriptors.count.value_or(0) != 1;
      c.category = c.plural ? SourceCategory::unnamed_group : SourceCategory::unnamed_person;
      info.head = std::string(hw);
    } else {
      // A head the word tables do not know: what WordNet says its first
      // sense names ("the cabinet": a body; "the memo": a document); else
      // plural-looking words are groups.
      const std::string lemma = language::lemma_noun(hw);
      const auto wn = language::noun(lemma);
      const bool plural = lemma != hw || (hw.size() > 3 && hw.back() == 's' && hw[hw.size() - 2] != 's');
      c.plural = c.plural || plural;
      if (wn && wn->first_kinds.organisation && !wn->first_kinds.person) {
        c.category = SourceCategory::named_organization;
      } else if (wn && wn->first_kinds.document) {
        c.category = SourceCategory::document;
      } else {
        c.category = c.plural ? SourceCategory::unnamed_group : SourceCategory::unnamed_person;
      }
      info.head = std::string(hw);
    }
    // Affiliation: capitalised or affiliation words among the modifiers.
    if (c.category == SourceCategory::unnamed_person || c.category == SourceCategory::unnamed_group ||
        c.category == SourceCategory::document) {
      int ab = -1, ae = -1;
      for (int i = b; i < head; ++i) {
        const std::string_view w = ctx.low(i);
        const bool aff = (ctx.is_name_token(i) && !ctx.lex.is_rank(w)) || ctx.lex.is_affiliation_word(w);
        if (aff && !ctx.lex.is_title(w)) {
          if (ab < 0) ab = i;
          ae = i + 1;
        } else if (ab >= 0 && !(w == "-" || ctx.low(i) == "of")) {
          // keep only the first run
          if (ae > 0) break;
        }
      }
      if (ab >= 0) affiliation = join_surface(ctx, ab, ae);
      if (!affiliation.empty() && info.descriptors.affiliation.empty()) info.descriptors.affiliation = affiliation;
    }
    if (info.head.empty()) info.head = std::string(hw);
    // "Shipping companies say", "several airlines said": bodies no one
    // names, a group; "the two companies", "both governments" are the
    // bodies the story names.
    if (c.category == SourceCategory::named_organization && !doc.tok(head).is(text::kCapitalized) && !info.definite &&
        ctx.low(p.b) != "both" && language::lemma_noun(hw) != hw) {
      c.category = SourceCategory::unnamed_group;
      c.plural = true;
      c.name = {};
    }
    cs.push_back(c);
  }

  // Combine conjuncts.
  bool any_unnamed = false, all_person = true, all_org = true;
  for (const Conjunct& c : cs) {
    if (c.category == SourceCategory::unnamed_person || c.category == SourceCategory::unnamed_group) any_unnamed = true;
    if (c.category != SourceCategory::named_person) all_person = false;
    if (c.category != SourceCategory::named_organization) all_org = false;
    if (!c.name.empty()) {
      info.names.push_back(c.name);
      info.name_categories.push_back(c.category);
    }
    info.plural = info.plural || c.plural;
  }
  if (cs.size() > 1) info.plural = true;
  // "the mayor, Jane Doe": a role, then the name as its appositive; of
  // several appositives, the last ("The first witness, the hospice's
  // finance manager, Ruth Ellery"). After a body described ("the charity
  // that now runs it, Safe Harbour Hollin") or before an organisation's head
  // ("the grid operator, Northern Valley Networks"), the name is a body's.
  const bool described_body = cs.size() == 1 && cs[0].category == SourceCategory::named_organization && in_doc < 0 &&
                              (cs[0].name.empty() || !doc.tok(cs[0].name.e - 1).is(text::kCapitalized));
  if (cs.size() == 1 && (cs[0].category == SourceCategory::unnamed_person || described_body) && head_e < np.e) {
    int ae = np.e;
    while (ae > head_e + 1 && ctx.is_comma(ae - 1)) --ae;
    int ab = ae;
    while (ab > head_e + 1 && !ctx.is_comma(ab - 1)) --ab;
    // (an age, a relative clause or a description after the name: "...,
    // Augustin Mellor, now 89", "..., Jo Doe, 74, who holds a badge",
    // "The mediator, Jo Doe, a former judge")
    for (int skipped = 0; skipped < 2 && ab - 1 > head_e + 1; ++skipped) {
      bool age = ae > ab;
      for (int i = ab; i < ae && age; ++i)
        age = doc.tok(i).is(text::kDigit) || ctx.low(i) == "now" || ctx.low(i) == "aged";
      // (a determiner and a lower-case word: "a guide in the Vessary range")
      const bool described = ae - ab >= 2 && ctx.has(ab, kDeterminerWord) && ctx.is_word(ab + 1) &&
                             !doc.tok(ab + 1).is(text::kCapitalized);
      const std::string_view first = ae > ab ? ctx.low(ab) : std::string_view();
      if (!age && !described && first != "who" && first != "whose") break;
      ae = ab - 1;
      ab = ae;
      while (ab > head_e + 1 && !ctx.is_comma(ab - 1)) --ab;
    }
    const int role_e = ab - 1;  // the comma before the name
    // a description before the name in its appositive: "the sculptor
    // Augustin Mellor", "a veteran barrister, Jo Roe" (a person's noun in it)
    if (!described_body && ae - ab > 2 && ctx.has(ab, kDeterminerWord)) {
      int k = ab + 1;
      bool person = false;
      while (k < ae && ctx.is_word(k) && !doc.tok(k).is(text::kCapitalized)) {
        person = person || ctx.lex.person_noun(ctx.low(k)) || ctx.has(k, kTitleWord) || wordnet_person(ctx.low(k));
        ++k;
      }
      if (person && k < ae && k > ab + 1) ab = k;
    }
    // a title before the name ("the chief executive, Dr Jane Doe")
    auto title = [&](int i) {
      std::string_view w = ctx.low(i);
      if (w.ends_with('.')) w.remove_suffix(1);  // "Dr." as one token
      return ctx.has(i, kTitleWord) || ctx.lex.is_title(w);
    };
    while (!described_body && ae - ab > 1 && ctx.is_word(ab) && title(ab) && doc.tok(ab).is(text::kCapitalized)) {
      ++ab;
      if (ab < ae && ctx.is_punct(ab, '.')) ++ab;
    }
    ae = before_letters(ctx, ab, ae);
    bool names = ae > ab && ae - ab <= 4;
    for (int i = ab; i < ae && names; ++i)
      names = ctx.is_name_token(i) && !ctx.has(i, kPersonNounWord | kOrgHeadWord | kTitleWord);
    bool body = !names && ae > ab + 1 && ae - ab <= 5 && ctx.lex.is_org_head(ctx.low(ae - 1));
    for (int i = ab; i < ae && body; ++i) body = ctx.is_name_token(i);
    if (names || body) {
      const SourceCategory cat =
          body || described_body ? SourceCategory::named_organization : SourceCategory::named_person;
      const bool described_name = !cs[0].name.empty();  // "grid operator": the name replaces it
      cs[0].category = cat;
      cs[0].name = {ab, ae};
      if (described_name && !info.names.empty()) {
        info.names.back() = cs[0].name;
        info.name_categories.back() = cat;
      } else {
        info.names.push_back(cs[0].name);
        info.name_categories.push_back(cat);
      }
      info.descriptors.role = join_surface(ctx, np.b, role_e);
    }
  }
  if (in_doc >= 0) {
    info.category = SourceCategory::document;
  } else if (cs.size() == 1) {
    info.category = cs[0].category;
  } else if (any_unnamed) {
    info.category = SourceCategory::unnamed_group;
  } else if (all_person) {
    info.category = SourceCategory::named_person;
  } else if (all_org) {
    info.category = SourceCategory::named_organization;
  } else {
    info.category = cs[0].category == SourceCategory::unresolved ? SourceCategory::named_person : cs[0].category;
  }
  return info;
}

}  // namespace claimtrail::extract
