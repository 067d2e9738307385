// Entity resolution across an article: one entity per person, body, group or
// document, with every mention ("Jane Doe", "Doe", "she"; "three officials",
// "the officials") linked to it.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "extract/context.hpp"
#include "util/ascii.hpp"

namespace claimtrail::extract {

namespace {

using core::SourceCategory;

struct Known {
  SourceCategory category;
  std::string key;   // surname / normalised name / head noun + affiliation
  std::string head;  // for unnamed: head noun
  bool plural = false;
};

class Resolver {
 public:
  explicit Resolver(Context& ctx) : ctx_(ctx) {}

  // A person named later as a source, for a description that comes before
  // any name ("The housing minister has acknowledged ... Jane Doe told ...").
  struct Ahead {
    std::size_t pos;
    TokRange name;
    std::string role;  // lower-cased: the titles and appositive given with the name
    // A name opening its noun phrase ("Jane Doe, 56, said") gives no titles:
    // its role is then taken to be what the article goes on to say from
    // there (the byte where the phrase starts).
    std::optional<std::size_t> role_from;
  };
  // The sources (byte position, noun phrase), in text order, from which
  // ahead() is built when first needed.
  void set_sources(std::vector<std::pair<std::size_t, TokRange>> sources) { sources_ = std::move(sources); }

  // A person named outside any source: a later pronoun may refer to them.
  // One word is a surname only when it is one of a person known already or
  // named in full somewhere in the article ("Doe" after "Jane Doe").
  void mentioned(TokRange name) {
    const int n = name.size() - (ctx_.doc.tok(name.b).is(text::kTitleAbbrev) ? 1 : 0);
    if (n == 1 && !by_surname_.contains(std::string(ctx_.low(name.e - 1))) &&
        fullest({name.e - 1, name.e}).find(' ') == std::string::npos)
      return;
    candidate_ = name;
    candidate_pos_ = ctx_.doc.tok(name.b).start;
  }

  // Resolves one source NP; fills `src` (category, entity, entities,
  // descriptors). A `reported` source (of what another's content reports:
  // "a police sergeant had told her that ...") is no antecedent of a later
  // pronoun unless it is named.
  // `content`: what the source says, when it is an attribution's (a
  // pronoun is not someone its own quotation talks about by name).
  // `speaker`: for "he" or "she" inside a quotation, the entity whose
  // quotation it is (a speaker calls herself "I": the pronoun is someone
  // else), else -1.
  // `turn`: in an exchange of questions and answers, whether the
  // attribution asks a question or answers one.
  enum class Turn { none, question, answer };
  void resolve(TokRange np, core::Source& src, bool reported = false, std::span<const TokRange> content = {},
               int speaker = -1, Turn turn = Turn::none) {
    content_ = content;
    speaker_ = speaker;
    content_words_.clear();
    content_scanned_ = false;
    // ("'When did you know?' asked the chair, Jo Roe. 'At 4.20,' Doe
    // replied. 'And when did you tell the public?' she asked. 'At 8.41,' he
    // said.": "she" asks again, "he" answers again)
    const int gender = pronoun_gender(np);
    const int turn_taker = turn == Turn::question ? asker_ : turn == Turn::answer ? answerer_ : -1;
    if (turn_taker >= 0 && gender != 0 && sex_of(turn_taker) != 3 - gender &&
        (turn == Turn::question || turn_taker != asker_)) {
      src.category = ctx_.out.entities[static_cast<std::size_t>(turn_taker)].category;
      src.anonymous = false;
      link(turn_taker, ctx_.span(np), src);
    } else {
      resolve_one(np, src, reported);
    }
    if (turn == Turn::question && src.entity >= 0) asker_ = src.entity;
    if (turn == Turn::answer && src.entity >= 0 && src.entity != asker_) answerer_ = src.entity;
    // (a pronoun in what someone else reports is no evidence: "He told me
    // ...", in a witness's words)
    if (src.entity >= 0 && !(reported && gender != 0)) learn_gender(src.entity, np);
  }

 private:
  void resolve_one(TokRange np, core::Source& src, bool reported) {
    reported_ = reported;
    SourceInfo info = classify_source(ctx_, np);
    // A person named since the last named source becomes an entity when a
    // pronoun or a description may refer to them.
    // ("'Losing Petheridge's would hurt,' she said": a name inside the
    // pronoun's own quotation is what she talks about, not who she is; in
    // reported speech it may well be the speaker: "Bobby Kotick will stay
    // on, he told staff")
    if (!candidate_.empty() && (info.pronoun == SourceInfo::Pronoun::person ||
                                (info.category == SourceCategory::unnamed_person && info.definite))) {
      if ((last_named_person_ < 0 || last_pos(last_named_person_) < candidate_pos_) && !quoted_in_content(candidate_)) {
        const SourceInfo cand = classify_source(ctx_, candidate_);
        if (cand.category == SourceCategory::named_person && cand.names.size() == 1) {
          const int e = named(cand.names[0], SourceCategory::named_person, cand);
          add_mention(e, ctx_.span(cand.names[0]));
          learn_gender(e, candidate_);
          last_named_person_ = e;
        }
      }
      candidate_ = {};
    }
    src.descriptors = info.descriptors;
    const core::Span mention = ctx_.span(np);
    // An interview's "Q:" whose asker the introduction names ("The
    // questions, marked Q, were put by Jane Doe"): that person or body.
    if (const TokRange asker = defined_label(np); !asker.empty()) {
      const SourceInfo who = classify_source(ctx_, asker);
      src.category = who.category;
      src.anonymous = false;
      link(named(asker, who.category, who), mention, src);
      return;
    }
    if (info.pronoun != SourceInfo::Pronoun::none) {
      const int gender = pronoun_gender(np);
      int e = antecedent(info.pronoun, mention.start, gender);
      // ("'Peregrine read the numbers twice,' he says": not Peregrine)
      if (e >= 0 && info.pronoun == SourceInfo::Pronoun::person && named_in_content(e))
        e = latest_person_but(e, gender);
      // ("My mum was a nurse here. She said to me, '...'", in a nurse's
      // words: "She" is her mother, described earlier in the quotation;
      // "He told me, '...'", in a wife's words: not the wife)
      if (speaker_ >= 0 && info.pronoun == SourceInfo::Pronoun::person) {
        if (const TokRange earlier = described_in_quotation(np, gender); !earlier.empty()) {
          // (resolved as a source would be: "the manager" is the one the
          // article named with that role, "A pensioner" someone new)
          core::Source described;
          const int speaker = std::exchange(speaker_, -1);
          resolve_one(earlier, described, true);
          speaker_ = speaker;
          reported_ = true;
          e = described.entity;
        } else if (const int in_paragraph =
                       named_before(np.b, speaker_, gender, ctx_.doc.paragraphs()[ctx_.doc.tok(np.b).para].first_tok);
                   in_paragraph >= 0) {
          // the person the speaker's paragraph names last ("I told Thea I
          // was too old, and she said, '...'")
          e = in_paragraph;
        } else if (e == speaker_) {
          // the person the text named last ("Merriweather said Pillinger
          // texted his brother. 'He wrote, ...,' the prosecutor said"), else
          // unresolved rather than the speaker
          e = named_before(np.b, speaker_, gender);
        }
      }
      if (e >= 0) {
        src.category = ctx_.out.entities[static_cast<std::size_t>(e)].category;
        // (someone a quotation's speaker tells of is not who the story's
        // next "he" or "she" means)
        const bool told_of = speaker_ >= 0 && info.pronoun == SourceInfo::Pronoun::person && e != speaker_;
        link(e, mention, src, !told_of);
      } else {
        src.category = SourceCategory::unresolved;
      }
      src.anonymous = src.category == SourceCategory::unnamed_person || src.category == SourceCategory::unnamed_group;
      return;
    }
    src.category = info.category;
    src.anonymous = src.category == SourceCategory::unnamed_person || src.category == SourceCategory::unnamed_group;
    // "both sides", "the two governments": the pair the text named last
    // ("Tellmar and Rovenia", "the union and the trust").
    if (TokRange pair = pair_for(np); !pair.empty()) {
      if (ctx_.low(pair.b) == "the" && pair.size() > 1) ++pair.b;
      // two bodies the text names speak on the record ("Both sides said"
      // after "the Growers' Association and Cardle Valley Water")
      if ((src.category == SourceCategory::unnamed_group || src.category == SourceCategory::unnamed_person) &&
          classify_source(ctx_, pair).category == SourceCategory::named_organization) {
        src.category = SourceCategory::named_organization;
        src.anonymous = false;
      }
      const core::Span first = ctx_.span(pair);
      const std::string name(ctx_.doc.text().substr(first.start, first.size()));
      int e = -1;
      if (const auto it = pairs_.find(name); it != pairs_.end()) e = it->second;
      if (e < 0) {
        e = add_entity(first, src.category, "", "", true, info);
        add_mention(e, first);
        pairs_.emplace(name, e);
      }
      link(e, mention, src);
      return;
    }
    if (src.category == SourceCategory::named_person || src.category == SourceCategory::named_organization ||
        (src.category == SourceCategory::document && !info.names.empty())) {
      // One entity per name; a document's issuers are its entities.
      int first = -1;
      if (src.category == SourceCategory::document) {
        first = add_entity(mention, SourceCategory::document, "doc:" + std::to_string(mention.start), "", false, info);
        link(first, mention, src);
      }
      for (std::size_t k = 0; k < info.names.size(); ++k) {
        const TokRange n = info.names[k];
        const SourceCategory cat = info.name_categories[k];
        const int e = named(n, cat, info);
        if (first < 0) {
          first = e;
          link(e, ctx_.span(n), src);
        } else {
          src.entities.push_back(e);
          add_mention(e, ctx_.span(n), /*always=*/true);
        }
      }
      if (first < 0) {  // an organisation without a proper name ("the ministry")
        // ("the inspectorate" after "the Coalfield Inspectorate": the body
        // named with that head)
        int e = -1;
        if (src.category == SourceCategory::named_organization && info.definite && !info.head.empty())
          e = named_body_for(singular(info.head), info.plural, true, mention.start);
        if (e < 0) e = by_head(info, src.category, mention, np.b);
        link(e, mention, src);
      }
      return;
    }
    // "The interior minister" after "talks between ... and Jane Doe,
    // Lennmark's interior minister": a definite description of one person
    // refers to the latest person named with every word of it in their
    // titles or appositive, wherever they were named.
    const std::string_view first = ctx_.low(np.b);
    // "his manager", "Quenby's chief executive"
    const bool possessed = first == "his" || first == "her" || first == "their" ||
                           (np.size() > 1 && ctx_.doc.tok(np.b).is(text::kCapitalized) && ctx_.possessive(np.b));
    // (Also a noun that mostly stands for a withheld identity, when the
    // article named someone with it: "Jo Roe, an analyst at X" and then
    // "the analyst".)
    if (src.category == SourceCategory::unnamed_person && (info.definite || possessed) && !info.plural) {
      if (const Ahead* a = latest_with_role(mention.start, np)) {
        src.category = SourceCategory::named_person;
        src.anonymous = false;
        link(named(a->name, SourceCategory::named_person, classify_source(ctx_, a->name)), mention, src);
        return;
      }
    }
    // "the regulator", "the watchdog": the public body the text named, not a
    // person (WordNet knows a regulator first as an official).
    if (src.category == SourceCategory::unnamed_person && info.definite && !info.plural && regulator_noun(info.head))
      if (const int body = named_body_for(info.head, false, true, mention.start); body >= 0) {
        src.category = SourceCategory::named_organization;
        src.anonymous = false;
        link(body, mention, src);
        return;
      }
    // "The two, a crane driver and a lasher, spoke on condition of
    // anonymity. ... the lasher said": the one the text introduced with that
    // noun, though not as a source. (Not an appositive of someone named:
    // "Jo Roe, a 29-year-old fisherman, ... the fisherman said" is Jo Roe.)
    if (src.category == SourceCategory::unnamed_person && info.definite && !info.plural && !info.head.empty() &&
        !known_head(info.head) && !info.head.ends_with("-year-old"))
      if (const TokRange intro = earlier_indefinite(np.b, singular(info.head));
          !intro.empty() && !(intro.b >= 2 && ctx_.is_comma(intro.b - 1) && ctx_.is_name_token(intro.b - 2))) {
        const int e =
            add_entity(ctx_.span(intro), src.category, info.descriptors.affiliation, singular(info.head), false, info);
        add_mention(e, ctx_.span(intro));
        link(e, mention, src);
        return;
      }
    // "the New York businessman", "the former secretary": a definite
    // description of one person, with no earlier mention of its kind, refers
    // back to the last named person.
    // (Not in what someone reports: "the sergeant told me" in Ada Penn's
    // quotation is someone else.)
    if (src.category == SourceCategory::unnamed_person && info.definite && !info.plural && last_named_person_ >= 0 &&
        !reported_ && !ctx_.lex.is_anonymous_noun(info.head) && !known_head(info.head)) {
      src.category = SourceCategory::named_person;
      src.anonymous = false;
      link(last_named_person_, mention, src);
      return;
    }
    // The same description before anyone is named: the person named next
    // with that title, or (for "the minister" in the body) named as a source
    // within the next two sentences.
    // So is a news lede's "A former party chairman says ..." or "..., the
    // candidate's former doctor maintains", its speaker named in the next
    // sentences.
    const bool headline = np.b < ctx_.headline_end_tok;
    // (not one a relative clause describes: "A nurse who asked not to be
    // named" is no one named later)
    bool described = false;
    for (int t = np.b; t < np.e && !described; ++t) described = ctx_.low(t) == "who";
    const bool lede =
        !headline && !described && sentences_between(ctx_.doc.tok(ctx_.body_first_tok).start, mention.start) == 0;
    if (src.category == SourceCategory::unnamed_person && (info.definite || headline || lede) && !info.plural &&
        last_named_person_ < 0 &&
        (ctx_.lex.is_title(info.head) || ((lede || headline) && ctx_.lex.person_noun(info.head))) &&
        !ctx_.lex.is_anonymous_noun(info.head)) {
      const Ahead* target = next_with_role(mention.start, info.head);
      if (!target) {  // the person named next, in the next sentences (a headline's: of the story's first)
        const auto& all = ahead();
        const auto next = std::upper_bound(all.begin(), all.end(), mention.start,
                                           [](std::size_t v, const Ahead& a) { return v < a.pos; });
        const std::size_t from = headline ? ctx_.doc.tok(ctx_.body_first_tok).start : mention.start;
        if (next != all.end() && sentences_between(from, next->pos) <= 2) target = &*next;
      }
      if (target) {
        const SourceInfo named_info = classify_source(ctx_, target->name);
        src.category = SourceCategory::named_person;
        src.anonymous = false;
        link(named(target->name, SourceCategory::named_person, named_info), mention, src);
        return;
      }
    }
    const int e = by_head(info, src.category, mention, np.b);
    link(e, mention, src);
  }

