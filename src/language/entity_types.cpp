#include "language/entity_types.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>
#include <unordered_map>

#include "language/lexical.hpp"
#include "language/word_classes.hpp"
#include "util/ascii.hpp"

namespace claimtrail::language {

namespace {

using learn::feature_key;

std::uint64_t lower_at(const SentenceView& s, int i) {
  return i < 0 || i >= static_cast<int>(s.words.size()) ? kNoWord : s.words[static_cast<std::size_t>(i)].lower;
}
std::uint64_t tag_at(const SentenceView& s, int i) {
  return i < 0 || i >= static_cast<int>(s.tags.size()) ? kUpos + 2 : s.tags[static_cast<std::size_t>(i)];
}
// The word classes of word i (word_classes.hpp); {} outside the sentence.
WordClass cls_at(const SentenceView& s, int i) {
  return i < 0 || i >= static_cast<int>(s.text.size()) ? WordClass{}
                                                       : word_class_of(s.text[static_cast<std::size_t>(i)]);
}
std::uint64_t label_at(const SentenceView& s, int i) {
  if (i < 0 || i >= static_cast<int>(s.labels.size())) return kNoWord;
  const std::uint16_t l = s.labels[static_cast<std::size_t>(i)];
  return l < s.label_names.size() ? word_hash(s.label_names[l]) : kNoWord;
}

// The kinds a noun can name (NounInfo's, or its first sense's), as bits:
// person, organisation, place, document.
template <class Kinds>
std::uint64_t kind_bits(const Kinds& k) {
  return static_cast<std::uint64_t>(k.person) | static_cast<std::uint64_t>(k.organisation) << 1 |
         static_cast<std::uint64_t>(k.place) << 2 | static_cast<std::uint64_t>(k.document) << 3;
}

// What WordNet says the head noun (or the phrase as one compound) names,
// and whether iso-codes knows the phrase or its head as a place.
void lexical_features(const SentenceView& s, const Phrase& p, int h, std::vector<std::uint64_t>& out) {
  if (s.text.empty()) return;
  const std::uint64_t tag = tag_at(s, h);
  auto noun_features = [&](std::uint64_t templ, std::string_view words) {
    const auto info = noun(lemma_noun(words));
    if (!info) {
      out.push_back(feature_key(templ, 0, tag));
      return;
    }
    out.push_back(feature_key(templ + 1, static_cast<std::uint64_t>(info->first), tag));
    out.push_back(feature_key(templ + 2, kind_bits(info->first_kinds), tag));
    out.push_back(feature_key(templ + 3, kind_bits(*info)));
  };
  noun_features(540, s.text[static_cast<std::size_t>(h)]);
  if (p.last > p.first && p.last - p.first < 4) {
    std::string phrase;
    for (int i = p.first; i <= p.last; ++i) {
      if (!phrase.empty()) phrase += ' ';
      phrase += s.text[static_cast<std::size_t>(i)];
    }
    noun_features(550, phrase);
    if (const auto pl = place(phrase)) out.push_back(feature_key(560, pl->country));
    // without a leading determiner: "the United States"
    if (tag_at(s, p.first) == DET) {
      const std::size_t space = phrase.find(' ');
      if (const auto pl2 = place(std::string_view(phrase).substr(space + 1)))
        out.push_back(feature_key(561, pl2->country));
    }
  }
  if (const auto pl = place(s.text[static_cast<std::size_t>(h)])) out.push_back(feature_key(562, pl->country, tag));
  // the verb the phrase depends on, by its WordNet class ("said": communication)
  const int gov = s.heads[static_cast<std::size_t>(h)];
  if (gov >= 0 && (tag_at(s, gov) == VERB || tag_at(s, gov) == AUX)) {
    const auto v = verb(lemma_verb(util::ascii_lower(s.text[static_cast<std::size_t>(gov)])));
    out.push_back(feature_key(563, v ? static_cast<std::uint64_t>(v->first) + 1 : 0, label_at(s, h)));
  }
  // "the greatest number of people", "lots of companies": the noun after
  // "of" tells what a quantity or group head counts
  const int n = static_cast<int>(s.words.size());
  for (int i = h + 1; i <= p.last && i < n; ++i) {
    if (s.heads[static_cast<std::size_t>(i)] != h) continue;
    const std::uint16_t l = s.labels[static_cast<std::size_t>(i)];
    if (l >= s.label_names.size() || !s.label_names[l].starts_with("nmod")) continue;
    const auto head_info = noun(lemma_noun(s.text[static_cast<std::size_t>(h)]));
    const std::uint64_t head_class = head_info ? static_cast<std::uint64_t>(head_info->first) : 99;
    out.push_back(feature_key(565, s.words[static_cast<std::size_t>(i)].lower));
    out.push_back(feature_key(566, tag_at(s, i), head_class));
    if (const auto info = noun(lemma_noun(s.text[static_cast<std::size_t>(i)])))
      out.push_back(feature_key(567, kind_bits(info->first_kinds), static_cast<std::uint64_t>(info->first)));
    break;
  }
  // what the other nouns of the phrase name ("the John Smith archive")
  for (int i = p.first; i <= p.last && i < p.first + 8; ++i) {
    if (i == h || (tag_at(s, i) != NOUN && tag_at(s, i) != PROPN)) continue;
    if (const auto info = noun(lemma_noun(s.text[static_cast<std::size_t>(i)])))
      out.push_back(feature_key(564, kind_bits(info->first_kinds), i < h));
  }
}

// "a majority of the citizens", "all of our friends", "a lot of galleries":
// when "of" follows the head, the noun it introduces often tells what the
// phrase is, so it is described as the head is, under its own templates,
// and beside the head's class (the model learns which heads count).
void partitive_features(const SentenceView& s, const Phrase& p, int h, std::vector<std::uint64_t>& out) {
  const int n = static_cast<int>(s.words.size());
  if (h + 2 > p.last || h + 2 >= n || util::ascii_lower(s.text[static_cast<std::size_t>(h + 1)]) != "of") return;
  int c = -1;
  for (int i = h + 2; i <= p.last && i < n; ++i)
    if (s.heads[static_cast<std::size_t>(i)] == h) {
      c = i;
      break;
    }
  if (c < 0) return;
  // A head that names a speaker itself ("the ministry of health", "the
  // emperor of Mexico") is what the phrase is.
  if (const auto info = noun(lemma_noun(s.text[static_cast<std::size_t>(h)]))) {
    const auto& k = info->first_kinds;
    if (k.person || k.organisation || k.place) return;
  }
  const WordCodes& cw = s.words[static_cast<std::size_t>(c)];
  const WordCodes& hw = s.words[static_cast<std::size_t>(h)];
  std::uint64_t kinds = 16;
  if (const auto info = noun(lemma_noun(s.text[static_cast<std::size_t>(c)]))) kinds = kind_bits(info->first_kinds);
  out.push_back(feature_key(590, cw.lower));
  out.push_back(feature_key(591, cls_at(s, c).fine));
  out.push_back(feature_key(592, kinds, tag_at(s, c)));
  out.push_back(feature_key(593, kinds, cls_at(s, h).middle));
  out.push_back(feature_key(594, kinds, hw.lower));
  out.push_back(feature_key(595, cls_at(s, c).middle, tag_at(s, h)));
  out.push_back(feature_key(596, cw.capitalised, tag_at(s, c), kinds));
}

}  // namespace

void DocumentMemory::note(std::uint64_t head, int type) {
  if (type >= 0 && type < kEntityTypes) ++seen_[head][static_cast<std::size_t>(type)];
}

int DocumentMemory::likely(std::uint64_t head) const {
  const auto it = seen_.find(head);
  if (it == seen_.end()) return -1;
  return static_cast<int>(std::max_element(it->second.begin(), it->second.end()) - it->second.begin());
}

void EntityTyper::features(const SentenceView& s, const Phrase& p, const DocumentMemory* memory,
                           std::vector<std::uint64_t>& out) {
  out.clear();
  const int n = static_cast<int>(s.words.size());
  const int h = std::clamp(p.head, 0, n - 1);
  const WordCodes& hw = s.words[static_cast<std::size_t>(h)];
  std::uint64_t t = 500;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature_key(t++, a, b, c));
  };
  const std::uint64_t len = static_cast<std::uint64_t>(std::min(p.last - p.first + 1, 6));
  add(0), add(hw.lower), add(hw.suffix[2]), add(hw.suffix[3]), add(hw.shape), add(tag_at(s, h)),
      add(hw.lower, tag_at(s, h));
  add(lower_at(s, p.first)), add(lower_at(s, p.last)), add(tag_at(s, p.first)), add(len);
  add(lower_at(s, p.first - 1)), add(lower_at(s, p.last + 1)), add(tag_at(s, p.first - 1)),
      add(lower_at(s, p.first - 1), lower_at(s, p.first - 2));
  // the head's function in the sentence and the word it depends on
  const int gov = h < static_cast<int>(s.heads.size()) ? s.heads[static_cast<std::size_t>(h)] : -1;
  add(label_at(s, h)), add(label_at(s, h), lower_at(s, gov)), add(lower_at(s, gov));
  // capitalisation: all words of the phrase capitalised, the head capitalised mid-sentence
  bool all_caps = true;
  for (int i = p.first; i <= p.last; ++i)
    if (tag_at(s, i) != DET && tag_at(s, i) != ADP && !s.words[static_cast<std::size_t>(i)].capitalised)
      all_caps = false;
  add(all_caps, h == 0, hw.capitalised);
  int proper = 0;
  for (int i = p.first; i <= p.last; ++i) proper += tag_at(s, i) == PROPN;
  add(static_cast<std::uint64_t>(std::min(proper, 3)), tag_at(s, h)), add(lower_at(s, p.first - 1), tag_at(s, h));
  // the words of the phrase (a bag, the first eight)
  for (int i = p.first; i <= p.last && i < p.first + 8; ++i) out.push_back(feature_key(520, lower_at(s, i)));
  // the head's own dependents that are not inside the phrase's words: compounds, titles, cases
  for (int i = std::max(0, h - 4); i < std::min(n, h + 5); ++i)
    if (i != h && s.heads[static_cast<std::size_t>(i)] == h)
      out.push_back(feature_key(521, label_at(s, i), lower_at(s, i)));
  lexical_features(s, p, h, out);
  // the distributional classes of the head, of the phrase's ends and words
  const WordClass head_cls = cls_at(s, h);
  out.push_back(feature_key(580, head_cls.fine));
  out.push_back(feature_key(581, head_cls.middle, tag_at(s, h)));
  out.push_back(feature_key(582, cls_at(s, std::clamp(p.first, 0, n - 1)).fine));
  out.push_back(feature_key(583, head_cls.coarse, hw.capitalised));
  for (int i = p.first; i <= p.last && i < p.first + 8 && i < n; ++i)
    if (i != h) out.push_back(feature_key(584, cls_at(s, i).fine));
  if (gov >= 0 && gov < n) out.push_back(feature_key(585, cls_at(s, gov).middle, label_at(s, h)));
  partitive_features(s, p, h, out);
  if (memory) {
    const int before = memory->likely(hw.lower);
    out.push_back(feature_key(570, static_cast<std::uint64_t>(before + 1), tag_at(s, h)));
    out.push_back(feature_key(571, static_cast<std::uint64_t>(before + 1)));
  }
}

