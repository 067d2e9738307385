#include "language/parser.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>

namespace claimtrail::language {

namespace {

using learn::feature_key;

enum Move : int { kShift = 0, kLeft, kRight, kReduce, kMoves };

constexpr std::uint64_t kRootWord = 0x726f6f74ULL;
constexpr std::uint64_t kRootTag = kUpos + 1;
constexpr std::uint64_t kNoTag = kUpos + 2;

// A parser configuration over words 1..n (0 is the root): the stack, the
// buffer's front b, the arcs so far and each word's outermost children.
struct State {
  int n = 0;
  std::vector<int> stack;
  int b = 1;
  std::vector<int> head, lc1, lc2, rc1, rc2, nl, nr;

  explicit State(int words) : n(words) {
    stack.reserve(static_cast<std::size_t>(n) + 1);
    stack.push_back(0);
    const auto size = static_cast<std::size_t>(n) + 1;
    head.assign(size, -1);
    lc1.assign(size, -1);
    lc2.assign(size, -1);
    rc1.assign(size, -1);
    rc2.assign(size, -1);
    nl.assign(size, 0);
    nr.assign(size, 0);
  }
  bool done() const { return b > n; }
  int s0() const { return stack.empty() ? -1 : stack.back(); }
  int s1() const { return stack.size() < 2 ? -1 : stack[stack.size() - 2]; }

  void arc(int h, int d) {
    const auto H = static_cast<std::size_t>(h);
    head[static_cast<std::size_t>(d)] = h;
    if (d < h) {
      ++nl[H];
      if (lc1[H] < 0 || d < lc1[H]) {
        lc2[H] = lc1[H];
        lc1[H] = d;
      } else if (lc2[H] < 0 || d < lc2[H]) {
        lc2[H] = d;
      }
    } else {
      ++nr[H];
      if (rc1[H] < 0 || d > rc1[H]) {
        rc2[H] = rc1[H];
        rc1[H] = d;
      } else if (rc2[H] < 0 || d > rc2[H]) {
        rc2[H] = d;
      }
    }
  }

  bool valid(int m) const {
    const int s = s0();
    switch (m) {
      case kShift:
        return b <= n;
      case kLeft:
        return b <= n && s > 0 && head[static_cast<std::size_t>(s)] < 0;
      case kRight:
        return b <= n && s >= 0;
      case kReduce:
        return s > 0 && head[static_cast<std::size_t>(s)] >= 0;
    }
    return false;
  }

  void apply(int m) {
    switch (m) {
      case kShift:
        stack.push_back(b++);
        break;
      case kLeft:
        arc(b, s0());
        stack.pop_back();
        break;
      case kRight:
        arc(s0(), b);
        stack.push_back(b++);
        break;
      case kReduce:
        stack.pop_back();
        break;
    }
  }

