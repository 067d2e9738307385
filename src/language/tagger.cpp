#include "language/tagger.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <numeric>
#include <stdexcept>

namespace claimtrail::language {

namespace {

const WordCodes& at(std::span<const WordCodes> w, std::ptrdiff_t i) {
  static const WordCodes none = [] {
    WordCodes n;
    n.form = n.lower = n.shape = kNoWord;
    for (auto& s : n.suffix) s = kNoWord;
    for (auto& p : n.prefix) p = kNoWord;
    return n;
  }();
  return i < 0 || i >= static_cast<std::ptrdiff_t>(w.size()) ? none : w[static_cast<std::size_t>(i)];
}

}  // namespace

std::uint64_t next_random(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return state >> 33;
}

void shuffle_indices(std::vector<std::size_t>& order, std::uint64_t& state) {
  for (std::size_t i = order.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(next_random(state) % i);
    std::swap(order[i - 1], order[j]);
  }
}

std::uint32_t TagDictionary::operator()(const WordCodes& w) const {
  const auto it = std::lower_bound(tags_.begin(), tags_.end(), std::make_pair(w.lower, std::uint32_t{0}));
  return it != tags_.end() && it->first == w.lower ? it->second : 0;
}

void TagDictionary::seal() { std::sort(tags_.begin(), tags_.end()); }

std::string TagDictionary::serialize() const {
  std::string out;
  out.resize(tags_.size() * 12);
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    std::memcpy(&out[i * 12], &tags_[i].first, 8);
    std::memcpy(&out[i * 12 + 8], &tags_[i].second, 4);
  }
  return out;
}

TagDictionary TagDictionary::parse(std::string_view bytes) {
  if (bytes.size() % 12 != 0) throw std::runtime_error("bad tag dictionary in language model");
  TagDictionary d;
  d.tags_.resize(bytes.size() / 12);
  for (std::size_t i = 0; i < d.tags_.size(); ++i) {
    std::memcpy(&d.tags_[i].first, bytes.data() + i * 12, 8);
    std::memcpy(&d.tags_[i].second, bytes.data() + i * 12 + 8, 4);
    if (i > 0 && d.tags_[i].first <= d.tags_[i - 1].first)
      throw std::runtime_error("tag dictionary out of order in language model");
  }
  return d;
}

void Tagger::features(std::span<const WordCodes> words, std::span<const std::uint32_t> classes, std::size_t i, int prev,
                      int prev2, std::span<const std::uint8_t> ahead, std::vector<std::uint64_t>& out) {
  auto amb = [&](std::ptrdiff_t k) -> std::uint64_t {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(classes.size()) ? 1u << 31 : classes[static_cast<std::size_t>(k)];
  };
  using learn::feature_key;
  const auto n = static_cast<std::ptrdiff_t>(i);
  const WordCodes& w = at(words, n);
  const WordCodes& wm1 = at(words, n - 1);
  const WordCodes& wm2 = at(words, n - 2);
  const WordCodes& wp1 = at(words, n + 1);
  const WordCodes& wp2 = at(words, n + 2);
  const auto p1 = static_cast<std::uint64_t>(prev), p2 = static_cast<std::uint64_t>(prev2);
  out.clear();
  out.push_back(feature_key(1, 0));
  out.push_back(feature_key(2, w.lower));
  out.push_back(feature_key(3, w.form));
  for (std::uint64_t k = 0; k < 4; ++k) out.push_back(feature_key(4 + k, w.suffix[k]));
  for (std::uint64_t k = 0; k < 2; ++k) out.push_back(feature_key(8 + k, w.prefix[k]));
  out.push_back(feature_key(10, w.shape));
  out.push_back(feature_key(11, p1));
  out.push_back(feature_key(12, p2, p1));
  out.push_back(feature_key(13, p1, w.lower));
  out.push_back(feature_key(14, wm1.lower));
  out.push_back(feature_key(15, wm1.suffix[2]));
  out.push_back(feature_key(16, wm2.lower));
  out.push_back(feature_key(17, wp1.lower));
  out.push_back(feature_key(18, wp1.suffix[2]));
  out.push_back(feature_key(19, wp2.lower));
  out.push_back(feature_key(20, wp1.shape));
  out.push_back(feature_key(21, wm1.lower, w.lower));
  out.push_back(feature_key(22, w.lower, wp1.lower));
  out.push_back(feature_key(23, i == 0, w.capitalised));
  out.push_back(feature_key(24, p1, w.suffix[2]));
  out.push_back(feature_key(25, wm1.shape));
  out.push_back(feature_key(26, p1, wp1.lower));
  out.push_back(feature_key(27, p1, wm1.lower));
  out.push_back(feature_key(28, wm1.lower, wp1.lower));
  out.push_back(feature_key(29, wp1.suffix[0], wp1.suffix[1]));
  out.push_back(feature_key(30, w.lower, wp1.suffix[2]));
  out.push_back(feature_key(31, w.has_digit, w.has_hyphen, w.all_caps));
  out.push_back(feature_key(32, wp2.suffix[2]));
  out.push_back(feature_key(33, wm2.lower, wm1.lower, w.lower));
  // what the words here and ahead can be
  out.push_back(feature_key(34, amb(n)));
  out.push_back(feature_key(35, amb(n + 1)));
  out.push_back(feature_key(36, amb(n + 2)));
  out.push_back(feature_key(37, amb(n), amb(n + 1)));
  out.push_back(feature_key(38, p1, amb(n + 1)));
  out.push_back(feature_key(39, w.lower, amb(n + 1)));
  out.push_back(feature_key(40, amb(n), w.suffix[2]));
  // what WordNet says the word and the next can be
  out.push_back(feature_key(41, w.wordnet));
  out.push_back(feature_key(42, wp1.wordnet));
  out.push_back(feature_key(43, p1, w.wordnet));
  out.push_back(feature_key(44, w.wordnet & 3, amb(n)));
  // the first pass's tags ahead
  if (!ahead.empty()) {
    auto next = [&](std::size_t k) -> std::uint64_t { return k < ahead.size() ? ahead[k] : kUpos + 1; };
    const std::uint64_t r1 = next(i + 1), r2 = next(i + 2);
    out.push_back(feature_key(45, r1));
    out.push_back(feature_key(46, r1, r2));
    out.push_back(feature_key(47, w.lower, r1));
    out.push_back(feature_key(48, p1, r1));
    out.push_back(feature_key(49, amb(n), r1));
  }
}