void EntityTyper::scores(const SentenceView& s, const Phrase& p, const DocumentMemory* memory, float* out) const {
  thread_local std::vector<std::uint64_t> f;
  features(s, p, memory, f);
  std::fill(out, out + kEntityTypes, 0.0f);
  model_.score(f, out);
}

int EntityTyper::type(const SentenceView& s, const Phrase& p, DocumentMemory* memory) const {
  std::array<float, kEntityTypes> sc{};
  scores(s, p, memory, sc.data());
  const int t = static_cast<int>(std::max_element(sc.begin(), sc.end()) - sc.begin());
  if (memory)
    memory->note(s.words[static_cast<std::size_t>(std::clamp(p.head, 0, static_cast<int>(s.words.size()) - 1))].lower,
                 t);
  return t;
}

int mention_head(const Mention& m, std::span<const int> heads) {
  auto head_of = [&](const std::vector<int>& words) {
    for (const int w : words) {
      const int h = heads[static_cast<std::size_t>(w)];
      if (std::find(words.begin(), words.end(), h) == words.end()) return w;
    }
    return words.empty() ? m.last : words.back();
  };
  if (!m.min_span.empty()) return head_of(m.min_span);
  std::vector<int> all(static_cast<std::size_t>(m.last - m.first + 1));
  std::iota(all.begin(), all.end(), m.first);
  return head_of(all);
}