  // Does the person `a` have the role `head`: among their titles and
  // appositive, or (a name with no titles) anywhere the article goes on
  // to say from where they are named? (The last place the word stands in
  // the article is found once per word: linear time.)
  bool has_role(const Ahead& a, const std::string& head) {
    if (a.role.find(head) != std::string::npos) return true;
    if (!a.role_from) return false;
    if (lower_text_.empty()) lower_text_ = util::ascii_lower(ctx_.doc.text());
    const auto [it, fresh] = last_seen_.try_emplace(head, std::string::npos);
    if (fresh) it->second = lower_text_.rfind(head);
    return it->second != std::string::npos && it->second >= *a.role_from;
  }

  const std::vector<Ahead>& ahead() {
    if (ahead_built_) return ahead_;
    ahead_built_ = true;
    for (const auto& [pos, np] : sources_) {
      const SourceInfo info = classify_source(ctx_, np);
      if (info.category != SourceCategory::named_person || info.names.size() != 1) continue;
      // The words before the name in the source ("Water Resources Minister") and its appositive.
      const TokRange words_before{np.b, info.names[0].b};
      std::string role;
      std::optional<std::size_t> role_from;
      if (words_before.empty()) {
        role_from = ctx_.doc.tok(np.b).start;
      } else {
        const core::Span before = ctx_.span(words_before);
        role = util::ascii_lower(ctx_.doc.text().substr(before.start, before.size()));
      }
      role += " " + util::ascii_lower(info.descriptors.role);
      ahead_.push_back({pos, info.names[0], std::move(role), role_from});
    }
    return ahead_;
  }

  // The first person named as a source after byte `pos` whose role holds
  // `head`, or null. Positions asked about only grow (sources are resolved
  // in text order), so each head's answer is remembered and searched for
  // again only past the point it was found: linear over the article.
  const Ahead* next_with_role(std::size_t pos, const std::string& head) {
    const auto& all = ahead();
    const auto lo = static_cast<std::size_t>(
        std::upper_bound(all.begin(), all.end(), pos, [](std::size_t v, const Ahead& a) { return v < a.pos; }) -
        all.begin());
    auto [it, fresh] = role_search_.try_emplace(head, lo, lo);  // (searched from, found at)
    auto& [from, found] = it->second;
    if (fresh || found < lo || from > lo) {
      from = lo;
      found = lo;
      while (found < all.size() && !has_role(all[found], head)) ++found;
    }
    return found < all.size() ? &all[found] : nullptr;
  }

  // Every person the article names with a role: titles before the name
  // ("Tarsovan Foreign Minister Ilka Varo") or an appositive after it
  // ("Arvid Soll, Lennmark's interior minister,"), in text order; built
  // once, when first needed.
  const std::vector<Ahead>& people() {
    if (people_built_) return people_;
    people_built_ = true;
    const auto& doc = ctx_.doc;
    const int n = doc.size();
    for (int i = 0; i < n && people_.size() < kMaxPeople; ++i) {
      if (!ctx_.is_name_token(i) || (i > 0 && ctx_.is_name_token(i - 1))) continue;
      int j = i;
      while (j < n && j - i < 8 && ctx_.is_name_token(j)) ++j;
      if (ctx_.has(i, kTimeWord | kDeterminerWord | kPronounWord)) continue;  // "January, the engineer said"
      int np_e = j;
      // an appositive: ", a retired judge," / ", Lennmark's interior minister."
      if (j + 1 < n && ctx_.is_comma(j) && ctx_.is_word(j + 1) &&
          (ctx_.has(j + 1, kDeterminerWord) || !doc.tok(j + 1).is(text::kCapitalized) || ctx_.possessive(j + 1))) {
        int k = j + 1;  // a noun phrase: no verb in it
        while (k < n && k - j <= 12 && ctx_.is_word(k) && !ctx_.has(k, kFiniteVerbWord) && !verb_of_saying(k)) ++k;
        if (k < n && (ctx_.is_comma(k) || ctx_.is_punct(k, '.')) && k - j <= 12) np_e = k;
      }
      // titles before the name in lower case: "Kilnmere manager Declan Fairweather"
      int np_b = i;
      while (np_b > 0 && i - np_b < 4 && ctx_.is_word(np_b - 1) &&
             (ctx_.lex.person_noun(ctx_.low(np_b - 1)) || ctx_.has(np_b - 1, kTitleWord | kRankWord) ||
              (np_b < i && ctx_.is_name_token(np_b - 1))))
        --np_b;
      // Only a run with some role is read: titles before or inside it, an
      // appositive after it, a role and a comma before it.
      bool titled = np_b < i || np_e > j || (i >= 2 && ctx_.is_comma(i - 1));
      for (int t = i; t < j && !titled; ++t)
        titled = ctx_.has(t, kTitleWord | kRankWord) || ctx_.lex.person_noun(ctx_.low(t)) ||
                 ctx_.doc.tok(t).is(text::kTitleAbbrev);
      if (!titled) {
        i = j - 1;
        continue;
      }
      const TokRange np{np_b, np_e};
      const SourceInfo info = classify_source(ctx_, np);
      if (info.category != SourceCategory::named_person || info.names.size() != 1) continue;
      const TokRange name = info.names[0];
      if (name.b == np.b && np_e == j && !(np.b >= 2 && ctx_.is_comma(np.b - 1))) continue;  // no role given
      std::string role = util::ascii_lower(info.descriptors.role);
      for (int t = np.b; t < name.b; ++t) role += " " + std::string(ctx_.low(t));
      // a role set before the name: "Marvenia's fisheries minister, Jorun Haldt,"
      if (np.b >= 2 && ctx_.is_comma(np.b - 1) && ctx_.is_word(np.b - 2) &&
          (ctx_.lex.person_noun(ctx_.low(np.b - 2)) || ctx_.has(np.b - 2, kTitleWord)))
        for (int t = np.b - 2; t >= 0 && np.b - t <= 7 && ctx_.is_word(t) && !ctx_.has(t, kFiniteVerbWord); --t) {
          role += " " + std::string(ctx_.low(t));
          if (ctx_.has(t, kDeterminerWord) || ctx_.possessive(t)) break;
        }
      people_.push_back({doc.tok(name.b).start, name, " " + role + " ", std::nullopt});
      i = j - 1;
    }
    return people_;
  }

  // A word that is mostly a verb of saying ("said", "told").
  bool verb_of_saying(int i) const {
    const CueEntry* c = ctx_.lex.cue(ctx_.low(i));
    return c && c->as_cue > 0 && c->p >= 0.5;
  }

  // The latest person named before byte `pos` whose role holds every word
  // of the description `np` but its determiner, or null. Descriptions come
  // in text order, so each one's search goes on from where it stopped:
  // linear over the article (up to kMaxRoleKeys distinct descriptions).
  // An age ("the 31-year-old captain") counts when a role gives one; else
  // the rest of the description is looked for (`without_age`).
  const Ahead* latest_with_role(std::size_t pos, TokRange np, bool without_age = false) {
    std::vector<std::string> words;
    std::string key;
    bool age = false;
    for (int t = np.b; t < np.e; ++t) {
      if (ctx_.is_comma(t)) break;
      if (!ctx_.is_word(t) || ctx_.has(t, kDeterminerWord)) continue;
      if (ctx_.low(t).ends_with("-year-old")) {
        age = true;
        if (without_age) continue;
      }
      std::string_view w = ctx_.low(t);
      w.remove_suffix(possessive_suffix(w));  // "Quenby's chief executive": quenby, chief, executive
      words.emplace_back(w);
      key += words.back() + " ";
    }
    if (words.empty() || words.size() > 4) return nullptr;
    auto it = role_latest_.find(key);
    if (it == role_latest_.end()) {
      if (role_latest_.size() >= kMaxRoleKeys) return nullptr;
      it = role_latest_.emplace(key, std::pair<std::size_t, int>{0, -1}).first;
    }
    const auto& all = people();
    auto& [next, found] = it->second;
    // "the minister" is not the prime minister, nor "the president" the vice
    // president: an office those words make another, unless the
    // description says them too.
    auto other_office = [&](const std::string& role, const std::string& w) {
      for (const char* m : {"prime", "vice", "deputy"})
        if (role.find(std::string(" ") + m + " " + w + " ") != std::string::npos &&
            std::find(words.begin(), words.end(), m) == words.end())
          return true;
      return false;
    };
    // A word of the description is in the role as it is, possessive, or as
    // the verb of a relative clause ("the finance committee chair" for
    // "..., who chairs the finance committee", "the union leader" for
    // "who leads the union").
    auto in_role = [](const std::string& role, const std::string& w) {
      // "the 54-year-old" for "Jane Doe, 54,"
      if (w.ends_with("-year-old") && w.find('-') > 0) {
        const std::string years = " " + w.substr(0, w.find('-'));
        return role.find(years + ",") != std::string::npos || role.find(years + " ") != std::string::npos;
      }
      for (const std::string& form :
           {w, w + "'s", w + "s", w.size() > 4 && w.ends_with("er") ? w.substr(0, w.size() - 2) + "s" : std::string()})
        if (!form.empty() && role.find(" " + form + " ") != std::string::npos) return true;
      return false;
    };
    for (; next < all.size() && all[next].pos < pos; ++next) {
      bool every = true;
      for (const auto& w : words) every = every && in_role(all[next].role, w) && !other_office(all[next].role, w);
      if (every) found = static_cast<int>(next);
    }
    if (found < 0 && age && !without_age && words.size() > 1) return latest_with_role(pos, np, true);
    return found >= 0 ? &all[static_cast<std::size_t>(found)] : nullptr;
  }

