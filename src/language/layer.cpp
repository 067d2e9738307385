#include "language/layer.hpp"

#include <cstring>
#include <stdexcept>

namespace claimtrail::language {

namespace {

constexpr std::string_view kMagic = "CTLL1\n";

// Sections start on 8-byte boundaries, so that models are used where they lie.
void put_section(std::string& out, std::string_view bytes) {
  out.append((8 - out.size() % 8) % 8, '\0');
  const std::uint64_t n = bytes.size();
  char b[8];
  std::memcpy(b, &n, 8);
  out.append(b, 8);
  out.append(bytes);
}

std::string_view get_section(std::string_view bytes, std::size_t& pos) {
  pos += (8 - pos % 8) % 8;
  if (pos > bytes.size() || bytes.size() - pos < 8) throw std::runtime_error("truncated language model");
  std::uint64_t n;
  std::memcpy(&n, bytes.data() + pos, 8);
  pos += 8;
  if (n > bytes.size() - pos) throw std::runtime_error("truncated language model");
  const std::string_view s = bytes.substr(pos, n);
  pos += n;
  return s;
}

}  // namespace

Syntax Layer::analyse(std::span<const std::string_view> words, bool labels) const {
  Syntax s;
  s.words = word_codes(words);
  s.tags = tagger_.tag(s.words);
  s.heads = parser_.heads(s.words, s.tags);
  if (labels) s.labels = parser_.labels(s.words, s.tags, s.heads);
  return s;
}

std::string Layer::serialize() const {
  std::string out(kMagic);
  put_section(out, version_);
  put_section(out, tagger_.model().serialize());
  put_section(out, parser_.arc_model().serialize());
  put_section(out, parser_.label_model().serialize());
  std::string names;
  for (const auto& n : parser_.label_names()) names += n + "\n";
  put_section(out, names);
  put_section(out, entities_.model().serialize());
  put_section(out, tagger_.dictionary().serialize());
  return out;
}

Layer Layer::load(std::string bytes) {
  auto storage = std::make_shared<const std::string>(std::move(bytes));
  Layer layer = parse(*storage);
  layer.storage_ = std::move(storage);
  return layer;
}

Layer Layer::parse(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("not a claimtrail language model");
  std::size_t pos = kMagic.size();
  std::string version(get_section(bytes, pos));
  auto tagger = learn::MulticlassModel::parse(get_section(bytes, pos));
  auto arcs = learn::MulticlassModel::parse(get_section(bytes, pos));
  auto labels = learn::MulticlassModel::parse(get_section(bytes, pos));
  std::vector<std::string> names;
  const std::string_view list = get_section(bytes, pos);
  for (std::size_t at = 0; at < list.size();) {
    const std::size_t nl = list.find('\n', at);
    if (nl == std::string_view::npos) throw std::runtime_error("bad label list in language model");
    names.emplace_back(list.substr(at, nl - at));
    at = nl + 1;
  }
  if (tagger.classes() != kUpos || static_cast<std::size_t>(labels.classes()) != names.size())
    throw std::runtime_error("language model parts do not fit together");
  auto entities = learn::MulticlassModel::parse(get_section(bytes, pos));
  if (entities.classes() != kEntityTypes) throw std::runtime_error("language model parts do not fit together");
  auto dict = TagDictionary::parse(get_section(bytes, pos));
  Parser parser(std::move(arcs), std::move(labels), std::move(names), dict);
  return Layer(Tagger(std::move(tagger), std::move(dict)), std::move(parser), EntityTyper(std::move(entities)),
               std::move(version));
}

}  // namespace claimtrail::language
