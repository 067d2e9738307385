// The records beside attributions: non-responses, descriptions of anonymous
// sources, hedges inside contents, and unattributed checkable claims.
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "extract/context.hpp"
#include "util/ascii.hpp"

namespace claimtrail::extract {

namespace {

// First token starting at or after byte b (tokens are sorted).
int token_at(const text::Document& doc, std::size_t b) {
  const auto& toks = doc.tokens();
  auto it =
      std::lower_bound(toks.begin(), toks.end(), b, [](const text::Token& t, std::size_t x) { return t.start < x; });
  return static_cast<int>(it - toks.begin());
}

// Does `re` match anywhere in the article? (A cheap test before per-sentence work.)
bool article_matches(const Context& ctx, const re2::RE2& re) {
  const std::string_view t = ctx.doc.text();
  return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), re);
}

}  // namespace

void find_non_responses(Context& ctx) {
  const auto& doc = ctx.doc;
  if (!article_matches(ctx, ctx.lex.any_non_response())) return;
  for (const auto& s : doc.sentences()) {
    if (s.end_tok <= s.first_tok || s.end_tok <= ctx.body_first_tok) continue;
    const int sb = std::max(s.first_tok, ctx.body_first_tok);
    const std::size_t b = doc.tok(sb).start, e = doc.tok(s.end_tok - 1).end;
    const std::string_view sentence = doc.text().substr(b, e - b);
    // One pass of all the patterns together first: most sentences have none.
    if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), ctx.lex.any_non_response())) continue;
    struct Hit {
      std::size_t start, end;
      const NonResponsePattern* p;
    };
    std::vector<Hit> hits;
    for (const auto& p : ctx.lex.non_responses()) {
      // Iterate all matches of p in the sentence.
      std::size_t pos = 0;
      re2::StringPiece whole(sentence.data(), sentence.size());
      re2::StringPiece match;
      while (pos < sentence.size() && p.re->Match(whole, pos, sentence.size(), RE2::UNANCHORED, &match, 1)) {
        const std::size_t ms = static_cast<std::size_t>(match.data() - sentence.data());
        const std::size_t me = ms + match.size();
        bool overlaps = false;
        for (const Hit& h : hits)
          if (ms < h.end && h.start < me) overlaps = true;
        if (!overlaps) hits.push_back({ms, me, &p});
        pos = me > pos ? me : pos + 1;
      }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.start < y.start; });
    int lower = sb;
    for (const Hit& h : hits) {
      const int mt = token_at(doc, b + h.start);
      int me = token_at(doc, b + h.end);
      // The clause runs on to the next clause: ", and", "and the", "but",
      // "and said", or the end.
      int ce = me;
      while (ce < s.end_tok && !doc.tok(ce).is(text::kSentenceEnd) && !ctx.is_comma(ce) && ctx.low(ce) != "but" &&
             !(ctx.low(ce) == "and" && ce + 1 < s.end_tok && ctx.has(ce + 1, kCueStartWord)) &&
             !(ctx.low(ce) == "and" && ce + 1 < s.end_tok &&
               (ctx.has(ce + 1, kDeterminerWord) || doc.tok(ce + 1).is(text::kCapitalized) || ctx.low(ce + 1) == "he" ||
                ctx.low(ce + 1) == "she" || ctx.low(ce + 1) == "they")))
        ++ce;
      // Modifiers before the verb ("also did not") belong to it.
      const TokRange who = source_before(ctx, mt, lower, /*stop_at_and_det=*/true);
      core::NonResponse nr;
      nr.kind = h.p->kind == "declined"     ? core::NonResponseKind::declined
                : h.p->kind == "no_comment" ? core::NonResponseKind::no_comment
                                            : core::NonResponseKind::no_response;
      nr.span = ctx.span(mt, std::max(ce, mt + 1));
      if (!who.empty()) nr.who.spans.push_back(ctx.span(who));
      ctx.out.non_responses.push_back(nr);
      ctx.nr_who.push_back(who);
      for (int k = mt; k < ce; ++k) ctx.blocked[static_cast<std::size_t>(k)] = 1;
      lower = ce;
    }
  }
}