  // A short speaker label ("Q", "A") the text before the first label
  // defines: a sentence there holding the label as a word and a person's
  // or a body's name, the name just before the label ("The Courier's
  // questions are marked Q and Morrow's answers A"), else the nearest. A
  // name of one word stands for the fuller name the introduction gives it
  // ("Morrow" for "Ilse Morrow"). The introduction is read once.
  TokRange defined_label(TokRange np) {
    const auto& labels = ctx_.speaker_labels;
    if (np.size() != 1 || ctx_.doc.surface(np.b).size() > 2 ||
        std::find(labels.begin(), labels.end(), np) == labels.end())
      return {};
    if (!labels_read_) {
      labels_read_ = true;
      int first = labels.front().b;
      for (const TokRange& l : labels) first = std::min(first, l.b);
      auto short_word = [&](int t) { return ctx_.doc.surface(t).size() <= 2; };
      // each sentence's runs of name words in the introduction (no label among them)
      std::vector<std::pair<const text::Sentence*, std::vector<TokRange>>> runs;
      std::vector<TokRange> full;  // runs of two to four words
      for (const auto& sent : ctx_.doc.sentences()) {
        if (sent.first_tok >= first) break;
        const int e = std::min(sent.end_tok, first);
        auto& [of, found] = runs.emplace_back(&sent, std::vector<TokRange>{});
        for (int i = sent.first_tok; i < e;) {
          int j = i;
          while (j < e && ctx_.is_name_token(j) && !ctx_.has(j, kDeterminerWord) && !short_word(j)) ++j;
          if (j > i) found.push_back({i, j});
          if (j - i >= 2 && j - i <= 4) full.push_back({i, j});
          i = std::max(j, i + 1);
        }
      }
      auto fuller = [&](int t) -> TokRange {
        std::string_view w = ctx_.low(t);
        w.remove_suffix(possessive_suffix(w));
        for (const TokRange& f : full)
          if (ctx_.low(f.e - 1) == w) return f;
        return {};
      };
      auto speaker = [&](TokRange n) -> TokRange {
        const SourceInfo info = classify_source(ctx_, n);
        return (info.category == SourceCategory::named_person || info.category == SourceCategory::named_organization) &&
                       info.names.size() == 1
                   ? info.names[0]
                   : TokRange{};
      };
      for (const auto& [of, found] : runs) {
        const text::Sentence& sent = *of;
        const int e = std::min(sent.end_tok, first);
        std::vector<TokRange> names;  // runs of two to four name words, or one standing for such a run
        for (const TokRange& n : found)
          if ((n.size() >= 2 && n.size() <= 4) || (n.size() == 1 && n.b > sent.first_tok && !fuller(n.b).empty()))
            names.push_back(n);
        // "Interview by Jane Doe", "questions were asked by Jane Doe": the
        // person who asks, the transcript's "Q".
        for (const TokRange& n : names)
          if (interviewer_.empty() && n.size() >= 2 && n.b >= 2 && ctx_.low(n.b - 1) == "by")
            for (int k = n.b - 2; k >= std::max(sent.first_tok, n.b - 4); --k)
              if (ctx_.has(k, kInterviewWord)) {
                const SourceInfo info = classify_source(ctx_, n);
                if (info.category == SourceCategory::named_person && info.names.size() == 1)
                  interviewer_ = info.names[0];
                break;
              }
        int previous_label = sent.first_tok - 1;
        for (int t = sent.first_tok; t < e && !names.empty(); ++t) {
          const std::string_view w = ctx_.doc.surface(t);
          if (w.size() > 2 || !ctx_.is_word(t) ||
              !(ctx_.doc.tok(t).is(text::kAllCaps) || ctx_.doc.tok(t).is(text::kCapitalized)) ||
              (t + 1 < e && ctx_.is_punct(t + 1, ':')) || defined_labels_.contains(std::string(w)))
            continue;
          const TokRange* best = nullptr;
          // the nearest name between the label before and this one
          for (const TokRange& n : names)
            if (n.b > previous_label && n.e <= t && (!best || n.b > best->b)) best = &n;
          if (!best)
            for (const TokRange& n : names)
              if (n.b > t || n.e <= t) {
                const int d = n.b > t ? n.b - t : t - n.e;
                if (!best || d < (best->b > t ? best->b - t : t - best->e)) best = &n;
              }
          previous_label = t;
          if (!best) continue;
          const TokRange name = speaker(best->size() == 1 ? fuller(best->b) : *best);
          // "A." closing the sentence defines "A"
          if (!name.empty())
            defined_labels_.emplace(std::string(w.ends_with('.') ? w.substr(0, w.size() - 1) : w), name);
        }
      }
    }
    const auto it = defined_labels_.find(std::string(ctx_.doc.surface(np.b)));
    if (it != defined_labels_.end()) return it->second;
    return ctx_.doc.surface(np.b) == "Q" ? interviewer_ : TokRange{};
  }

  // How many sentences start in (from, to]: two binary searches.
  int sentences_between(std::size_t from, std::size_t to) const {
    const auto& sents = ctx_.doc.sentences();
    auto starts_after = [&](std::size_t byte) {
      return std::upper_bound(sents.begin(), sents.end(), byte, [&](std::size_t v, const text::Sentence& s) {
        return v < ctx_.doc.tok(s.first_tok).start;
      });
    };
    return to > from ? static_cast<int>(starts_after(to) - starts_after(from)) : 0;
  }

  bool known_head(const std::string& head) const { return heads_.count(singular(head)) > 0; }

  // Links the source to entity e; with `antecedent`, e is who a later
  // pronoun may mean.
  void link(int e, core::Span mention, core::Source& src, bool antecedent = true) {
    src.entity = e;
    if (std::find(src.entities.begin(), src.entities.end(), e) == src.entities.end())
      src.entities.insert(src.entities.begin(), e);
    add_mention(e, mention);
    if (!antecedent) return;
    const auto& ent = ctx_.out.entities[static_cast<std::size_t>(e)];
    const bool plural = known_[static_cast<std::size_t>(e)].plural;
    if (reported_ && ent.category == SourceCategory::unnamed_person) return;
    last_[static_cast<std::size_t>(slot(ent.category, plural))] = e;
    if (ent.category == SourceCategory::named_person && !plural) last_named_person_ = e;
  }

  static int slot(SourceCategory c, bool plural) {
    switch (c) {
      case SourceCategory::named_person:
        return plural ? 1 : 0;
      case SourceCategory::unnamed_person:
        return 0;
      case SourceCategory::unnamed_group:
        return 1;
      case SourceCategory::named_organization:
        return 2;
      case SourceCategory::document:
        return 3;
      default:
        return 4;
    }
  }

  // Is the mention at byte `a` in the sentence of byte `b` or the one before?
  bool close_before(std::size_t a, std::size_t b) const {
    const auto& sents = ctx_.doc.sentences();
    auto sentence_of = [&](std::size_t byte) {
      const auto it = std::upper_bound(sents.begin(), sents.end(), byte, [&](std::size_t v, const text::Sentence& s) {
        return v < ctx_.doc.tok(s.first_tok).start;
      });
      return it - sents.begin();
    };
    return sentence_of(b) - sentence_of(a) <= 1;
  }

  // What "he" or "she" says of the sex of the one it refers to: 1 a man, 2
  // a woman, 0 nothing ("I", or not a pronoun).
  int pronoun_gender(TokRange np) const {
    if (np.size() != 1) return 0;
    const std::string_view w = ctx_.low(np.b);
    return w == "he" || w == "him" || w == "his" ? 1 : w == "she" || w == "her" || w == "hers" ? 2 : 0;
  }

  // Learns the sex of person `e` from a mention of it: a pronoun that
  // refers to it, or an honorific or a noun for a man or a woman in the
  // noun phrase before any relative clause or possessive ("Ms Jane Doe",
  // "the union's chairman", "Jane Doe, a widow," but not "Jane Doe, whose
  // husband ...").
  void learn_gender(int e, TokRange np) {
    const auto ue = static_cast<std::size_t>(e);
    if (ue >= gender_.size() || gender_[ue] != 0) return;
    const auto cat = ctx_.out.entities[ue].category;
    if ((cat != SourceCategory::named_person && cat != SourceCategory::unnamed_person) || known_[ue].plural) return;
    if (const int g = pronoun_gender(np)) {
      gender_[ue] = static_cast<std::uint8_t>(g);
      return;
    }
    // (past a possessor: "Mr Doe's agent, Jo Roe" says nothing of Jo Roe's
    // sex, "Her husband, Jo Roe" does)
    int start = np.b;
    for (int t = np.b; t < np.e && t < np.b + 6 && !ctx_.is_comma(t); ++t) {
      const std::string_view w = ctx_.low(t);
      if (ctx_.possessive(t) || w == "his" || w == "her" || w == "their" || w == "my" || w == "our") start = t + 1;
    }
    for (int t = start; t < np.e && t < np.b + 12; ++t) {
      const std::string_view w = ctx_.low(t);
      if (w == "who" || w == "whose" || w == "which" || w == "that" || w == "his" || w == "her" || w == "their" ||
          (t > start && ctx_.possessive(t)))
        break;
      if (const int g = ctx_.lex.gender(w)) {
        gender_[ue] = static_cast<std::uint8_t>(g);
        return;
      }
    }
  }

  // Does the content being resolved name person `e` in the third person:
  // a word of the name standing alone ("Peregrine read the numbers"), not
  // inside a longer name or possessive ("Garside Looms", "Garside's")?
  bool named_in_content(int e) const {
    const auto& ent = ctx_.out.entities[static_cast<std::size_t>(e)];
    if (ent.category != SourceCategory::named_person || content_words().empty()) return false;
    for (std::string_view n = ent.name; !n.empty();) {
      const std::size_t sp = n.find(' ');
      const std::string_view w = n.substr(0, sp);
      if (w.size() > 1 && std::find(content_words_.begin(), content_words_.end(), w) != content_words_.end())
        return true;
      n = sp == std::string_view::npos ? std::string_view() : n.substr(sp + 1);
    }
    return false;
  }