  // The gold arcs each move would make unreachable (Goldberg & Nivre 2012).
  int cost(int m, const std::vector<int>& gold) const {
    const int s = s0();
    auto in_stack = [&](int k) { return std::find(stack.begin(), stack.end(), k) != stack.end(); };
    int c = 0;
    switch (m) {
      case kLeft:
        for (int k = b + 1; k <= n; ++k) c += gold[static_cast<std::size_t>(s)] == k;
        for (int k = b; k <= n; ++k) c += gold[static_cast<std::size_t>(k)] == s;
        break;
      case kRight: {
        const int g = gold[static_cast<std::size_t>(b)];
        if (g != s && (g > b || (in_stack(g)))) ++c;
        for (const int k : stack)
          if (k > 0 && gold[static_cast<std::size_t>(k)] == b && head[static_cast<std::size_t>(k)] < 0) ++c;
        break;
      }
      case kReduce:
        for (int k = b; k <= n; ++k) c += gold[static_cast<std::size_t>(k)] == s;
        break;
      case kShift:
        if (in_stack(gold[static_cast<std::size_t>(b)])) ++c;
        for (const int k : stack)
          if (k > 0 && gold[static_cast<std::size_t>(k)] == b && head[static_cast<std::size_t>(k)] < 0) ++c;
        break;
    }
    return c;
  }
};

struct View {
  std::span<const WordCodes> words;
  std::span<const std::uint8_t> tags;
  std::vector<std::uint32_t> classes;  // the words' ambiguity classes
  View(std::span<const WordCodes> w, std::span<const std::uint8_t> t, const TagDictionary& dict) : words(w), tags(t) {
    classes.reserve(w.size());
    for (const auto& x : w) classes.push_back(dict(x));
  }
  std::uint64_t a(int i) const {
    return i < 0 ? kNoWord : i == 0 ? kRootWord : classes[static_cast<std::size_t>(i - 1)];
  }
  std::uint64_t w(int i) const {
    return i < 0 ? kNoWord : i == 0 ? kRootWord : words[static_cast<std::size_t>(i - 1)].lower;
  }
  std::uint64_t p(int i) const { return i < 0 ? kNoTag : i == 0 ? kRootTag : tags[static_cast<std::size_t>(i - 1)]; }
  std::uint64_t suffix(int i) const {
    return i < 0 ? kNoWord : i == 0 ? kRootWord : words[static_cast<std::size_t>(i - 1)].suffix[2];
  }
};

int child(const std::vector<int>& v, int i) { return i < 0 ? -1 : v[static_cast<std::size_t>(i)]; }

void arc_features(const State& st, const View& v, std::vector<std::uint64_t>& out) {
  out.clear();
  const int s0 = st.s0(), s1 = st.s1();
  const int n0 = st.b <= st.n ? st.b : -1;
  const int n1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const int n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  const int s0h = s0 > 0 ? st.head[static_cast<std::size_t>(s0)] : -1;
  const int s0h2 = s0h > 0 ? st.head[static_cast<std::size_t>(s0h)] : -1;
  const int s0l = child(st.lc1, s0), s0r = child(st.rc1, s0), s0l2 = child(st.lc2, s0), s0r2 = child(st.rc2, s0);
  const int n0l = child(st.lc1, n0), n0l2 = child(st.lc2, n0);
  const std::uint64_t S0w = v.w(s0), S0p = v.p(s0), N0w = v.w(n0), N0p = v.p(n0), N1w = v.w(n1), N1p = v.p(n1),
                      N2w = v.w(n2), N2p = v.p(n2), S1p = v.p(s1), S1w = v.w(s1);
  const std::uint64_t S0wp = feature_key(1, S0w, S0p), N0wp = feature_key(1, N0w, N0p);
  std::uint64_t t = 100;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature_key(t++, a, b, c));
  };
  add(0);
  // single words
  add(S0wp), add(S0w), add(S0p), add(N0wp), add(N0w), add(N0p);
  add(feature_key(1, N1w, N1p)), add(N1w), add(N1p), add(feature_key(1, N2w, N2p)), add(N2w), add(N2p);
  // pairs
  add(S0wp, N0wp), add(S0wp, N0w), add(S0w, N0wp), add(S0wp, N0p), add(S0p, N0wp), add(S0w, N0w), add(S0p, N0p);
  add(N0p, N1p);
  // triples
  add(N0p, N1p, N2p), add(S0p, N0p, N1p), add(v.p(s0h), S0p, N0p), add(S0p, v.p(s0l), N0p), add(S0p, v.p(s0r), N0p),
      add(S0p, N0p, v.p(n0l));
  // distance
  const std::uint64_t d = s0 > 0 && n0 > 0 ? static_cast<std::uint64_t>(std::min(n0 - s0, 6)) : 0;
  add(S0w, d), add(S0p, d), add(N0w, d), add(N0p, d), add(S0w, N0w, d), add(S0p, N0p, d);
  // valency
  const std::uint64_t s0vl = s0 >= 0 ? static_cast<std::uint64_t>(std::min(st.nl[static_cast<std::size_t>(s0)], 4)) : 9;
  const std::uint64_t s0vr = s0 >= 0 ? static_cast<std::uint64_t>(std::min(st.nr[static_cast<std::size_t>(s0)], 4)) : 9;
  const std::uint64_t n0vl = n0 >= 0 ? static_cast<std::uint64_t>(std::min(st.nl[static_cast<std::size_t>(n0)], 4)) : 9;
  add(S0w, s0vr), add(S0p, s0vr), add(S0w, s0vl), add(S0p, s0vl), add(N0w, n0vl), add(N0p, n0vl);
  // second order
  add(v.w(s0h)), add(v.p(s0h)), add(v.w(s0l)), add(v.p(s0l)), add(v.w(s0r)), add(v.p(s0r)), add(v.w(n0l)),
      add(v.p(n0l));
  // third order
  add(v.w(s0h2)), add(v.p(s0h2)), add(v.w(s0l2)), add(v.p(s0l2)), add(v.w(s0r2)), add(v.p(s0r2)), add(v.w(n0l2)),
      add(v.p(n0l2));
  add(S0p, v.p(s0l), v.p(s0l2)), add(S0p, v.p(s0r), v.p(s0r2)), add(S0p, v.p(s0h), v.p(s0h2)),
      add(N0p, v.p(n0l), v.p(n0l2));
  // the stack's second word; whether s0 has its head
  add(S1p), add(S1w), add(S1p, S0p, N0p), add(s0 > 0 && st.head[static_cast<std::size_t>(s0)] >= 0, S0p, N0p);
  // the words' endings (for words the model has not seen), lexical triples
  add(v.suffix(s0), S0p), add(v.suffix(n0), N0p), add(v.suffix(s0), N0p), add(S0p, v.suffix(n0));
  add(S0w, N0p, N1p), add(S0p, N0w, N1p), add(S1w, S0p), add(S1p, S0w);
  // punctuation between the stack's top and the buffer's front
  int punct = 0;
  if (s0 > 0 && n0 > 0)
    for (int k = s0 + 1; k < n0 && punct < 2; ++k) punct += v.p(k) == PUNCT;
  add(static_cast<std::uint64_t>(punct), S0p, N0p);
  // what the words could be, beside the tags they got
  add(v.a(s0), N0p), add(S0p, v.a(n0)), add(v.a(s0), v.a(n0)), add(v.a(n1), N0p);
}

