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

// The file: "CTMC3\n", classes (u32), features (u64), scale (f32), then
// each feature's key (u64) and weights (classes x i16), in key order.
MulticlassModel MulticlassModel::view(std::string_view bytes, std::shared_ptr<const std::string> owner) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("not a claimtrail multiclass model");
  std::size_t pos = kMagic.size();
  MulticlassModel m;
  const auto classes = get<std::uint32_t>(bytes, pos);
  const auto n = get<std::uint64_t>(bytes, pos);
  m.scale_ = get<float>(bytes, pos);
  if (classes == 0 || classes > static_cast<std::uint32_t>(kMaxClasses))
    throw std::runtime_error("bad class count in model");
  m.classes_ = static_cast<int>(classes);
  m.row_ = 8 + 2 * static_cast<std::size_t>(classes);
  if (n > (bytes.size() - pos) / m.row_ || bytes.size() - pos != n * m.row_ || n >= (1ULL << 32))
    throw std::runtime_error("truncated model");
  m.features_ = n;
  m.rows_ = bytes.data() + pos;
  m.file_ = bytes;
  m.owner_ = std::move(owner);
  // About one feature per bucket: 2^bits >= n buckets, at least two.
  unsigned bits = 1;
  while (bits < 32 && (1ULL << bits) < n) ++bits;
  m.shift_ = 64 - bits;
  const std::size_t buckets = std::size_t{1} << bits;
  m.index_.assign(buckets + 1, 0);
  std::size_t r = 0;
  std::uint64_t previous = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    m.index_[b] = static_cast<std::uint32_t>(r);
    for (; r < n; ++r) {
      std::uint64_t key;
      std::memcpy(&key, m.row(r), 8);
      if (r > 0 && key <= previous) throw std::runtime_error("model features out of order");
      if ((key >> m.shift_) != b) break;
      previous = key;
    }
  }
  m.index_[buckets] = static_cast<std::uint32_t>(n);
  return m;
}

MulticlassModel MulticlassModel::parse(std::string_view bytes) { return view(bytes, nullptr); }

void MulticlassModel::score(std::span<const std::uint64_t> features, float* scores) const {
  if (features_ == 0) return;
  const std::size_t c = static_cast<std::size_t>(classes_);
  std::int32_t sum[kMaxClasses];
  std::fill_n(sum, c, 0);
  // The rows are larger than the caches: find every feature's row first and
  // ask for it, so that the misses overlap, then read them.
  constexpr std::size_t kChunk = 128;
  std::uint32_t lo[kChunk], hi[kChunk];
  for (std::size_t at = 0; at < features.size(); at += kChunk) {
    const std::size_t m = std::min(kChunk, features.size() - at);
    const std::uint64_t* f = features.data() + at;
    for (std::size_t i = 0; i < m; ++i) {
      const std::size_t b = f[i] >> shift_;
      lo[i] = index_[b];
      hi[i] = index_[b + 1];
      if (lo[i] < hi[i]) {
        __builtin_prefetch(row(lo[i]));
        __builtin_prefetch(row(lo[i]) + row_ - 1);
      }
    }
    for (std::size_t i = 0; i < m; ++i)
      for (std::uint32_t r = lo[i]; r < hi[i]; ++r) {
        const char* p = row(r);
        std::uint64_t key;
        std::memcpy(&key, p, 8);
        if (key < f[i]) continue;
        if (key == f[i]) {
          for (std::size_t k = 0; k < c; ++k) {
            std::int16_t v;
            std::memcpy(&v, p + 8 + 2 * k, 2);
            sum[k] += v;
          }
        }
        break;
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
  const float scale = top > 0 ? top / 32767.0f : 1.0f;
  std::string rows;
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    std::int16_t q[kMaxClasses];
    bool any = false;
    for (std::size_t k = 0; k < c; ++k) {
      q[k] = static_cast<std::int16_t>(std::lround(avg[i * c + k] / scale));
      any = any || q[k] != 0;
    }
    if (!any) continue;
    put<std::uint64_t>(rows, kept[i].first);
    rows.append(reinterpret_cast<const char*>(q), 2 * c);
    ++n;
  }
  auto file = std::make_shared<std::string>(kMagic);
  put<std::uint32_t>(*file, static_cast<std::uint32_t>(classes_));
  put<std::uint64_t>(*file, n);
  put<float>(*file, scale);
  file->append(rows);
  const std::string_view bytes = *file;
  return MulticlassModel::view(bytes, std::move(file));
}

}  // namespace claimtrail::learn