  // The latest person a quotation makes the subject of one of its
  // sentences before `pronoun`: a determiner or possessive and a noun for a
  // person opening the sentence ("My mum was a nurse here.", "A pensioner
  // stopped me"), not of the other sex than `gender`; empty when there is
  // none.
  TokRange described_in_quotation(TokRange pronoun, int gender) const {
    const auto& doc = ctx_.doc;
    const int q = doc.tok(pronoun.b).quote;
    if (q < 0) return {};
    const int stop = std::max(0, pronoun.b - kMaxQuotationLookBack);
    const std::uint32_t para = doc.tok(pronoun.b).para;
    // (in this quotation or an earlier one of the paragraph: "'A pensioner
    // stopped me,' she said. 'She told me ...'")
    for (int s = pronoun.b - 1; s >= stop && doc.tok(s).para == para; --s) {
      // a sentence's start: after its opening quotation mark or a full stop
      if (!ctx_.is_word(s) || doc.tok(s).quote < 0 || (s > 0 && (ctx_.is_word(s - 1) || ctx_.is_comma(s - 1))))
        continue;
      // its subject: a determiner and a noun for a person opening it
      // (a determiner, possessives among them: determiners.tsv; not "No one")
      if (!ctx_.has(s, kDeterminerWord) || ctx_.low(s) == "no") continue;
      for (int h = s + 1; h <= s + 2 && h < pronoun.b && ctx_.is_word(h) && !doc.tok(h).is(text::kCapitalized) &&
                          doc.tok(h).quote == doc.tok(s).quote && !ctx_.has(h, kFiniteVerbWord);
           ++h) {
        const std::string_view w = ctx_.low(h);
        const int g = ctx_.lex.gender(w);
        if (g == 0 && !ctx_.lex.person_noun(w) && !wordnet_person(w)) continue;
        if (gender != 0 && g != 0 && g != gender) break;
        return {s, h + 1};
      }
    }
    return {};
  }

  // The person the text names last before token `tok` (at most
  // kMaxNameLookBack tokens back, not in the headline), other than
  // `speaker`, not known to be of the other sex than `gender` and not named
  // in the content being resolved; -1 when there is none.
  int named_before(int tok, int speaker, int gender, int from = 0) {
    const auto& doc = ctx_.doc;
    const int stop = std::max({ctx_.headline_end_tok, tok - kMaxNameLookBack, from});
    // (a capitalised word of a name: not "I" in "I told Thea I was ...")
    auto name_word = [&](int t) {
      return ctx_.is_name_token(t) && doc.tok(t).is(text::kCapitalized) && !ctx_.has(t, kPronounWord);
    };
    for (int k = tok - 1; k >= stop;) {
      if (!name_word(k)) {
        --k;
        continue;
      }
      int b = k;
      while (b - 1 >= stop && name_word(b - 1) && doc.tok(b - 1).para == doc.tok(k).para) --b;
      const TokRange run{b, k + 1};
      k = b - 1;

      // (one word only when it is a surname or the given name of someone
      // named in full: not "Three times he said"; no place: "a lighthouse on
      // Skarra Point")
      if (run.size() == 1 && !by_surname_.contains(std::string(ctx_.low(run.b))) &&
          fullest(run).find(' ') == std::string::npos && named_in_full(run.b).empty())
        continue;
      if (run.b > 0 && ctx_.is_word(run.b - 1)) {
        const std::string_view before = ctx_.low(run.b - 1);
        if (before == "on" || before == "in" || before == "near" || before == "off" || before == "across") continue;
      }
      const SourceInfo info = classify_source(ctx_, run);
      if (info.category != SourceCategory::named_person || info.names.size() != 1 || quoted_in_content(run)) continue;
      std::string_view last = ctx_.doc.surface(info.names[0].e - 1);
      last.remove_suffix(possessive_suffix(last));
      if (std::find(content_words().begin(), content_words().end(), last) != content_words().end()) continue;
      const int e = named(info.names[0], SourceCategory::named_person, info);
      if (e == speaker || (gender != 0 && sex_of(e) == 3 - gender)) continue;
      add_mention(e, ctx_.span(info.names[0]));
      return e;
    }
    return -1;
  }

  // Does `r` lie inside the content being resolved, within quotation marks?
  bool quoted_in_content(TokRange r) const {
    if (r.empty() || ctx_.doc.tok(r.b).quote < 0) return false;
    for (const TokRange& f : content_)
      if (r.b >= f.b && r.e <= f.e) return true;
    return false;
  }

  // The capitalised words standing alone in the content being resolved
  // (its first kMaxContentScan words): found once per source.
  const std::vector<std::string_view>& content_words() const {
    if (content_scanned_) return content_words_;
    content_scanned_ = true;
    int budget = kMaxContentScan;
    for (const TokRange& f : content_)
      for (int t = f.b; t < f.e && budget > 0; ++t, --budget) {
        if (!ctx_.doc.tok(t).is(text::kCapitalized) || ctx_.possessive(t)) continue;
        // (not in a quotation inside it, nor called by name: "'You are
        // tired, Jane,' she told me")
        const int q = ctx_.doc.tok(f.b).quote, k = std::min(f.e - 1, f.b + 1);
        if (ctx_.doc.tok(t).quote != q && ctx_.doc.tok(t).quote != ctx_.doc.tok(k).quote) continue;
        if (t > f.b && ctx_.is_comma(t - 1) && t + 1 < f.e && !ctx_.is_word(t + 1)) continue;
        if (t + 1 < ctx_.doc.size() && ctx_.doc.tok(t + 1).is(text::kCapitalized)) continue;
        if (t > f.b && ctx_.doc.tok(t - 1).is(text::kCapitalized) && ctx_.is_word(t - 1) &&
            !ctx_.doc.tok(t - 1).is(text::kSentenceEnd))
          continue;
        content_words_.push_back(ctx_.doc.surface(t));
      }
    return content_words_;
  }

  // What the resolver knows of entity x's sex: 0 nothing, 1 a man, 2 a woman.
  int sex_of(int x) const {
    return static_cast<std::size_t>(x) < gender_.size() ? gender_[static_cast<std::size_t>(x)] : 0;
  }

  // Among the latest kMaxGenderLookBack entities, the single people other
  // than `but` not known to be of the other sex than `gender` (and, with
  // `not_named`, not named in the content being resolved): the latest of
  // them, and the latest known to be of that sex; -1 for none.
  struct People {
    int latest = -1, latest_of_sex = -1;
  };
  People latest_people(int gender, int but, bool not_named) const {
    People p;
    const int n = static_cast<int>(ctx_.out.entities.size());
    for (int x = n - 1; x >= 0 && x >= n - kMaxGenderLookBack; --x) {
      const auto cat = ctx_.out.entities[static_cast<std::size_t>(x)].category;
      if (x == but || (cat != SourceCategory::named_person && cat != SourceCategory::unnamed_person) ||
          known_[static_cast<std::size_t>(x)].plural || (gender != 0 && sex_of(x) == 3 - gender) ||
          (not_named && named_in_content(x)))
        continue;
      if (p.latest < 0 || last_pos(x) > last_pos(p.latest)) p.latest = x;
      if (gender != 0 && sex_of(x) == gender && (p.latest_of_sex < 0 || last_pos(x) > last_pos(p.latest_of_sex)))
        p.latest_of_sex = x;
    }
    return p;
  }

  // The latest person other than `e`, not of the other sex than `gender`
  // and not named in the content being resolved; `e` when there is none.
  int latest_person_but(int e, int gender) const {
    const People p = latest_people(gender, e, true);
    return p.latest >= 0 ? p.latest : e;
  }

  // The person "he" or "she" refers to: the one antecedent() would take,
  // unless that one is known to be of the other sex; then the latest
  // person known to be of its sex, else the latest not known to be of the
  // other.
  int antecedent(SourceInfo::Pronoun p, std::size_t pos, int gender) const {
    const int e = antecedent(p, pos);
    if (p != SourceInfo::Pronoun::person || gender == 0 || e < 0 || sex_of(e) == 0 || sex_of(e) == gender) return e;
    const People people = latest_people(gender, -1, false);
    return people.latest_of_sex >= 0 ? people.latest_of_sex : people.latest >= 0 ? people.latest : e;
  }

  int antecedent(SourceInfo::Pronoun p, std::size_t pos) const {
    using P = SourceInfo::Pronoun;
    auto pick = [&](std::initializer_list<int> slots) {
      int best = -1;
      for (int s : slots) {
        const int e = last_[static_cast<std::size_t>(s)];
        if (e >= 0 && (best < 0 || last_pos(e) > last_pos(best))) best = e;
      }
      return best;
    };
    switch (p) {
      // News prose refers back to its named people: "he" is the last named
      // person unless an unnamed one was mentioned since, in the same or
      // the previous sentence.
      case P::person: {
        const int named = last_named_person_;
        const int any = last_[0];
        if (named < 0) return any;
        if (any < 0 || any == named) return named;
        return last_pos(any) > last_pos(named) && close_before(last_pos(any), pos) ? any : named;
      }
      case P::plural:
        return pick({1, 2});
      case P::thing:
        return pick({2, 3});
      case P::relative:
        return pick({0, 1, 2, 3});
      default:
        return -1;
    }
  }

  // A mention's text up to its first comma or relative clause: "The
  // officials, who spoke on condition of anonymity ..." and "A former
  // employee who spoke on condition of anonymity ..." name the entities
  // "The officials" and "A former employee".
  std::string without_appositive(core::Span mention) const {
    std::string_view t = ctx_.doc.text().substr(mention.start, mention.size());
    for (const std::string_view cut : {", ", " who ", " which "})
      if (const std::size_t at = t.find(cut); at != std::string_view::npos && at > 0) t = t.substr(0, at);
    return std::string(t);
  }

  std::size_t last_pos(int e) const {
    const auto& m = ctx_.out.entities[static_cast<std::size_t>(e)].mentions;
    return m.empty() ? 0 : m.back().start;
  }

  int add_entity(core::Span mention, SourceCategory cat, std::string key, std::string head, bool plural,
                 const SourceInfo& info) {
    core::Entity ent;
    ent.name = without_appositive(mention);
    ent.category = cat;
    ent.role = info.descriptors.role;
    ctx_.out.entities.push_back(ent);
    const int e = static_cast<int>(ctx_.out.entities.size()) - 1;
    mention_keys_.emplace_back();
    heads_.insert(head);
    if (cat == SourceCategory::named_person) {
      by_surname_.try_emplace(key, e);  // the first wins
      if (auto& same = surname_all_[key]; same.size() < kMaxSameSurname) same.push_back(e);
    }
    by_head_.try_emplace(head_key(cat, head)).first->second = e;  // the latest wins
    if (!key.empty())
      by_head_.try_emplace(head_key(cat, head, key)).first->second = e;
    else
      unaffiliated_[head_key(cat, head)] = e;
    if (cat != SourceCategory::named_person) by_name_[name_key(cat, ctx_.out.entities.back().name)].insert(e);
    if (cat == SourceCategory::named_organization && !ctx_.out.entities.back().name.empty()) {
      const std::string& name = ctx_.out.entities.back().name;
      auto last_word = [](std::string_view words) { return words.substr(words.rfind(' ') + 1); };
      body_by_last_word_[util::ascii_lower(last_word(name))] = e;
      // the noun before "of" heads "Ministry of Agriculture and Land",
      // "Bank of Tellmar": "the ministry" is that ministry too
      if (const std::size_t of = name.find(" of "); of != std::string::npos && of > 0)
        body_by_last_word_[util::ascii_lower(last_word(std::string_view(name).substr(0, of)))] = e;
      // a capitalised first word of a name of several words ("Brightwater Logistics")
      if (const std::size_t first = name.find(' '); first != std::string::npos && first > 0 && name[0] >= 'A' &&
                                                    name[0] <= 'Z' && name.find(" and ") == std::string::npos)
        by_first_word_[name.substr(0, first)] = e;
      ++named_bodies_;
      latest_body_ = e;
    }
    known_.push_back({cat, std::move(key), std::move(head), plural});
    gender_.push_back(0);
    return e;
  }