constexpr int kMinCount = 3;

EntityTyper train_entity_typer(const std::vector<EntityExample>& train, std::span<const std::string> label_names,
                               int epochs, const TrainLog& log) {
  learn::MulticlassTrainer t(kEntityTypes);
  // Documents: runs of consecutive examples with the same doc id.
  std::vector<std::pair<std::size_t, std::size_t>> docs;
  for (std::size_t i = 0; i < train.size(); ++i)
    if (docs.empty() || train[i].doc != train[docs.back().first].doc)
      docs.emplace_back(i, i + 1);
    else
      docs.back().second = i + 1;
  std::vector<std::size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::uint64_t rng = 0x5eed0003;
  std::vector<std::uint64_t> f;
  // Features seen once are left out from the start: they would only learn
  // the training mentions by heart.
  std::unordered_map<std::uint64_t, int> seen;
  for (const auto& [b, e] : docs) {
    DocumentMemory memory;
    for (std::size_t si = b; si < e; ++si) {
      const auto& ex = train[si];
      std::vector<std::string_view> text(ex.text.begin(), ex.text.end());
      const SentenceView s{text, ex.words, ex.tags, ex.heads, ex.labels, label_names};
      for (const auto& [phrase, gold] : ex.phrases) {
        EntityTyper::features(s, phrase, &memory, f);
        for (const auto k : f) ++seen[k];
        memory.note(ex.words[static_cast<std::size_t>(phrase.head)].lower, gold);
      }
    }
  }
  for (int e = 0; e < epochs; ++e) {
    shuffle_indices(order, rng);
    std::size_t right = 0, all = 0;
    for (const std::size_t di : order) {
      DocumentMemory memory;
      for (std::size_t si = docs[di].first; si < docs[di].second; ++si) {
        const auto& ex = train[si];
        std::vector<std::string_view> text(ex.text.begin(), ex.text.end());
        const SentenceView s{text, ex.words, ex.tags, ex.heads, ex.labels, label_names};
        for (const auto& [phrase, gold] : ex.phrases) {
          EntityTyper::features(s, phrase, &memory, f);
          std::erase_if(f, [&](std::uint64_t k) { return seen[k] < kMinCount; });
          std::array<float, kEntityTypes> sc{};
          t.score(f, sc.data());
          const int guess = static_cast<int>(std::max_element(sc.begin(), sc.end()) - sc.begin());
          t.update(f, gold, guess);
          t.tick();
          memory.note(ex.words[static_cast<std::size_t>(phrase.head)].lower, guess);
          right += guess == gold;
          ++all;
        }
      }
    }
    if (log)
      log("entity typer epoch " + std::to_string(e + 1) + ": train accuracy " +
          std::to_string(double(right) / double(std::max<std::size_t>(all, 1))));
  }
  return EntityTyper(t.finish(1));
}

}  // namespace claimtrail::language
