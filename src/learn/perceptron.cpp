#include "learn/perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace claimtrail::learn {

const char* label_name(int l) {
  static const char* names[] = {"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"};
  return l >= 0 && l < kLabels ? names[l] : "?";
}

std::uint64_t feature_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

namespace {

// I-X may only follow B-X or I-X.
bool allowed(int prev, int label) {
  if (label == I_SRC) return prev == B_SRC || prev == I_SRC;
  if (label == I_CUE) return prev == B_CUE || prev == I_CUE;
  if (label == I_CON) return prev == B_CON || prev == I_CON;
  return true;
}

using Scores = std::array<float, kLabels>;
using Transitions = std::array<std::array<float, kLabels>, kLabels + 1>;

// The best label sequence given each token's emission scores and the
// transition weights ([prev][label], prev kLabels the start). Transitions the
// labelling forbids are a large negative score, so the inner loop has no
// branches.
std::vector<std::uint8_t> viterbi(const std::vector<Scores>& emit, std::size_t n, const Transitions& trans_in) {
  std::vector<std::uint8_t> out(n, O);
  if (n == 0) return out;
  constexpr float kForbidden = -1e30f;
  Transitions trans = trans_in;
  for (int p = 0; p <= kLabels; ++p)
    for (int l = 0; l < kLabels; ++l)
      if (!allowed(p == kLabels ? O : p, l))
        trans[static_cast<std::size_t>(p)][static_cast<std::size_t>(l)] = kForbidden;
  thread_local std::vector<std::array<std::uint8_t, kLabels>> back;
  back.resize(n);
  Scores score{}, next{};
  for (std::size_t l = 0; l < kLabels; ++l) score[l] = emit[0][l] + trans[kLabels][l];
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t l = 0; l < kLabels; ++l) {
      float best = score[0] + trans[0][l];
      std::uint8_t arg = 0;
      for (std::size_t p = 1; p < kLabels; ++p) {
        const float s = score[p] + trans[p][l];
        arg = s > best ? static_cast<std::uint8_t>(p) : arg;
        best = s > best ? s : best;
      }
      next[l] = best + emit[i][l];
      back[i][l] = arg;
    }
    score = next;
  }
  std::size_t l = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
  for (std::size_t i = n; i-- > 0;) {
    out[i] = static_cast<std::uint8_t>(l);
    if (i > 0) l = back[i][l];
  }
  return out;
}

}  // namespace

namespace {
std::uint16_t tag_of(std::uint64_t h) { return static_cast<std::uint16_t>((h >> 48) | 1); }
}  // namespace

void Model::seal() {
  std::size_t cap = 16;
  while (cap < index_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  float max_abs = 0;
  for (const auto& w : weights_)
    for (float x : w) max_abs = std::max(max_abs, std::abs(x));
  scale_ = max_abs > 0 ? max_abs / 32767.f : 1.f;
  // Placed in hash order, so that the table does not depend on the order of
  // the map it is built from.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows(index_.begin(), index_.end());
  std::sort(rows.begin(), rows.end());
  dense_.assign(kDense, Slot{});
  for (const auto& [h, row] : rows) {
    Slot* slot = nullptr;
    if (h < kDense) {
      slot = &dense_[h];
    } else {
      std::uint64_t i = h & mask_;
      while (slots_[i].tag != 0) i = (i + 1) & mask_;
      slot = &slots_[i];
      slot->tag = tag_of(h);
    }
    for (std::size_t l = 0; l < kLabels; ++l)
      slot->w[l] = static_cast<std::int16_t>(std::lround(weights_[row][l] / scale_));
  }
}

const Model::Slot* Model::find(std::uint64_t f) const {
  const std::uint16_t tag = tag_of(f);
  for (std::uint64_t i = f & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].tag == tag) return &slots_[i];
    if (slots_[i].tag == 0) return nullptr;
  }
}

std::vector<std::uint8_t> Model::decode(const Features& tokens) const {
  // Emission scores of every token first, summed in integers; the slots of
  // the next token are fetched while this one's are added up.
  const std::size_t n = tokens.size();
  thread_local std::vector<Scores> emit;
  emit.resize(n);
  auto prefetch = [&](std::size_t i) {
    for (std::size_t k = tokens.begin(i); k < tokens.ends[i]; ++k)
      if (tokens.values[k] >= kDense) __builtin_prefetch(&slots_[tokens.values[k] & mask_]);
  };
  constexpr std::size_t kAhead = 3;  // tokens whose slots are in flight
  for (std::size_t i = 0; i < std::min(n, kAhead); ++i) prefetch(i);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) prefetch(i + kAhead);
    std::array<std::int32_t, kLabels> sum{};
    for (std::size_t k = tokens.begin(i); k < tokens.ends[i]; ++k) {
      const std::uint64_t f = tokens.values[k];
      if (const Slot* s = f < kDense ? &dense_[f] : find(f))
        for (std::size_t l = 0; l < kLabels; ++l) sum[l] += s->w[l];
    }
    for (std::size_t l = 0; l < kLabels; ++l) emit[i][l] = static_cast<float>(sum[l]) * scale_;
  }
  return viterbi(emit, n, transitions_);
}