std::vector<std::uint8_t> Tagger::tag(std::span<const WordCodes> words) const {
  std::vector<std::uint8_t> tags(words.size(), X);
  thread_local std::vector<std::uint64_t> f;
  thread_local std::vector<std::uint32_t> classes;
  classes.clear();
  for (const auto& w : words) classes.push_back(dict_(w));
  thread_local std::vector<std::uint8_t> first;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) first.assign(tags.begin(), tags.end());
    int p1 = kUpos, p2 = kUpos;
    for (std::size_t i = 0; i < words.size(); ++i) {
      features(words, classes, i, p1, p2, pass == 0 ? std::span<const std::uint8_t>{} : first, f);
      std::array<float, kUpos> s{};
      model_.score(f, s.data());
      int best = 0;
      for (int k = 1; k < kUpos; ++k)
        if (s[static_cast<std::size_t>(k)] > s[static_cast<std::size_t>(best)]) best = k;
      tags[i] = static_cast<std::uint8_t>(best);
      p2 = p1;
      p1 = best;
    }
  }
  return tags;
}

Tagger train_tagger(const std::vector<TreebankSentence>& train, int epochs, const TrainLog& log) {
  learn::MulticlassTrainer t(kUpos);
  std::vector<std::vector<WordCodes>> codes;
  codes.reserve(train.size());
  std::map<std::uint64_t, std::pair<int, std::uint32_t>> seen;  // word -> count, tags
  for (const auto& s : train) {
    std::vector<std::string_view> words;
    for (const auto& tok : s.tokens) words.push_back(tok.form);
    codes.push_back(word_codes(words));
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      auto& [count, tags] = seen[codes.back()[i].lower];
      ++count;
      tags |= 1u << s.tokens[i].upos;
    }
  }
  // Words seen at least twice; a word seen once would claim one tag.
  TagDictionary dict;
  for (const auto& [word, ct] : seen)
    if (ct.first >= 2) dict.add(word, ct.second);
  dict.seal();
  std::vector<std::vector<std::uint32_t>> classes(train.size());
  for (std::size_t si = 0; si < train.size(); ++si)
    for (const auto& w : codes[si]) classes[si].push_back(dict(w));
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::uint64_t rng = 0x5eed0001;
  std::vector<std::uint64_t> f;
  for (int e = 0; e < epochs; ++e) {
    shuffle_indices(order, rng);
    std::size_t right = 0, all = 0;
    for (const std::size_t si : order) {
      const auto& s = train[si];
      // Both passes learn: the second on the first's own guesses ahead.
      std::vector<std::uint8_t> first(s.tokens.size());
      for (int pass = 0; pass < 2; ++pass) {
        int p1 = kUpos, p2 = kUpos;
        for (std::size_t i = 0; i < s.tokens.size(); ++i) {
          Tagger::features(codes[si], classes[si], i, p1, p2,
                           pass == 0 ? std::span<const std::uint8_t>{} : std::span<const std::uint8_t>(first), f);
          if (e == 0) t.count(f);
          std::array<float, kUpos> sc{};
          t.score(f, sc.data());
          int guess = 0;
          for (int k = 1; k < kUpos; ++k)
            if (sc[static_cast<std::size_t>(k)] > sc[static_cast<std::size_t>(guess)]) guess = k;
          const int gold = s.tokens[i].upos;
          t.update(f, gold, guess);
          t.tick();
          if (pass == 0) first[i] = static_cast<std::uint8_t>(guess);
          right += pass == 1 && guess == gold;
          all += pass == 1;
          p2 = p1;
          p1 = guess;  // greedy decoding trains on its own history
        }
      }
    }
    if (log)
      log("tagger epoch " + std::to_string(e + 1) + ": train accuracy " + std::to_string(double(right) / double(all)));
  }
  return Tagger(t.finish(3), std::move(dict));
}

}  // namespace claimtrail::language
