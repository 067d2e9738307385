#include "learn/multiclass.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

namespace claimtrail::learn {

namespace {

constexpr std::string_view kMagic = "CTMC3\n";

template <typename T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

template <typename T>
T get(std::string_view bytes, std::size_t& pos) {
  if (bytes.size() - pos < sizeof(T)) throw std::runtime_error("truncated model");
  T v;
  std::memcpy(&v, bytes.data() + pos, sizeof(T));
  pos += sizeof(T);
  return v;
}

}  // namespace

namespace {
std::uint64_t slot_key(std::uint64_t f) { return f == 0 ? 1 : f; }
}  // namespace

void MulticlassModel::copy_shape(const MulticlassModel& o) {
  classes_ = o.classes_;
  scale_ = o.scale_;
  features_ = o.features_;
  stride_ = o.stride_;
  mask_ = o.mask_;
  max_probe_ = o.max_probe_;
}

MulticlassModel& MulticlassModel::operator=(const MulticlassModel& o) {
  if (this == &o) return *this;
  copy_shape(o);
  owned_ = o.owned_;
  table_ = owned_.data();
  return *this;
}

MulticlassModel& MulticlassModel::operator=(MulticlassModel&& o) noexcept {
  if (this == &o) return *this;
  copy_shape(o);
  owned_ = std::move(o.owned_);
  table_ = owned_.data();
  return *this;
}

void MulticlassModel::seal(const std::vector<std::uint64_t>& keys, const std::vector<std::int16_t>& weights) {
  const std::size_t c = static_cast<std::size_t>(classes_);
  features_ = keys.size();
  stride_ = 1 + (2 * c + 7) / 8;
  std::uint64_t size = 16;
  while (size < keys.size() * 2) size <<= 1;
  mask_ = size - 1;
  owned_.assign(size * stride_, 0);
  max_probe_ = 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::uint64_t key = slot_key(keys[i]);
    std::uint64_t at = key & mask_, probes = 1;
    while (owned_[at * stride_] != 0) {
      at = (at + 1) & mask_;
      ++probes;
    }
    max_probe_ = std::max(max_probe_, probes);
    owned_[at * stride_] = key;
    std::memcpy(&owned_[at * stride_ + 1], &weights[i * c], 2 * c);
  }
  table_ = owned_.data();
}

void MulticlassModel::score(std::span<const std::uint64_t> features, float* scores) const {
  if (features_ == 0) return;
  const std::size_t c = static_cast<std::size_t>(classes_);
  // The table is larger than the caches: ask for every feature's slot
  // first, so that the misses overlap, then read them.
  for (const std::uint64_t f : features) __builtin_prefetch(slot(slot_key(f) & mask_));
  std::int32_t sum[kMaxClasses];
  std::fill_n(sum, c, 0);
  for (const std::uint64_t f : features) {
    const std::uint64_t key = slot_key(f);
    std::uint64_t at = key & mask_;
    for (std::uint64_t probe = 0; probe < max_probe_; ++probe, at = (at + 1) & mask_) {
      const std::uint64_t* s = slot(at);
      if (*s == 0) break;
      if (*s == key) {
        const auto* w = reinterpret_cast<const unsigned char*>(s + 1);
        for (std::size_t k = 0; k < c; ++k) {
          std::int16_t v;
          std::memcpy(&v, w + 2 * k, 2);
          sum[k] += v;
        }
        break;
      }
    }
  }
  for (std::size_t k = 0; k < c; ++k) scores[k] += static_cast<float>(sum[k]) * scale_;
}

int MulticlassModel::best(std::span<const std::uint64_t> features, std::span<const bool> allowed) const {
  std::vector<float> s(static_cast<std::size_t>(classes_), 0.0f);
  score(features, s.data());
  int arg = -1;
  for (int k = 0; k < classes_; ++k) {
    if (!allowed.empty() && !allowed[static_cast<std::size_t>(k)]) continue;
    if (arg < 0 || s[static_cast<std::size_t>(k)] > s[static_cast<std::size_t>(arg)]) arg = k;
  }
  return arg < 0 ? 0 : arg;
}

// The file: "CTMC3\n", classes (u32), features (u64), scale (f32), then
// each feature's key (u64) and weights (classes x i16), in key order. The
// scoring table is built from it on loading.
std::string MulticlassModel::serialize() const {
  const std::size_t c = static_cast<std::size_t>(classes_);
  std::vector<const std::uint64_t*> rows;
  rows.reserve(features_);
  for (std::uint64_t i = 0; i <= mask_ && table_; ++i)
    if (*slot(i) != 0) rows.push_back(slot(i));
  std::sort(rows.begin(), rows.end(), [](const std::uint64_t* a, const std::uint64_t* b) { return *a < *b; });
  std::string out(kMagic);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(classes_));
  put<std::uint64_t>(out, rows.size());
  put<float>(out, scale_);
  for (const std::uint64_t* r : rows) {
    put<std::uint64_t>(out, *r);
    out.append(reinterpret_cast<const char*>(r + 1), 2 * c);
  }
  return out;
}