  // Adds a mention to entity e unless it is there already (`always`: even then).
  void add_mention(int e, core::Span mention, bool always = false) {
    const std::uint64_t k = (static_cast<std::uint64_t>(mention.start) << 32) ^ mention.end;
    if (!mention_keys_[static_cast<std::size_t>(e)].insert(k).second && !always) return;
    ctx_.out.entities[static_cast<std::size_t>(e)].mentions.push_back(mention);
  }

  // An entity renamed (the fullest mention names it): its name index follows.
  void rename(int e, std::string name) {
    auto& ent = ctx_.out.entities[static_cast<std::size_t>(e)];
    if (ent.category != SourceCategory::named_person) {
      auto it = by_name_.find(name_key(ent.category, ent.name));
      if (it != by_name_.end()) it->second.erase(e);
      by_name_[name_key(ent.category, name)].insert(e);
    }
    ent.name = std::move(name);
  }

  static std::string name_key(SourceCategory cat, const std::string& name) {
    return std::string(1, static_cast<char>('0' + static_cast<int>(cat))) + name;
  }
  static std::string head_key(SourceCategory cat, const std::string& head, const std::string& affiliation = {}) {
    std::string k = name_key(cat, head);
    if (!affiliation.empty()) k += '\x1f' + affiliation;
    return k;
  }

  // A named person or body: matched by surname / whole name.
  int named(TokRange n, SourceCategory cat, const SourceInfo& info) {
    // A headline's "company says": the company the story names.
    if (cat == SourceCategory::named_organization && n.b < ctx_.headline_end_tok &&
        !ctx_.doc.tok(n.e - 1).is(text::kCapitalized))
      if (const int body = body_named_in_story(singular(std::string(ctx_.low(n.e - 1)))); body >= 0) return body;
    // "the company", "the agency": a body described, not named.
    if (cat == SourceCategory::named_organization && info.definite && !ctx_.doc.tok(n.e - 1).is(text::kCapitalized))
      if (const int body = named_body_for(ctx_.low(n.e - 1), info.plural, n.size() == 1, ctx_.span(n).start); body >= 0)
        return body;
    const std::string full = std::string(ctx_.doc.text().substr(ctx_.span(n).start, ctx_.span(n).size()));
    const std::string surname = std::string(ctx_.low(n.e - 1));
    const std::string key = cat == SourceCategory::named_person ? surname : std::string(ctx_.doc.lower(n.b)) + full;
    // The first entity of that category with that surname (people) or that
    // name (bodies).
    int match = -1;
    if (cat == SourceCategory::named_person) {
      if (auto it = by_surname_.find(surname); it != by_surname_.end()) match = it->second;
      // "Mr Pardew", "the younger Sorkin", "Dr Pilbeam" when the article
      // names two people with that surname
      if (n.size() == 1) {
        if (const int which = match >= 0 ? same_surname(surname, n.b) : -1; which >= 0) {
          match = which;
        } else if (TokRange other = by_age_in_text(surname, n.b);
                   !other.empty() || !(other = other_of_sex(surname, n.b, match)).empty()) {
          // (one of them named in the text but not yet a speaker: "Lubos
          // Sorkin, 39, was carried out ... the younger Sorkin said", "Keith
          // Doe ... finished third. Mr Doe said" after "Ms Doe")
          const SourceInfo other_info = classify_source(ctx_, other);
          if (other_info.category == SourceCategory::named_person && other_info.names.size() == 1 &&
              other_info.names[0].size() > 1)
            match = named(other_info.names[0], SourceCategory::named_person, other_info);
        }
      }
      // "Brynja" after "Brynja Saltholm": a first name alone is the one
      // person the article names in full with it.
      // (not a surname the article gives in full: "Crouse" for "Emmett
      // Crouse", not "Crouse Paving")
      if (match < 0 && n.size() == 1 && fullest(n) == full)
        if (const TokRange whole = named_in_full(n.b); !whole.empty()) {
          const SourceInfo whole_info = classify_source(ctx_, whole);
          if (whole_info.category == SourceCategory::named_person && whole_info.names.size() == 1 &&
              whole_info.names[0].size() > 1)
            match = named(whole_info.names[0], SourceCategory::named_person, whole_info);
        }
      // "Sir Hugh" after "Sir Hugh Pendry": a knight or dame is called by
      // the first name.
      if (match < 0 && n.size() == 1 && n.b > 0 && (ctx_.low(n.b - 1) == "sir" || ctx_.low(n.b - 1) == "dame"))
        for (std::size_t k = 0; k < ctx_.out.entities.size() && match < 0; ++k) {
          const auto& ent = ctx_.out.entities[k];
          if (ent.category == SourceCategory::named_person && ent.name.size() > full.size() &&
              ent.name.compare(0, full.size(), full) == 0 && ent.name[full.size()] == ' ')
            match = static_cast<int>(k);
        }
    } else if (auto it = by_name_.find(name_key(cat, full)); it != by_name_.end() && !it->second.empty()) {
      match = *it->second.begin();
    } else if (cat == SourceCategory::named_organization && n.size() == 1) {
      // "Brightwater" after "Brightwater Logistics": a body called by the
      // first word of its name (the latest such body).
      if (const auto b = by_first_word_.find(full); b != by_first_word_.end()) match = b->second;
    }
    // "Olumide Ashogbon" after "Mateus Ashogbon": another given name with
    // the same surname is another person (a father, a sister)
    if (match >= 0 && cat == SourceCategory::named_person && n.size() >= 2 &&
        !ctx_.doc.tok(n.b).is(text::kTitleAbbrev) && !ctx_.has(n.b, kTitleWord)) {
      const std::string& known = ctx_.out.entities[static_cast<std::size_t>(match)].name;
      const std::size_t sp = known.find(' ');
      const std::string_view given = ctx_.doc.surface(n.b);
      if (sp != std::string::npos && std::string_view(known).substr(0, sp) != given && known[0] >= 'A' &&
          known[0] <= 'Z' && known.find(given) == std::string::npos)
        match = -1;
    }
    if (match >= 0) {
      auto& ent = ctx_.out.entities[static_cast<std::size_t>(match)];
      if (full.size() > ent.name.size()) rename(match, full);  // the fullest mention names it
      if (ent.role.empty()) ent.role = info.descriptors.role;
      return match;
    }
    core::Span sp = ctx_.span(n);
    const int e = add_entity(sp, cat, key, "", false, info);
    if (cat == SourceCategory::named_person && n.size() == 1) rename(e, fullest(n));
    if (cat == SourceCategory::named_organization && n.size() == 1)
      if (std::string body = fullest_body(n); !body.empty()) {
        rename(e, body);
        by_first_word_[full] = e;
      }
    return e;
  }

  // Of the people the article names with `surname`, the one a surname
  // alone at token `at` means by the word before it: a title of one sex
  // ("Mr", "Ms") the one not of the other sex; another title ("Dr") the one
  // named with it; "elder" or "younger" the older or younger by their ages
  // ("Jo Doe, 54,"), else by a parent's or a child's noun in their roles.
  // -1 when the surname is one person's or the word settles nothing.
  int same_surname(const std::string& surname, int at) const {
    const auto it = surname_all_.find(surname);
    if (it == surname_all_.end() || it->second.size() < 2 || at < 1) return -1;
    const std::vector<int>& people = it->second;
    std::string_view before = ctx_.low(at - 1);
    if (before.ends_with('.')) before.remove_suffix(1);
    auto only = [&](auto&& keep) {
      int found = -1;
      for (const int e : people)
        if (keep(e)) {
          if (found >= 0) return -1;
          found = e;
        }
      return found;
    };
    if (before == "elder" || before == "younger") {
      const bool elder = before == "elder";
      int best = -1, best_age = -1;
      for (const int e : people)
        if (const int age = age_of(e); age > 0 && (best < 0 || (elder ? age > best_age : age < best_age))) {
          best = e;
          best_age = age;
        }
      if (best >= 0) return best;
      return only([&](int e) {
        const std::string& role = ctx_.out.entities[static_cast<std::size_t>(e)].role;
        const bool parent = role.find("father") != std::string::npos || role.find("mother") != std::string::npos;
        const bool child = role.find("son") != std::string::npos || role.find("daughter") != std::string::npos;
        return elder ? parent && !child : child && !parent;
      });
    }
    if (const int g = ctx_.lex.gender(before); g != 0 && ctx_.has(at - 1, kTitleWord))
      return only([&](int e) { return sex_of(e) != 3 - g; });
    if (ctx_.has(at - 1, kTitleWord) || ctx_.doc.tok(at - 1).is(text::kTitleAbbrev))
      return only([&](int e) {
        for (const auto& m : ctx_.out.entities[static_cast<std::size_t>(e)].mentions) {
          const int t = token_at(m.start);
          if (t > 0 && ctx_.low(t - 1) == ctx_.low(at - 1)) return true;
        }
        return false;
      });
    return -1;
  }

  // Where `surname` (lower-cased) stands after a capitalised word: every
  // capitalised word after a capitalised word, indexed by its lower-case
  // form once per article.
  const std::vector<int>& surname_places(const std::string& surname) const {
    if (!surnames_indexed_) {
      surnames_indexed_ = true;
      const auto& doc = ctx_.doc;
      for (int i = 1; i < doc.size(); ++i)
        if (doc.tok(i).is(text::kCapitalized) && doc.tok(i - 1).is(text::kCapitalized)) {
          std::string_view w = ctx_.low(i);
          w.remove_suffix(possessive_suffix(w));  // "Kieran Dallow's header"
          surname_at_[std::string(w)].push_back(i);
        }
    }
    static const std::vector<int> kNone;
    const auto it = surname_at_.find(surname);
    return it == surname_at_.end() ? kNone : it->second;
  }

  // "the elder Doe" or "the younger Doe" at token `at`: of the full names
  // with that surname the text gives before it with an age ("Jo Doe, 54,"),
  // the oldest or the youngest; empty unless two ages tell them apart.
  TokRange by_age_in_text(const std::string& surname, int at) const {
    if (at < 1 || (ctx_.low(at - 1) != "elder" && ctx_.low(at - 1) != "younger")) return {};
    const bool elder = ctx_.low(at - 1) == "elder";
    TokRange best;
    int best_age = -1, named_with_age = 0;
    for (const int i : surname_places(surname)) {
      const int age = i < at ? age_after(i) : 0;
      if (age <= 0) continue;
      ++named_with_age;
      if (best.empty() || (elder ? age > best_age : age < best_age)) {
        best = {i - 1, i + 1};
        best_age = age;
      }
    }
    return named_with_age >= 2 ? best : TokRange{};
  }