void find_source_descriptions(Context& ctx) {
  const auto& doc = ctx.doc;
  if (!article_matches(ctx, ctx.lex.any_anonymity())) return;
  for (const auto& s : doc.sentences()) {
    if (s.end_tok <= ctx.body_first_tok) continue;
    const int sb = std::max(s.first_tok, ctx.body_first_tok);
    const std::size_t b = doc.tok(sb).start, e = doc.tok(s.end_tok - 1).end;
    const std::string_view sentence = doc.text().substr(b, e - b);
    re2::StringPiece whole(sentence.data(), sentence.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(whole, ctx.lex.any_anonymity())) continue;  // (all the patterns in one pass)
    bool found = false;
    for (const auto& re : ctx.lex.anonymity()) {
      if (re->Match(whole, 0, sentence.size(), RE2::UNANCHORED, &match, 1)) {
        found = true;
        break;
      }
    }
    if (!found) continue;
    const int anon_b = token_at(doc, b + static_cast<std::size_t>(match.data() - sentence.data()));
    const int anon_e = token_at(doc, b + static_cast<std::size_t>(match.data() - sentence.data()) + match.size());
    core::SourceDescription d;
    int end = s.end_tok;
    while (end > sb && doc.tok(end - 1).is(text::kSentenceEnd)) --end;
    d.span = ctx.span(sb, end);
    // The reason: "because/as/since ..." or "to ..." after the grant.
    int k = anon_e;
    while (k < end && ctx.is_comma(k)) ++k;
    if (k < end) {
      const std::string_view w = ctx.low(k);
      int rb = -1;
      if (w == "because" || w == "as" || w == "since" || w == "given")
        rb = k + 1;
      else if (w == "to" || w == "due" || w == "for")
        rb = k;
      if (rb >= 0 && rb < end) {
        int re_ = rb;
        while (re_ < end && !ctx.is_comma(re_) && !ctx.is_punct(re_, ';') && !doc.tok(re_).is(text::kQuote)) ++re_;
        if (re_ > rb) d.reason = ctx.span(rb, re_);
      }
    }
    // Members: "include five X, two Y and three Z" -> items with counts.
    int list_b = -1;
    for (int i = sb; i < anon_b; ++i) {
      const std::string_view w = ctx.low(i);
      if (w == "include" || w == "included" || w == "includes" || w == "including" || w == "are" || w == "were" ||
          ctx.is_punct(i, ':')) {
        list_b = i + 1;
        break;
      }
    }
    std::optional<int> total = 0;
    if (list_b >= 0) {
      int item_b = list_b;
      auto flush = [&](int item_e) {
        while (item_b < item_e && (ctx.low(item_b) == "and" || ctx.is_comma(item_b))) ++item_b;
        if (item_e <= item_b) return;
        std::optional<int> count;
        if (auto q = ctx.lex.quantifier(ctx.low(item_b)))
          count = *q;
        else if (doc.tok(item_b).is(text::kDigit)) {
          try {
            count = std::stoi(std::string(doc.surface(item_b)));
          } catch (...) {
          }
        } else {
          return;
        }
        d.members.push_back({count, ctx.span(item_b, item_e)});
        if (count && total)
          *total += *count;
        else
          total.reset();
      };
      for (int i = list_b; i < anon_b; ++i) {
        const std::string_view w = ctx.low(i);
        if (w == "all" || w == "both" || w == "speaking" || w == "who" || w == "each") {
          flush(i);
          item_b = anon_b;
          break;
        }
        if (ctx.is_comma(i) || w == "and") {
          flush(i);
          item_b = i + 1;
        }
      }
      if (item_b < anon_b) {
        int ie = anon_b;
        while (ie > item_b && ctx.is_comma(ie - 1)) --ie;
        flush(ie);
      }
    }
    if (!d.members.empty() && total) d.total = total;
    // The group described: the sentence subject when it is a source mention,
    // else the source of an attribution in this sentence, else the last group.
    int group = -1;
    for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
      const TokRange src = ctx.attr_source[a];
      if (src.empty()) continue;
      const auto& ent = ctx.out.attributions[a].source->entity;
      if (src.b >= sb && src.b < s.end_tok && ent >= 0) group = ent;
    }
    if (group < 0) {
      const TokRange subj = source_before(ctx, list_b >= 0 ? list_b - 1 : anon_b, sb);
      if (!subj.empty()) {
        const std::string head = std::string(ctx.low(subj.e - 1));
        for (std::size_t i = ctx.out.entities.size(); i-- > 0;) {
          const auto& en = ctx.out.entities[i];
          if (en.category != core::SourceCategory::unnamed_group) continue;
          bool same = false;
          for (const auto& m : en.mentions)
            if (m.start < doc.tok(sb).start &&
                util::ascii_lower(doc.text().substr(m.start, m.size())).find(head) != std::string::npos)
              same = true;
          if (same) {
            group = static_cast<int>(i);
            break;
          }
        }
      }
    }
    if (group < 0) {
      for (std::size_t i = ctx.out.entities.size(); i-- > 0;)
        if (ctx.out.entities[i].category == core::SourceCategory::unnamed_group ||
            ctx.out.entities[i].category == core::SourceCategory::unnamed_person) {
          bool before = false;
          for (const auto& m : ctx.out.entities[i].mentions)
            if (m.start <= doc.tok(s.end_tok - 1).start) before = true;
          if (before) {
            group = static_cast<int>(i);
            break;
          }
        }
    }
    d.group = group;
    ctx.out.source_descriptions.push_back(d);
  }
}

