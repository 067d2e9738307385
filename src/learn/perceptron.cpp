#include "learn/perceptron.hpp"

#include <algorithm>
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

template <class Emit, class Trans>
std::vector<std::uint8_t> viterbi(std::size_t n, Emit emit, Trans trans) {
  std::vector<std::uint8_t> out(n, O);
  if (n == 0) return out;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<std::array<float, kLabels>> score(n);
  std::vector<std::array<std::uint8_t, kLabels>> back(n);
  std::array<float, kLabels> e{};
  emit(0, e);
  for (int l = 0; l < kLabels; ++l) score[0][l] = allowed(O, l) ? e[l] + trans(kLabels, l) : kNeg;
  for (std::size_t i = 1; i < n; ++i) {
    emit(i, e);
    for (int l = 0; l < kLabels; ++l) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < kLabels; ++p) {
        if (!allowed(p, l) || score[i - 1][p] == kNeg) continue;
        const float s = score[i - 1][p] + trans(p, l);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i][l] = best == kNeg ? kNeg : best + e[l];
      back[i][l] = static_cast<std::uint8_t>(arg);
    }
  }
  int l = static_cast<int>(std::max_element(score[n - 1].begin(), score[n - 1].end()) - score[n - 1].begin());
  for (std::size_t i = n; i-- > 0;) {
    out[i] = static_cast<std::uint8_t>(l);
    if (i > 0) l = back[i][l];
  }
  return out;
}

}  // namespace

void Model::seal() {
  std::size_t cap = 16;
  while (cap < index_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  for (const auto& [h, row] : index_) {
    if (h == 0) continue;  // (the empty marker; a hash of 0 is all but impossible)
    std::uint64_t i = h & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i].key = h;
    slots_[i].w = weights_[row];
  }
}

const float* Model::find(std::uint64_t f) const {
  if (slots_.empty()) {
    auto it = index_.find(f);
    return it == index_.end() ? nullptr : weights_[it->second].data();
  }
  for (std::uint64_t i = f & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == f) return slots_[i].w.data();
    if (slots_[i].key == 0) return nullptr;
  }
}

std::vector<std::uint8_t> Model::decode(const Features& tokens) const {
  // Emission scores of every token first, the table's cache lines fetched
  // ahead of their use (lookups are the cost of decoding).
  std::vector<std::array<float, kLabels>> emit(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t b = tokens.begin(i), e = tokens.ends[i];
    if (!slots_.empty())
      for (std::size_t k = b; k < e; ++k) __builtin_prefetch(&slots_[tokens.values[k] & mask_]);
    auto& out = emit[i];
    out.fill(0);
    for (std::size_t k = b; k < e; ++k)
      if (const float* w = find(tokens.values[k]))
        for (int l = 0; l < kLabels; ++l) out[l] += w[l];
  }
  return viterbi(
      tokens.size(), [&](std::size_t i, std::array<float, kLabels>& e) { e = emit[i]; },
      [&](int p, int l) { return transitions_[p][l]; });
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
  const auto pred = viterbi(
      tokens.size(),
      [&](std::size_t i, std::array<float, kLabels>& e) {
        e.fill(0);
        for (std::size_t k = tokens.begin(i); k < tokens.ends[i]; ++k) {
          auto it = rows_.find(tokens.values[k]);
          if (it == rows_.end()) continue;
          for (int l = 0; l < kLabels; ++l) e[l] += it->second.w[l];
        }
      },
      [&](int p, int l) { return trans_[p][l]; });
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
  return m;
}

}  // namespace claimtrail::learn