// Features naming the arc head -> dep (1-based, 0 the root) in a finished tree.
void label_features(const View& v, const std::vector<int>& head, const std::vector<std::vector<int>>& kids, int d,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const int h = head[static_cast<std::size_t>(d)];
  const std::uint64_t dw = v.w(d), dp = v.p(d), hw = v.w(h), hp = v.p(h);
  const std::uint64_t dir = h == 0 ? 2 : d < h ? 0 : 1;
  const std::uint64_t dist = h == 0 ? 0 : static_cast<std::uint64_t>(std::min(std::abs(d - h), 6));
  const int hh = h > 0 ? head[static_cast<std::size_t>(h)] : -1;
  std::uint64_t t = 300;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature_key(t++, a, b, c));
  };
  add(0), add(dp), add(hp), add(dp, hp), add(dw), add(hw), add(dw, hp), add(dp, hw), add(dir, dp, hp), add(dist, dir),
      add(dw, hw), add(v.p(hh), dp, hp), add(dir, dw);
  const WordCodes* dcodes = d > 0 ? &v.words[static_cast<std::size_t>(d - 1)] : nullptr;
  add(dcodes ? dcodes->suffix[2] : kNoWord, dp), add(dcodes ? dcodes->shape : kNoWord, dp);
  add(h > 0 ? v.words[static_cast<std::size_t>(h - 1)].suffix[1] : kNoWord, hp);
  // the dependent's children: function words by word, others by tag
  std::uint64_t ct = 400;
  for (const int c : kids[static_cast<std::size_t>(d)]) {
    const std::uint64_t cp = v.p(c);
    const std::uint64_t side = c < d ? 0 : 1;
    const bool function = cp == ADP || cp == SCONJ || cp == AUX || cp == PART || cp == DET || cp == PRON ||
                          cp == CCONJ || cp == PUNCT || cp == ADV;
    out.push_back(feature_key(ct, cp, side, dp));
    if (function) {
      out.push_back(feature_key(ct + 1, v.w(c), side, dp));
      out.push_back(feature_key(ct + 2, v.w(c), hp, dir));
    }
  }
  // the dependent's siblings: auxiliaries, objects, subjects by tag and side
  for (const int s : kids[static_cast<std::size_t>(h)]) {
    if (s == d) continue;
    const std::uint64_t sp = v.p(s);
    const std::uint64_t side = (s < d ? 0 : 1) | (s < h ? 0 : 2);
    out.push_back(feature_key(ct + 3, sp, side, dp));
    if (sp == AUX || sp == PART || sp == ADP || sp == SCONJ || sp == PRON)
      out.push_back(feature_key(ct + 4, v.w(s), side, dp));
  }
  // position among the head's children on its side
  int nearer = 0;
  for (const int s : kids[static_cast<std::size_t>(h)])
    if (s != d && ((s < h) == (d < h)) && std::abs(s - h) < std::abs(d - h)) ++nearer;
  add(static_cast<std::uint64_t>(std::min(nearer, 3)), dir, dp);
  add(kids[static_cast<std::size_t>(d)].empty(), dp, hp);
}