// File: "CTTG1\n", version line, then little-endian binary: transitions,
// feature count, and (hash, weights) rows sorted by hash.
std::string Model::serialize() const {
  std::string out = "CTTG1\n" + version + "\n";
  auto put = [&](const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); };
  for (const auto& row : transitions_) put(row.data(), sizeof(float) * kLabels);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows(index_.begin(), index_.end());
  std::sort(rows.begin(), rows.end());
  const std::uint64_t n = rows.size();
  put(&n, sizeof n);
  for (const auto& [h, r] : rows) {
    put(&h, sizeof h);
    put(weights_[r].data(), sizeof(float) * kLabels);
  }
  return out;
}

Model Model::parse(std::string_view bytes) {
  Model m;
  if (bytes.substr(0, 6) != "CTTG1\n") throw std::runtime_error("not a claimtrail tagger model");
  std::size_t pos = 6;
  const std::size_t nl = bytes.find('\n', pos);
  if (nl == std::string_view::npos) throw std::runtime_error("truncated model");
  m.version = std::string(bytes.substr(pos, nl - pos));
  pos = nl + 1;
  auto get = [&](void* p, std::size_t n) {
    if (pos + n > bytes.size()) throw std::runtime_error("truncated model");
    std::memcpy(p, bytes.data() + pos, n);
    pos += n;
  };
  for (auto& row : m.transitions_) get(row.data(), sizeof(float) * kLabels);
  std::uint64_t n = 0;
  get(&n, sizeof n);
  if (n > (bytes.size() - pos) / (8 + sizeof(float) * kLabels)) throw std::runtime_error("truncated model");
  m.weights_.resize(n);
  m.index_.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t h = 0;
    get(&h, sizeof h);
    get(m.weights_[i].data(), sizeof(float) * kLabels);
    m.index_.emplace(h, static_cast<std::uint32_t>(i));
  }
  m.seal();
  return m;
}

void Trainer::add(Row& r, int label, float delta) {
  // Lazy averaging: fold the time the weight stood still into its total.
  const auto l = static_cast<std::size_t>(label);
  r.total[l] += static_cast<float>(step_ - r.stamp[l]) * r.w[l];
  r.stamp[l] = step_;
  r.w[l] += delta;
}

void Trainer::count(const Features& tokens) {
  for (std::uint64_t f : tokens.values) ++rows_[f].count;
}

void Trainer::learn(const Features& tokens, const std::vector<std::uint8_t>& gold) {
  ++step_;
  std::vector<Scores> emit(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    emit[i].fill(0);
    for (std::size_t k = tokens.begin(i); k < tokens.ends[i]; ++k) {
      auto it = rows_.find(tokens.values[k]);
      if (it == rows_.end()) continue;
      for (std::size_t l = 0; l < kLabels; ++l) emit[i][l] += it->second.w[l];
    }
  }
  const auto pred = viterbi(emit, tokens.size(), trans_);
  if (pred == gold) return;
  auto trans_add = [&](int p, int l, float d) {
    trans_total_[p][l] += static_cast<float>(step_ - trans_stamp_[p][l]) * trans_[p][l];
    trans_stamp_[p][l] = step_;
    trans_[p][l] += d;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const int prev_g = i ? static_cast<int>(gold[i - 1]) : static_cast<int>(kLabels);
    const int prev_p = i ? static_cast<int>(pred[i - 1]) : static_cast<int>(kLabels);
    if (gold[i] != pred[i] || prev_g != prev_p) {
      trans_add(prev_g, gold[i], 1.f);
      trans_add(prev_p, pred[i], -1.f);
    }
    if (gold[i] == pred[i]) continue;
    for (std::size_t k = tokens.begin(i); k < tokens.ends[i]; ++k) {
      Row& r = rows_[tokens.values[k]];
      add(r, gold[i], 1.f);
      add(r, pred[i], -1.f);
    }
  }
}

Model Trainer::finish(int min_count) const {
  Model m;
  const float steps = static_cast<float>(std::max<std::int64_t>(step_, 1));
  for (int p = 0; p <= kLabels; ++p)
    for (int l = 0; l < kLabels; ++l)
      m.transitions_[p][l] =
          (trans_total_[p][l] + static_cast<float>(step_ - trans_stamp_[p][l]) * trans_[p][l]) / steps;
  std::vector<std::uint64_t> keys;
  for (const auto& [h, r] : rows_)
    if (r.count >= min_count) keys.push_back(h);
  std::sort(keys.begin(), keys.end());  // deterministic order
  for (std::uint64_t h : keys) {
    const Row& r = rows_.at(h);
    Model::Weights w{};
    bool any = false;
    for (int l = 0; l < kLabels; ++l) {
      w[l] = (r.total[l] + static_cast<float>(step_ - r.stamp[l]) * r.w[l]) / steps;
      if (std::abs(w[l]) > 1e-4f) any = true;
    }
    if (!any) continue;
    m.index_.emplace(h, static_cast<std::uint32_t>(m.weights_.size()));
    m.weights_.push_back(w);
  }
  m.seal();
  return m;
}

}  // namespace claimtrail::learn