  // A surname at token `at` after a title of one sex ("Mr Doe") when the
  // one person known by it (`known`) is of the other: the latest other
  // full name with that surname the text gives before it ("Keith Doe");
  // empty when there is none.
  TokRange other_of_sex(const std::string& surname, int at, int known) const {
    if (at < 1 || known < 0) return {};
    std::string_view title = ctx_.low(at - 1);
    if (title.ends_with('.')) title.remove_suffix(1);
    const int g = ctx_.has(at - 1, kTitleWord) ? ctx_.lex.gender(title) : 0;
    if (g == 0 || sex_of(known) != 3 - g) return {};
    const std::string& known_name = ctx_.out.entities[static_cast<std::size_t>(known)].name;
    TokRange latest;
    for (const int i : surname_places(surname)) {
      if (i >= at || i < 1 || ctx_.has(i - 1, kTitleWord) || ctx_.doc.tok(i - 1).is(text::kTitleAbbrev)) continue;
      const std::string_view given = ctx_.doc.surface(i - 1);
      if (known_name.compare(0, given.size(), given) == 0) continue;  // the known one
      latest = {i - 1, i + 1};
    }
    return latest;
  }

  // A noun the news uses for a public body that oversees others ("the
  // regulator", "the watchdog"), whatever WordNet says of it first.
  static bool regulator_noun(std::string_view head) { return head == "regulator" || head == "watchdog"; }

  // The token holding byte `byte`, -1 for none.
  int token_at(std::size_t byte) const {
    const auto& toks = ctx_.doc.tokens();
    const auto it = std::upper_bound(toks.begin(), toks.end(), byte,
                                     [](std::size_t b, const text::Token& t) { return b < t.start; });
    if (it == toks.begin()) return -1;
    const auto i = static_cast<int>(it - toks.begin()) - 1;
    return byte < toks[static_cast<std::size_t>(i)].end ? i : -1;
  }

  // A person's age as the article gives it after a mention ("Jo Doe, 54,"),
  // 0 when none.
  int age_of(int e) const {
    for (const auto& m : ctx_.out.entities[static_cast<std::size_t>(e)].mentions)
      if (const int age = age_after(token_at(m.end - 1)); age > 0) return age;
    return 0;
  }

  // The age the text gives right after token t (", 54,"), 0 when none.
  int age_after(int t) const {
    if (t < 0 || t + 2 >= ctx_.doc.size() || !ctx_.is_comma(t + 1) || !ctx_.doc.tok(t + 2).is(text::kDigit)) return 0;
    int age = 0;
    for (const char c : ctx_.doc.surface(t + 2)) {
      if (c < '0' || c > '9' || age > 200) return 0;
      age = age * 10 + (c - '0');
    }
    return age < 130 ? age : 0;
  }

  // A body named by one word takes the fuller name the article gives it
  // somewhere ("Brightwater" after "... merge with Dutch-listed Brightwater
  // Logistics in ..."): the word's first place followed by one to three
  // capitalised words of a name, titles and people's nouns left out; empty
  // when there is none.
  std::string fullest_body(TokRange n) {
    const auto& doc = ctx_.doc;
    if (!first_words_indexed_) {
      first_words_indexed_ = true;
      for (int i = 0; i + 1 < doc.size(); ++i)
        if (doc.tok(i).is(text::kCapitalized) && doc.tok(i + 1).is(text::kCapitalized) &&
            doc.tok(i).para == doc.tok(i + 1).para)
          first_word_at_.try_emplace(std::string(ctx_.low(i)), i);
    }
    const auto at = first_word_at_.find(std::string(ctx_.low(n.b)));
    if (at == first_word_at_.end()) return {};
    const int b = at->second;
    int e = b + 1;
    while (e < doc.size() && e - b <= 3 && ctx_.is_name_token(e) && doc.tok(e).para == doc.tok(b).para &&
           !ctx_.has(e, kTitleWord | kPersonNounWord | kRankWord) && !doc.tok(e).is(text::kAllCaps) &&
           possessive_suffix(ctx_.low(e)) == 0)
      ++e;
    if (e == b + 1) return {};
    const core::Span sp = ctx_.span(TokRange{b, e});
    return std::string(doc.text().substr(sp.start, sp.size()));
  }

  // "the agency" after "the Arid Lands Monitoring Agency", "the company"
  // when one company has been named: a definite description of a body
  // refers to the named body whose name ends in its head noun (in the same
  // number: "the government" is not "both governments"), else, when it is
  // only a determiner and the noun (`bare`), to the only named body so far;
  // -1 when there is none or several.
  int named_body_for(std::string_view head, bool plural, bool bare, std::size_t pos) {
    if (head.empty()) return -1;
    int latest = -1;
    for (const std::string& last : {std::string(head), std::string(head) + "s"}) {
      if (!plural && last.size() > head.size()) break;
      if (auto it = body_by_last_word_.find(last); it != body_by_last_word_.end())
        latest = std::max(latest, it->second);
    }
    if (latest >= 0) return latest;
    // A body the text names before the description, though not as a source:
    // "the agency" for "the National Health Protection Agency", "the
    // company" for "Hollin Kitchenware Co.", "the regulator" for a
    // commission.
    const bool company = ctx_.lex.is_company_head(head) || ctx_.lex.is_trade_head(head);
    const bool regulator = regulator_noun(head);
    const auto& bodies = text_bodies();
    for (auto it = bodies.rbegin(); it != bodies.rend(); ++it) {
      if (it->first >= pos) continue;
      const std::string_view last = ctx_.low(it->second.e - 1);
      if (last == head || (company && ctx_.lex.is_company_head(last)) ||
          (regulator && ctx_.lex.is_public_body_head(last))) {
        const SourceInfo info = classify_source(ctx_, it->second);
        if (info.category == SourceCategory::named_organization && info.names.size() == 1)
          return named(info.names[0], SourceCategory::named_organization, info);
      }
    }
    // "the charity" for "Open Wake, a charity based in ...": a name the
    // text described with that noun in an appositive.
    if (const int described = described_body(head, pos); described >= 0) return described;
    // "the company" for the latest company named as a source, not a public
    // body nor the outlet.
    if (company) {
      int best = -1;
      for (std::size_t e = 0; e < ctx_.out.entities.size(); ++e) {
        const auto& ent = ctx_.out.entities[e];
        if (ent.category != SourceCategory::named_organization || ent.name.empty() || ent.name[0] < 'A' ||
            ent.name[0] > 'Z' || (ctx_.out.dateline && ent.name == ctx_.out.dateline->outlet))
          continue;
        const std::size_t sp = ent.name.rfind(' ');
        const std::string last = util::ascii_lower(sp == std::string::npos ? ent.name : ent.name.substr(sp + 1));
        if (ctx_.lex.is_public_body_head(last)) continue;
        if (best < 0 || last_pos(static_cast<int>(e)) > last_pos(best)) best = static_cast<int>(e);
      }
      if (best >= 0) return best;
    }
    return named_bodies_ == 1 && bare ? latest_body_ : -1;
  }

  // The body described_as() finds, as an entity (a body, whatever its name
  // looks like: the appositive says so); -1 when there is none.
  int described_body(std::string_view head, std::size_t pos) {
    const TokRange described = described_as(head, pos);
    if (described.empty()) return -1;
    return named(described, SourceCategory::named_organization, classify_source(ctx_, described));
  }

  // The latest name before byte `pos` that an appositive describes with
  // the noun `head` ("Open Wake, a charity based in ...", "Tarnside, the
  // bus company,"): the capitalised words before its comma, within the last
  // kDescribedLookBack tokens; empty when there is none.
  TokRange described_as(std::string_view head, std::size_t pos) const {
    constexpr int kDescribedLookBack = 400;
    const auto& doc = ctx_.doc;
    int last = -1;  // the last token before pos
    for (int lo = 0, hi = doc.size(); lo < hi;) {
      const int mid = (lo + hi) / 2;
      if (doc.tok(mid).start < pos) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = last; i >= 3 && i > last - kDescribedLookBack; --i) {
      if (ctx_.low(i) != head) continue;
      int j = i - 1;  // back over up to two modifiers to the article
      while (j > 1 && i - j <= 2 && ctx_.is_word(j) && !ctx_.has(j, kDeterminerWord)) --j;
      if (ctx_.low(j) != "a" && ctx_.low(j) != "an" && ctx_.low(j) != "the") continue;
      if (!ctx_.is_comma(j - 1)) continue;
      // (an appositive, not the subject of a clause after a comma: "...
      // Ballinvarra, the charity has said"; "the" only closed by a comma)
      if (i + 1 < doc.size() && (ctx_.has(i + 1, kFiniteVerbWord) || verb_of_saying(i + 1))) continue;
      if (ctx_.low(j) == "the" && !(i + 1 < doc.size() && (ctx_.is_comma(i + 1) || ctx_.is_punct(i + 1, '.'))))
        continue;
      int b = j - 1;  // (a name never runs over a paragraph break: not a byline's)
      while (b - 1 >= 0 && j - 1 - (b - 1) <= Context::kMaxBodyNameWords && ctx_.is_name_token(b - 1) &&
             doc.tok(b - 1).para == doc.tok(j - 1).para)
        --b;
      if (b < j - 1) return {b, j - 1};
    }
    return {};
  }

  // The bodies the text names (capitalised words ending in an organisation's
  // head, "of" and "for" going on: "Kellmouth Chamber of Commerce"), by
  // byte position, in text order; found once.
  const std::vector<std::pair<std::size_t, TokRange>>& text_bodies() {
    if (bodies_built_) return bodies_;
    bodies_built_ = true;
    const auto& doc = ctx_.doc;
    for (const int h : ctx_.capitalised_org_heads()) {
      int b = h;
      while (b - 1 >= 0 && h - (b - 1) <= Context::kMaxBodyNameWords && ctx_.is_name_token(b - 1) &&
             doc.tok(b - 1).para == doc.tok(h).para && !ctx_.has(b - 1, kDeterminerWord | kTitleWord) &&
             !ctx_.possessive(b - 1))
        --b;
      int e = h + 1;
      while (e + 1 < doc.size() && (ctx_.low(e) == "of" || ctx_.low(e) == "for") && ctx_.is_name_token(e + 1)) {
        e += 2;
        while (e < doc.size() && ctx_.is_name_token(e) && !ctx_.has(e, kDeterminerWord)) ++e;
      }
      if (bodies_.size() >= kMaxPeople) break;
      bodies_.emplace_back(doc.tok(b).start, TokRange{b, e});
    }
    return bodies_;
  }

  // A person named by surname alone takes the fullest form of the name the
  // article gives anywhere ("Varga" after "Finance Minister Olek Varga"):
  // up to three capitalised words before the surname, titles left out.
  std::string fullest(TokRange n) const {
    const auto& doc = ctx_.doc;
    // (the story's own form before the headline's: a headline capitalises
    // a role before a surname, "Challenger Castellane leads count")
    TokRange best = n, best_body = n;
    for (const int i : surname_places(std::string(ctx_.low(n.b)))) {
      int b = i;
      while (b - 1 >= 0 && i - (b - 1) <= 3 && ctx_.is_name_token(b - 1) && !doc.tok(b - 1).is(text::kAllCaps) &&
             !ctx_.has(b - 1, kTitleWord | kOrgHeadWord | kPersonNounWord | kRankWord | kAffiliationWord |
                                  kAdverbialOpenerWord | kClauseOpenerWord | kDeterminerWord | kPronounWord |
                                  kCoordinatorWord) &&
             !doc.tok(b - 1).is(text::kTitleAbbrev) && doc.tok(b - 1).para == doc.tok(i).para)
        --b;  // ("In Tervania, the party said": not a name "In Tervania")
      if (i + 1 - b > best.size()) best = {b, i + 1};
      if (b >= ctx_.headline_end_tok && i + 1 - b > best_body.size()) best_body = {b, i + 1};
    }
    if (best_body.size() > 1) best = best_body;
    const core::Span sp = ctx_.span(best);
    const std::string_view name = doc.text().substr(sp.start, sp.size());
    return std::string(name.substr(0, name.size() - possessive_suffix(name)));
  }