void find_hedges(Context& ctx) {
  const auto& doc = ctx.doc;
  const auto& hedges = ctx.lex.hedges();
  for (std::size_t a = 0; a < ctx.out.attributions.size(); ++a) {
    auto& attr = ctx.out.attributions[a];
    const TokRange cue = ctx.attr_cue[a];
    const std::string_view cue_last = ctx.low(cue.e - 1);
    const bool past_cue = (cue_last.size() > 2 && cue_last.substr(cue_last.size() - 2) == "ed") || cue_last == "said" ||
                          cue_last == "told" || cue_last == "wrote" || cue_last == "thought" || cue_last == "knew" ||
                          cue_last == "felt" || cue_last == "saw" || cue_last == "to";
    for (const TokRange& f : ctx.attr_content[a]) {
      for (int i = f.b; i < f.e; ++i) {
        if (!ctx.is_word(i)) continue;
        const std::string_view w = ctx.low(i);
        const bool quoted = doc.tok(i).quote >= 0;
        if (w == "would" && !(quoted || !past_cue)) continue;
        bool hit = w == "would";
        int len = 1;
        // "May" with a capital after a word is the month ("in May") or a name.
        const bool month = w == "may" && doc.tok(i).is(text::kCapitalized) && i > f.b && ctx.is_word(i - 1);
        if (!hit && !month && ctx.has(i, kHedgeStartWord)) {
          for (const std::string& h : hedges) {
            // Multi-word hedges: compare word by word.
            int k = i;
            std::size_t pos = 0;
            bool ok = true;
            while (pos < h.size()) {
              const std::size_t sp = h.find(' ', pos);
              const std::string_view part =
                  std::string_view(h).substr(pos, sp == std::string::npos ? h.size() - pos : sp - pos);
              if (k >= f.e || ctx.low(k) != part) {
                ok = false;
                break;
              }
              ++k;
              pos = sp == std::string::npos ? h.size() : sp + 1;
            }
            if (ok) {
              hit = true;
              len = k - i;
              break;
            }
          }
        }
        // "expected to" hedges a claim after a form of "be" ("is expected
        // to"), not in "we expected to find".
        if (hit && w == "expected" && i > f.b) {
          const std::string_view prev = ctx.low(i - 1);
          hit = prev == "is" || prev == "are" || prev == "was" || prev == "were" || prev == "be" || prev == "been" ||
                prev == "not" || prev == "widely" || prev == "also";
        }
        if (hit) attr.hedges.push_back(ctx.span(i, i + len));
      }
    }
  }
}

namespace {

bool weekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  return std::find(std::begin(kDays), std::end(kDays), w) != std::end(kDays);
}

// "funded", "led", "chosen": a form that can head a passive before "by".
bool past_participle(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ed")) || w.ends_with("en") || w == "led" || w == "held" || w == "made" ||
         w == "won" || w == "run" || w == "built" || w == "bought" || w == "sold" || w == "paid";
}

}  // namespace