std::vector<std::vector<int>> children_of(const std::vector<int>& head) {
  std::vector<std::vector<int>> kids(head.size());
  for (std::size_t d = 1; d < head.size(); ++d)
    if (head[d] >= 0) kids[static_cast<std::size_t>(head[d])].push_back(static_cast<int>(d));
  return kids;
}

int best_valid(const float* s, const State& st) {
  int best = -1;
  for (int m = 0; m < kMoves; ++m)
    if (st.valid(m) && (best < 0 || s[m] > s[best])) best = m;
  return best;
}

}  // namespace

std::vector<int> Parser::heads(std::span<const WordCodes> words, std::span<const std::uint8_t> tags) const {
  const int n = static_cast<int>(words.size());
  State st(n);
  const View v(words, tags, dict_);
  thread_local std::vector<std::uint64_t> f;
  while (!st.done()) {
    arc_features(st, v, f);
    std::array<float, kMoves> s{};
    arcs_.score(f, s.data());
    st.apply(best_valid(s.data(), st));
  }
  std::vector<int> out(static_cast<std::size_t>(n), -1);
  for (int i = 1; i <= n; ++i) {
    const int h = st.head[static_cast<std::size_t>(i)];  // -1: left headless, attached to the root
    out[static_cast<std::size_t>(i - 1)] = h <= 0 ? -1 : h - 1;
  }
  return out;
}

std::vector<std::uint16_t> Parser::labels(std::span<const WordCodes> words, std::span<const std::uint8_t> tags,
                                          std::span<const int> heads) const {
  std::vector<std::uint16_t> out(words.size(), 0);
  for (std::size_t d = 0; d < words.size(); ++d) out[d] = label(words, tags, heads, static_cast<int>(d));
  return out;
}

std::uint16_t Parser::label(std::span<const WordCodes> words, std::span<const std::uint8_t> tags,
                            std::span<const int> heads, int word) const {
  const std::size_t n = words.size();
  thread_local std::vector<int> head;
  head.assign(n + 1, -1);
  for (std::size_t i = 0; i < n; ++i) head[i + 1] = heads[i] < 0 ? 0 : heads[i] + 1;
  // Only the children of the word and of its head are read.
  const int d = word + 1, h = head[static_cast<std::size_t>(d)];
  std::vector<std::vector<int>> kids(n + 1);
  for (std::size_t c = 1; c <= n; ++c)
    if (head[c] == d || head[c] == h) kids[static_cast<std::size_t>(head[c])].push_back(static_cast<int>(c));
  const View v(words, tags, dict_);
  thread_local std::vector<std::uint64_t> f;
  label_features(v, head, kids, d, f);
  std::array<float, learn::kMaxClasses> s{};
  labels_.score(f, s.data());
  return static_cast<std::uint16_t>(std::max_element(s.begin(), s.begin() + labels_.classes()) - s.begin());
}