  // Unnamed sources and unnamed bodies: linked by head noun (and affiliation
  // when the new mention gives one).
  int by_head(const SourceInfo& info, SourceCategory cat, core::Span mention, int np_b) {
    const std::string head = singular(info.head);
    const bool plural_group = cat == SourceCategory::unnamed_group || cat == SourceCategory::named_organization;
    // "a study published on Wednesday in ..." under the headline's "...,
    // study finds": the document the headline names is the story's; its
    // first mention names it.
    if (cat == SourceCategory::document && !info.definite && !head.empty() && mention.start >= body_start())
      if (const auto it = by_head_.find(head_key(cat, head)); it != by_head_.end()) {
        const auto& first = ctx_.out.entities[static_cast<std::size_t>(it->second)].mentions;
        if (!first.empty() && first.front().start < body_start()) return it->second;
      }
    if (!head.empty() && (info.definite || plural_group)) {
      // The latest entity with this category and head; an indefinite
      // mention with an affiliation only one with no other affiliation.
      const auto& aff = info.descriptors.affiliation;
      auto latest = [&](const std::string& key) {
        const auto it = by_head_.find(key);
        return it == by_head_.end() ? -1 : it->second;
      };
      // A definite one with an affiliation ("the Kenyan government") is the
      // body of that affiliation, else one of the same number with none
      // ("the government"; not "both governments").
      int i = -1;
      if (info.definite && !aff.empty()) {
        i = latest(head_key(cat, head, aff));
        if (const int u = unaffiliated_latest(cat, head);
            i < 0 && u >= 0 && known_[static_cast<std::size_t>(u)].plural == info.plural)
          i = u;
      } else {
        i = info.definite || aff.empty() ? latest(head_key(cat, head))
                                         : std::max(latest(head_key(cat, head, aff)), unaffiliated_latest(cat, head));
      }
      // (An unnamed entity keeps the name of its first mention.)
      if (i >= 0) return i;
      // "the charity" after "Open Wake, a charity based in ...".
      if (cat == SourceCategory::named_organization && info.definite)
        if (const int described = described_body(head, mention.start); described >= 0) return described;
      // "The statement said" after "X said in a statement": the document
      // was first mentioned where no one quoted it.
      if (cat == SourceCategory::document && info.definite) {
        if (const TokRange first = earlier_indefinite(np_b, head); !first.empty()) {
          const int e = add_entity(ctx_.span(first), cat, info.descriptors.affiliation, head, info.plural, info);
          add_mention(e, ctx_.span(first));
          return e;
        }
      }
    }
    return add_entity(mention, cat, info.descriptors.affiliation, head, info.plural, info);
  }

  // Where the story's body starts (after the headline), in bytes.
  std::size_t body_start() const {
    return ctx_.body_first_tok < ctx_.doc.size() ? ctx_.doc.tok(ctx_.body_first_tok).start : ctx_.doc.text().size();
  }

  // A headline's body ("..., company says", "union warns"): the first body
  // the story names as a source whose name ends in the same head (or, for
  // "company", in a company's: "Corporation", "Inc."), else the body named
  // as a source in the story's first two sentences; -1 when none.
  int body_named_in_story(const std::string& head) {
    if (head.empty()) return -1;
    const bool company = ctx_.lex.is_company_head(head) || ctx_.lex.is_trade_head(head);
    const std::size_t body = ctx_.doc.tok(ctx_.body_first_tok).start;
    int lede = -1;
    for (const auto& [pos, np] : sources_) {
      if (pos < body) continue;
      const SourceInfo info = classify_source(ctx_, np);
      if (info.category != SourceCategory::named_organization || info.names.size() != 1) continue;
      const std::string_view last = ctx_.low(info.names[0].e - 1);
      if (singular(std::string(last)) == head || (company && ctx_.lex.is_company_head(last)))
        return named(info.names[0], SourceCategory::named_organization, info);
      if (lede < 0 && sentences_between(body, pos) <= 1)
        lede = named(info.names[0], SourceCategory::named_organization, info);
    }
    return lede;
  }

  // The one name of two or three words the article gives starting with the
  // word at token `t` ("Brynja Saltholm" for "Brynja"); empty when there is
  // none, or several ("Jo Roe" and "Jo Doe").
  TokRange named_in_full(int t) const {
    const auto& doc = ctx_.doc;
    if (!given_indexed_) {  // every capitalised word before a name word, by its form
      given_indexed_ = true;
      for (int i = 0; i + 1 < doc.size(); ++i)
        if (doc.tok(i).is(text::kCapitalized) && ctx_.is_name_token(i + 1) && ctx_.is_name_token(i) &&
            !ctx_.has(i, kTitleWord | kDeterminerWord) && !ctx_.has(i + 1, kPronounWord) &&  // not "Thea I was"
            given_at_.size() < kMaxPeople)
          given_at_[std::string(doc.surface(i))].push_back(i);
    }
    const std::string word(doc.surface(t));
    if (const auto memo = in_full_.find(word); memo != in_full_.end()) return memo->second;
    const auto it = given_at_.find(word);
    if (it == given_at_.end()) return {};
    TokRange& found = in_full_[word];
    for (const int i : it->second) {
      int e = i + 1;
      while (e < doc.size() && e - i < 3 && ctx_.is_name_token(e) && !ctx_.has(e, kPronounWord) &&
             !ctx_.possessive(e - 1))
        ++e;
      const TokRange r{i, e};
      if (found.empty())
        found = r;
      else if (doc.surface(found.e - 1) != doc.surface(r.e - 1))
        return found = {};  // two people of that first name
    }
    return found;
  }

  // For "both sides", "both countries", "the two governments" (a plural
  // noun after "both" or "the two"): the latest pair the text named before
  // it, two names or nouns for people or bodies joined by "and" ("Tellmar
  // and Rovenia", "mayor and council president", "the union and the
  // trust"), within kPairLookBack tokens; empty when there is none.
  TokRange pair_for(TokRange np) const {
    const int n = np.size();
    const bool both = n == 2 && ctx_.low(np.b) == "both";
    const bool two = n == 3 && ctx_.low(np.b) == "the" && ctx_.low(np.b + 1) == "two";
    // ("the companies" after "Saltcombe Ferries and Orra Line ... have
    // agreed to merge": the pair of bodies, when the text named one last)
    const std::string_view noun = ctx_.low(np.e - 1);
    const std::string one =
        noun.ends_with("ies") ? std::string(noun.substr(0, noun.size() - 3)) + "y" : singular(std::string(noun));
    const bool bodies =
        n == 2 && ctx_.low(np.b) == "the" && (ctx_.lex.is_org_head(one) || ctx_.lex.is_company_head(one));
    if (!both && !two && !bodies) return {};
    if (noun.size() < 4 || noun.back() != 's') return {};
    // "both ministers" are two people: a pair of names may be two countries
    const bool people = ctx_.has(np.e - 1, kPersonNounWord) && noun != "sides" && noun != "parties";
    // (the apostrophe of a plural possessive inside a name too: "the Cardle
    // Growers' Association")
    auto part_of_pair = [&](int t) {
      return (ctx_.is_word(t) && !ctx_.is_comma(t) && ctx_.low(t) != "and" &&
              (ctx_.doc.tok(t).is(text::kCapitalized) || ctx_.has(t, kPersonNounWord | kOrgHeadWord | kTitleWord) ||
               ctx_.possessive(t))) ||
             ctx_.plural_possessive_mark(t);
    };
    auto speaker = [&](int t) {
      if (people) return ctx_.has(t, kPersonNounWord | kTitleWord);
      return ctx_.is_name_token(t) || ctx_.has(t, kPersonNounWord | kOrgHeadWord | kTitleWord);
    };
    constexpr int kPairLookBack = 300;
    for (int k = np.b - 2; k > 0 && k >= np.b - kPairLookBack; --k) {
      if (ctx_.low(k) != "and") continue;
      int l = k;  // the left conjunct, after an optional article
      while (l - 1 >= 0 && k - l < 4 && part_of_pair(l - 1) && ctx_.doc.tok(l - 1).para == ctx_.doc.tok(k).para) --l;
      if (l == k || !speaker(k - 1)) continue;
      if (l - 1 >= 0 && (ctx_.low(l - 1) == "the" || ctx_.low(l - 1) == "both")) --l;
      if (l - 1 >= 0 && ctx_.is_comma(l - 1)) continue;  // a list of more than two
      int r = k + 1;
      if (r < np.b && ctx_.low(r) == "the") ++r;
      const int rb = r;
      while (r < np.b && r - rb < 4 && part_of_pair(r)) ++r;
      if (r == rb || !speaker(r - 1)) continue;
      if (ctx_.low(l) == "both") ++l;
      return {l, r};
    }
    return {};
  }

  // The latest indefinite mention of a thing or person called `head` before
  // token `before` ("in a statement", "In a letter to members,", "a crane
  // driver"), with what it is to or from ("a letter from the couple's
  // daughter"), within the last kDocumentLookBack tokens; empty when there
  // is none.
  TokRange earlier_indefinite(int before, const std::string& head) const {
    constexpr int kDocumentLookBack = 400;
    for (int i = before - 1; i >= 1 && i >= before - kDocumentLookBack; --i) {
      if (!ctx_.is_word(i) || singular(std::string(ctx_.low(i))) != head) continue;
      int b = i - 1;  // back over up to three modifiers to "a" / "an"
      while (b > 0 && i - b < 4 && ctx_.is_word(b) && ctx_.low(b) != "a" && ctx_.low(b) != "an" &&
             !ctx_.has(b, kDeterminerWord | kFiniteVerbWord | kPronounWord) && !ctx_.doc.tok(b).is(text::kDigit))
        --b;
      if (b < 0 || (ctx_.low(b) != "a" && ctx_.low(b) != "an")) continue;
      int e = i + 1;
      const int n = ctx_.doc.size();
      if (e + 1 < n && (ctx_.low(e) == "to" || ctx_.low(e) == "from" || ctx_.low(e) == "by") && ctx_.is_word(e + 1)) {
        int k = e + 1;
        while (k < n && k - e <= 6 && ctx_.is_word(k) && !ctx_.has(k, kFiniteVerbWord | kClauseOpenerWord) &&
               ctx_.low(k) != "that" && ctx_.low(k) != "on" && !verb_of_saying(k))
          ++k;
        if (k < n && k - e <= 6 && (ctx_.is_comma(k) || ctx_.low(k) == "that")) e = k;
      }
      return {b, e};
    }
    return {};
  }

  // The latest entity with this category and head and no affiliation.
  int unaffiliated_latest(SourceCategory cat, const std::string& head) const {
    const auto it = unaffiliated_.find(head_key(cat, head));
    return it == unaffiliated_.end() ? -1 : it->second;
  }

  static std::string singular(std::string w) {
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    return w;
  }