void find_unattributed(Context& ctx) {
  const auto& doc = ctx.doc;
  std::vector<char> covered(static_cast<std::size_t>(doc.size()), 0);
  auto cover = [&](core::Span sp) {
    for (int i = token_at(doc, sp.start); i < doc.size() && doc.tok(i).start < sp.end; ++i)
      covered[static_cast<std::size_t>(i)] = 1;
  };
  for (const auto& a : ctx.out.attributions) {
    for (const auto& sp : a.content) cover(sp);
    for (const auto& sp : a.cue) cover(sp);
    if (a.source)
      for (const auto& sp : a.source->spans) cover(sp);
  }
  for (const auto& n : ctx.out.non_responses) cover(n.span);
  for (const auto& d : ctx.out.source_descriptions) cover(d.span);
  static constexpr std::string_view kMonths[] = {"january", "february",  "march",   "april",    "june",     "july",
                                                 "august",  "september", "october", "november", "december", "jan.",
                                                 "feb.",    "aug.",      "sept.",   "oct.",     "nov.",     "dec."};
  // A headline in the outlet's voice announcing what someone will do ("Rail
  // operator to cut 300 jobs", "New bridge to miss its opening date") is a
  // claim too: a named or described actor, then "to" and a verb.
  if (ctx.headline_end_tok > 0) {
    bool actor = false, covered_any = false, checkable = false;
    for (int i = 0; i < ctx.headline_end_tok && !covered_any; ++i)
      covered_any =
          covered[static_cast<std::size_t>(i)] || doc.tok(i).quote >= 0 || ctx.is_punct(i, '?') || ctx.is_punct(i, ':');
    for (int i = 0; i + 1 < ctx.headline_end_tok && !covered_any && !checkable; ++i) {
      if (!ctx.is_word(i)) continue;
      checkable = actor && ctx.low(i) == "to" && ctx.is_word(i + 1) && !ctx.has(i + 1, kDeterminerWord) &&
                  !doc.tok(i + 1).is(text::kDigit) && !doc.tok(i + 1).is(text::kCapitalized);
      actor = actor || ctx.is_name_token(i) || ctx.has(i, kPersonNounWord | kOrgHeadWord);
    }
    if (checkable) {
      int end = ctx.headline_end_tok;
      while (end > 0 && !ctx.is_word(end - 1) && !doc.tok(end - 1).is(text::kDigit)) --end;
      if (end > 0) ctx.out.unattributed.push_back(ctx.span(0, end));
    }
  }
  for (const auto& s : doc.sentences()) {
    const int sb = std::max(s.first_tok, ctx.body_first_tok);
    if (s.end_tok <= sb) continue;
    bool any_covered = false, checkable = false;
    for (int i = sb; i < s.end_tok && !any_covered; ++i)
      // Quoted speech is someone's, not the outlet's.
      any_covered = covered[static_cast<std::size_t>(i)] || doc.tok(i).quote >= 0;
    if (any_covered) continue;
    // A checkable statement in the outlet's voice: a number, a date or a
    // day; or, with someone or something named doing it, a plan ("X plans
    // to ...", "X is seeking to ..."), an event to come ("X will ...") or
    // one done by a named agent ("was funded by the X Foundation"). A
    // judgement ("should", "must") or a question is not one.
    bool actor = false, opinion = false;
    for (int i = sb; i < s.end_tok && !opinion; ++i) opinion = ctx.is_punct(i, '?') || ctx.has(i, kOpinionWord);
    for (int i = sb; i < s.end_tok && !checkable; ++i) {
      if (!ctx.is_word(i)) continue;
      const std::string_view w = ctx.low(i);
      if (doc.tok(i).is(text::kDigit))
        checkable = true;
      else if (auto q = ctx.has(i, kQuantifierWord) ? ctx.lex.quantifier(w) : std::nullopt; q && *q && **q > 1)
        checkable = true;
      else if (std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths) || weekday(w))
        checkable = true;
      else if (!opinion && i + 1 < s.end_tok &&
               ((actor && ctx.has(i, kIntentionWord) && ctx.low(i + 1) == "to") ||
                (actor && w == "will" && ctx.is_word(i + 1) && !ctx.has(i + 1, kCueModifierWord)) ||
                (w == "by" && i > sb && past_participle(ctx.low(i - 1)) &&
                 (ctx.is_name_token(i + 1) ||
                  (ctx.low(i + 1) == "the" && i + 2 < s.end_tok && ctx.is_name_token(i + 2))))))
        checkable = true;
      actor = actor || ctx.is_name_token(i) || ctx.has(i, kPersonNounWord | kOrgHeadWord | kDocumentNounWord) ||
              ctx.has(i, kSubjectPronounWord);
    }
    if (!checkable) continue;
    int end = s.end_tok;
    while (end > sb && doc.tok(end - 1).is(text::kSentenceEnd)) --end;
    ctx.out.unattributed.push_back(ctx.span(sb, end));
  }
}

}  // namespace claimtrail::extract