int Parser::label_of(std::string_view name) const {
  for (std::size_t i = 0; i < label_names_.size(); ++i)
    if (label_names_[i] == name) return static_cast<int>(i);
  return -1;
}

Parser train_parser(const std::vector<ParserExample>& train, const TagDictionary& dict, int epochs,
                    const TrainLog& log) {
  std::map<std::string, int> names;
  for (const auto& ex : train)
    for (const auto& r : ex.deprels) names.emplace(r, 0);
  std::vector<std::string> label_names;
  for (auto& [name, id] : names) {
    id = static_cast<int>(label_names.size());
    label_names.push_back(name);
  }
  learn::MulticlassTrainer arcs(kMoves);
  learn::MulticlassTrainer labels(static_cast<int>(label_names.size()));
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::uint64_t rng = 0x5eed0002;
  std::vector<std::uint64_t> f;
  for (int e = 0; e < epochs; ++e) {
    shuffle_indices(order, rng);
    std::size_t right = 0, all = 0, lright = 0;
    for (const std::size_t si : order) {
      const auto& ex = train[si];
      const int n = static_cast<int>(ex.words.size());
      std::vector<int> gold(static_cast<std::size_t>(n) + 1, -1);
      for (int i = 0; i < n; ++i) gold[static_cast<std::size_t>(i + 1)] = ex.heads[static_cast<std::size_t>(i)] + 1;
      const View v(ex.words, ex.tags, dict);
      State st(n);
      while (!st.done()) {
        arc_features(st, v, f);
        if (e == 0) arcs.count(f);
        std::array<float, kMoves> s{};
        arcs.score(f, s.data());
        const int guess = best_valid(s.data(), st);
        std::array<int, kMoves> cost{};
        int least = 1 << 30;
        for (int m = 0; m < kMoves; ++m)
          if (st.valid(m)) least = std::min(least, cost[static_cast<std::size_t>(m)] = st.cost(m, gold));
        int truth = -1;
        for (int m = 0; m < kMoves; ++m)
          if (st.valid(m) && cost[static_cast<std::size_t>(m)] == least && (truth < 0 || s[m] > s[truth])) truth = m;
        if (cost[static_cast<std::size_t>(guess)] > least) arcs.update(f, truth, guess);
        arcs.tick();
        // explore: after the first pass, follow the model's own move 9 times in 10
        const bool explore = e > 0 && next_random(rng) % 10 != 0;
        st.apply(explore ? guess : truth);
      }
      for (int i = 1; i <= n; ++i) {
        right += st.head[static_cast<std::size_t>(i)] == gold[static_cast<std::size_t>(i)] ||
                 (st.head[static_cast<std::size_t>(i)] < 0 && gold[static_cast<std::size_t>(i)] == 0);
        ++all;
      }
      // the labeller learns on the gold tree
      const auto kids = children_of(gold);
      std::vector<float> ls(label_names.size());
      for (int d = 1; d <= n; ++d) {
        label_features(v, gold, kids, d, f);
        if (e == 0) labels.count(f);
        std::fill(ls.begin(), ls.end(), 0.0f);
        labels.score(f, ls.data());
        const int guess = static_cast<int>(std::max_element(ls.begin(), ls.end()) - ls.begin());
        const int truth = names.at(ex.deprels[static_cast<std::size_t>(d - 1)]);
        labels.update(f, truth, guess);
        labels.tick();
        lright += guess == truth;
      }
    }
    if (log)
      log("parser epoch " + std::to_string(e + 1) + ": train UAS " + std::to_string(double(right) / double(all)) +
          ", labels " + std::to_string(double(lright) / double(all)));
  }
  return Parser(arcs.finish(3), labels.finish(3), std::move(label_names), dict);
}

}  // namespace claimtrail::language