  static constexpr int kMaxNameLookBack = 200;           // tokens back for the person a quotation's "he" names
  static constexpr int kMaxQuotationLookBack = 60;       // tokens back in a quotation for who "she" is
  static constexpr int kMaxGenderLookBack = 64;          // the latest entities a pronoun's sex is checked against
  static constexpr int kMaxContentScan = 400;            // the words of a content searched for a name
  std::span<const TokRange> content_;                    // the content of the source being resolved
  mutable std::vector<std::string_view> content_words_;  // content_words(), once per source
  mutable bool content_scanned_ = false;
  Context& ctx_;
  std::vector<Known> known_;
  std::vector<std::uint8_t> gender_;            // per entity: 0 unknown, 1 a man, 2 a woman
  std::unordered_map<std::string, int> pairs_;  // "Tellmar and Rovenia" -> its entity, for "both sides"
  // Indexes over known_ and the entities, so that each mention is resolved
  // in constant time however many entities the article has.
  std::unordered_map<std::string, int> by_surname_;                // people: surname -> first entity
  std::unordered_map<std::string, std::vector<int>> surname_all_;  // people: surname -> every entity, in order
  static constexpr std::size_t kMaxSameSurname = 8;
  std::unordered_map<std::string, std::set<int>> by_name_;  // others: category + name -> entities
  std::unordered_map<std::string, int> by_head_;            // category + head [+ affiliation] -> latest
  std::unordered_map<std::string, int> unaffiliated_;       // category + head -> latest without one
  std::unordered_set<std::string> heads_;                   // every head noun known
  std::unordered_map<std::string, int> body_by_last_word_;  // bodies: lower-cased last word -> latest
  std::unordered_map<std::string, int> by_first_word_;      // bodies: first word of a longer name -> latest
  int named_bodies_ = 0, latest_body_ = -1;
  std::vector<std::unordered_set<std::uint64_t>> mention_keys_;  // per entity: its mentions
  std::array<int, 5> last_{-1, -1, -1, -1, -1};
  int last_named_person_ = -1;
  std::vector<std::pair<std::size_t, TokRange>> sources_;  // every source, in text order
  std::vector<Ahead> ahead_;                               // people named as sources, in text order
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> role_search_;  // next_with_role()'s memo
  std::string lower_text_;                                                // has_role(): the text lower-cased, once
  std::unordered_map<std::string, std::size_t> last_seen_;                // has_role(): a word's last place in it
  mutable std::unordered_map<std::string, std::vector<int>> surname_at_;  // surname_places()'s index, built once
  mutable std::unordered_map<std::string, std::vector<int>> given_at_;    // named_in_full()'s index, built once
  mutable bool given_indexed_ = false;
  mutable std::unordered_map<std::string, TokRange> in_full_;  // named_in_full()'s answers
  mutable bool surnames_indexed_ = false;
  std::unordered_map<std::string, int> first_word_at_;  // fullest_body()'s index: a capitalised word before another
  bool first_words_indexed_ = false;
  bool ahead_built_ = false;
  std::unordered_map<std::string, TokRange> defined_labels_;  // defined_label(): label -> its person's name
  bool labels_read_ = false;
  bool reported_ = false;           // resolve(): the source resolved is a nested attribution's
  int speaker_ = -1;                // resolve(): whose quotation the pronoun resolved stands in
  int asker_ = -1, answerer_ = -1;  // resolve(): who last asked, and who last answered, in an exchange
  TokRange interviewer_;            // defined_label(): the person an introduction says asked the questions
  static constexpr std::size_t kMaxPeople = 4096, kMaxRoleKeys = 64;
  std::vector<Ahead> people_;                             // people named with a role anywhere, in text order
  std::vector<std::pair<std::size_t, TokRange>> bodies_;  // text_bodies()
  bool bodies_built_ = false;
  bool people_built_ = false;
  std::unordered_map<std::string, std::pair<std::size_t, int>> role_latest_;  // latest_with_role()'s memo
  TokRange candidate_;                                                        // the last person named outside a source
  std::size_t candidate_pos_ = 0;
};

}  // namespace

namespace {

// A person's name opening the sentence [b, e), or its main clause after an
// opening adverbial ("Every Monday at seven, Jane Doe climbs ..."), and
// followed by a lower-case word: "Jane Doe spoke", "Sen. Jane Doe (D-Md.)
// has", "Doe laughs" (one word: the resolver takes it only for a surname
// it knows); empty otherwise. A run opening with a function word is no
// name ("Every Monday at", "Was I ever", "The Tarsovan foreign ministry").
TokRange name_at(const Context& ctx, int i, int e) {
  const auto& doc = ctx.doc;
  while (i < e && doc.tok(i).is(text::kQuote)) ++i;
  const int start = i;
  if (i < e && doc.tok(i).is(text::kTitleAbbrev)) ++i;
  const int names_b = i;
  constexpr std::uint32_t kFunction = kDeterminerWord | kQuantifierWord | kPronounWord | kSubjectPronounWord |
                                      kFiniteVerbWord | kCueModifierWord | kClauseOpenerWord | kAdverbialOpenerWord |
                                      kCoordinatorWord | kTimeWord;
  if (i < e && ctx.has(i, kFunction)) return {};
  while (i < e && ctx.is_name_token(i) && !doc.tok(i).is(text::kAllCaps) && !ctx.has(i, kOrgHeadWord) &&
         !ctx.has(i, kPersonNounWord))
    ++i;
  const int n = i - names_b;
  if (n < 1 || n > 4 || i >= e) return {};
  // a name modifying a role ("Opposition leader", "Labour MP") is no one
  if (ctx.has(i, kPersonNounWord | kTitleWord)) return {};
  // followed by a lower-case word, or by a comma and an appositive ("Doe, 38, a nurse")
  if (!(ctx.is_word(i) && !doc.tok(i).is(text::kCapitalized)) && !ctx.is_comma(i)) return {};
  return {start, i};
}

TokRange opening_name(const Context& ctx, int b, int e) {
  if (const TokRange n = name_at(ctx, b, e); !n.empty()) return n;
  // After a role ("Opposition leader Jane Doe has ...", "Party chair Jo Roe
  // will ..."): the name the role's words end on.
  for (int k = b; k < std::min(e, b + 6); ++k) {
    if (!ctx.is_word(k) || ctx.is_comma(k) || ctx.has(k, kFiniteVerbWord | kClauseOpenerWord)) break;
    if (ctx.has(k, kPersonNounWord | kTitleWord))
      if (const TokRange n = name_at(ctx, k + 1, e); !n.empty()) return n;
  }
  // After an opening adverbial and its comma, within the first dozen words.
  for (int k = b; k < std::min(e, b + 12); ++k) {
    if (ctx.is_comma(k)) return name_at(ctx, k + 1, e);
    if (!ctx.is_word(k)) break;
  }
  return {};
}

}  // namespace

void resolve_entities(Context& ctx) {
  // Mentions in text order: attribution sources and non-response subjects.
  struct Item {
    std::size_t pos;
    int attr;       // >= 0: attribution index
    int nr;         // >= 0: non-response index
    TokRange name;  // otherwise: a person named at a sentence's start
  };
  std::vector<Item> items;
  // Sentences opening with a person's name ("Jane Doe spoke ..."): who a later
  // "she" may mean, though not a source yet.
  const auto& doc = ctx.doc;
  for (const auto& s : doc.sentences()) {
    const TokRange name = opening_name(ctx, s.first_tok, s.end_tok);
    if (!name.empty()) items.push_back({doc.tok(name.b).start, -1, -1, name});
  }
  for (std::size_t i = 0; i < ctx.out.attributions.size(); ++i)
    if (!ctx.attr_source[i].empty())
      items.push_back({ctx.doc.tok(ctx.attr_source[i].b).start, static_cast<int>(i), -1, {}});
  for (std::size_t i = 0; i < ctx.out.non_responses.size(); ++i)
    if (!ctx.nr_who[i].empty()) items.push_back({ctx.doc.tok(ctx.nr_who[i].b).start, -1, static_cast<int>(i), {}});
  // "he" or "she" inside a quotation whose speaker is named after it
  // ("'He told me, ...,' she said") is resolved right after that speaker,
  // who it is not.
  auto in_quotation = [&](std::size_t i) {
    const auto& at = ctx.out.attributions[i];
    const TokRange src = ctx.attr_source[i];
    if (at.parent < 0 || src.size() != 1 || doc.tok(src.b).quote < 0) return false;
    const std::string_view w = ctx.low(src.b);
    return (w == "he" || w == "she") && !ctx.attr_source[static_cast<std::size_t>(at.parent)].empty();
  };
  for (Item& it : items)
    if (it.attr >= 0 && in_quotation(static_cast<std::size_t>(it.attr))) {
      const TokRange outer =
          ctx.attr_source[static_cast<std::size_t>(ctx.out.attributions[static_cast<std::size_t>(it.attr)].parent)];
      it.pos = std::max<std::size_t>(it.pos, doc.tok(outer.e - 1).start + 1);
    }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.pos < b.pos; });
  Resolver r(ctx);
  std::vector<std::pair<std::size_t, TokRange>> sources;
  for (const Item& it : items)
    if (it.attr >= 0) sources.emplace_back(it.pos, ctx.attr_source[static_cast<std::size_t>(it.attr)]);
  r.set_sources(std::move(sources));
  // Questions and answers: a body quotation the verb "ask" attributes,
  // ending in a question mark, asks; the next quotation answers it.
  std::vector<Resolver::Turn> turns(ctx.out.attributions.size(), Resolver::Turn::none);
  {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < ctx.out.attributions.size(); ++i) {
      const auto& at = ctx.out.attributions[i];
      if (at.parent < 0 && !at.in_headline && !ctx.attr_content[i].empty() &&
          (at.kind == core::AttributionKind::direct || at.kind == core::AttributionKind::mixed))
        order.push_back(i);
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ctx.attr_content[a][0].b < ctx.attr_content[b][0].b; });
    bool asked = false;
    for (const std::size_t i : order) {
      const TokRange cue = ctx.attr_cue[i];
      const TokRange last = ctx.attr_content[i].back();
      bool question = !cue.empty() && ctx.low(cue.e - 1).starts_with("ask");
      bool mark = false;
      for (int t = std::max(last.b, last.e - 3); t < last.e && question; ++t) mark = mark || ctx.is_punct(t, '?');
      question = question && mark;
      turns[i] = question ? Resolver::Turn::question : asked ? Resolver::Turn::answer : Resolver::Turn::none;
      asked = question;
    }
  }
  for (const Item& it : items) {
    if (!it.name.empty())
      r.mentioned(it.name);
    else if (it.attr >= 0) {
      const auto i = static_cast<std::size_t>(it.attr);
      auto& at = ctx.out.attributions[i];
      const int speaker = in_quotation(i) && ctx.out.attributions[static_cast<std::size_t>(at.parent)].source
                              ? ctx.out.attributions[static_cast<std::size_t>(at.parent)].source->entity
                              : -1;
      r.resolve(ctx.attr_source[i], *at.source, at.parent >= 0, ctx.attr_content[i], speaker, turns[i]);
    } else
      r.resolve(ctx.nr_who[static_cast<std::size_t>(it.nr)],
                ctx.out.non_responses[static_cast<std::size_t>(it.nr)].who);
  }
  // "I" in what a quotation's speaker reports ("\"I said to him, 'Wait,'\"
  // she recalled") is that speaker.
  for (std::size_t i = 0; i < ctx.out.attributions.size(); ++i) {
    auto& at = ctx.out.attributions[i];
    const TokRange src = ctx.attr_source[i];
    if (at.parent < 0 || !at.source || src.size() != 1 || ctx.low(src.b) != "i" || doc.tok(src.b).quote < 0) continue;
    const auto& outer = ctx.out.attributions[static_cast<std::size_t>(at.parent)].source;
    if (!outer || outer->entity < 0) continue;
    at.source->category = outer->category;
    at.source->anonymous = outer->anonymous;
    at.source->entity = outer->entity;
    at.source->entities = {outer->entity};
  }
}

}  // namespace claimtrail::extract