MulticlassModel MulticlassModel::parse(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("not a claimtrail multiclass model");
  std::size_t pos = kMagic.size();
  MulticlassModel m;
  const auto classes = get<std::uint32_t>(bytes, pos);
  const auto n = get<std::uint64_t>(bytes, pos);
  m.scale_ = get<float>(bytes, pos);
  if (classes == 0 || classes > static_cast<std::uint32_t>(kMaxClasses))
    throw std::runtime_error("bad class count in model");
  m.classes_ = static_cast<int>(classes);
  const std::size_t row = 8 + 2 * static_cast<std::size_t>(classes);
  if (n > (bytes.size() - pos) / row || bytes.size() - pos != n * row) throw std::runtime_error("truncated model");
  std::vector<std::uint64_t> keys(n);
  std::vector<std::int16_t> weights(n * classes);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = get<std::uint64_t>(bytes, pos);
    if (keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1])) throw std::runtime_error("model features out of order");
    std::memcpy(&weights[i * classes], bytes.data() + pos, 2 * static_cast<std::size_t>(classes));
    pos += 2 * static_cast<std::size_t>(classes);
  }
  m.seal(keys, weights);
  return m;
}

std::uint32_t MulticlassTrainer::row(std::uint64_t feature) {
  const auto [it, fresh] = index_.try_emplace(feature, static_cast<std::uint32_t>(index_.size()));
  if (fresh) {
    w_.resize(w_.size() + static_cast<std::size_t>(classes_), 0.0f);
    u_.resize(u_.size() + static_cast<std::size_t>(classes_), 0.0);
  }
  return it->second;
}

void MulticlassTrainer::score(std::span<const std::uint64_t> features, float* scores) const {
  const std::size_t c = static_cast<std::size_t>(classes_);
  for (const std::uint64_t f : features) {
    const auto it = index_.find(f);
    if (it == index_.end()) continue;
    const float* w = &w_[it->second * c];
    for (std::size_t k = 0; k < c; ++k) scores[k] += w[k];
  }
}

void MulticlassTrainer::count(std::span<const std::uint64_t> features) {
  for (const std::uint64_t f : features) ++counts_[f];
}

void MulticlassTrainer::update(std::span<const std::uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  const std::size_t c = static_cast<std::size_t>(classes_);
  const double t = static_cast<double>(steps_);
  for (const std::uint64_t f : features) {
    const std::size_t r = row(f) * c;
    w_[r + static_cast<std::size_t>(truth)] += 1.0f;
    u_[r + static_cast<std::size_t>(truth)] += t;
    w_[r + static_cast<std::size_t>(guess)] -= 1.0f;
    u_[r + static_cast<std::size_t>(guess)] -= t;
  }
}

MulticlassModel MulticlassTrainer::finish(int min_count) const {
  const std::size_t c = static_cast<std::size_t>(classes_);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> kept;
  for (const auto& [f, r] : index_) {
    const auto n = counts_.find(f);
    if (min_count > 1 && (n == counts_.end() || n->second < min_count)) continue;
    kept.emplace_back(f, r);
  }
  std::sort(kept.begin(), kept.end());
  const double t = static_cast<double>(steps_);
  std::vector<float> avg(kept.size() * c);
  float top = 0;
  for (std::size_t i = 0; i < kept.size(); ++i)
    for (std::size_t k = 0; k < c; ++k) {
      const std::size_t at = kept[i].second * c + k;
      avg[i * c + k] = static_cast<float>(static_cast<double>(w_[at]) - u_[at] / t);
      top = std::max(top, std::fabs(avg[i * c + k]));
    }
  MulticlassModel m;
  m.classes_ = classes_;
  m.scale_ = top > 0 ? top / 32767.0f : 1.0f;
  std::vector<std::uint64_t> keys;
  std::vector<std::int16_t> weights;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    std::int16_t q[kMaxClasses];
    bool any = false;
    for (std::size_t k = 0; k < c; ++k) {
      q[k] = static_cast<std::int16_t>(std::lround(avg[i * c + k] / m.scale_));
      any = any || q[k] != 0;
    }
    if (!any) continue;
    keys.push_back(kept[i].first);
    weights.insert(weights.end(), q, q + c);
  }
  m.seal(keys, weights);
  return m;
}

}  // namespace claimtrail::learn
