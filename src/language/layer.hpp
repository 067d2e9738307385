// The language layer: the tagger, the parser and the entity typer learned
// from Universal Dependencies, as one model file (data/model/language.bin,
// built into the binary; `claimtrail train-language` rebuilds it).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "language/entity_types.hpp"
#include "language/parser.hpp"
#include "language/tagger.hpp"
#include "language/words.hpp"

namespace claimtrail::language {

// A parsed sentence: 0-based heads (-1 the root), labels index label_names().
struct Syntax {
  std::vector<WordCodes> words;
  std::vector<std::uint8_t> tags;
  std::vector<int> heads;
  std::vector<std::uint16_t> labels;
};

class Layer {
 public:
  Layer() = default;
  Layer(Tagger tagger, Parser parser, EntityTyper entities, std::string version)
      : tagger_(std::move(tagger)),
        parser_(std::move(parser)),
        entities_(std::move(entities)),
        version_(std::move(version)) {}

  // Tags and parses one sentence's words; without `labels`, the arcs are
  // left unlabelled (Syntax::labels empty: ask Parser::label for the few
  // that matter).
  Syntax analyse(std::span<const std::string_view> words, bool labels = true) const;
  std::vector<std::uint8_t> tag(std::span<const WordCodes> words) const { return tagger_.tag(words); }

  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }
  const EntityTyper& entities() const { return entities_; }
  const std::string& version() const { return version_; }

  std::string serialize() const;
  // Throws std::runtime_error on a file that is not a whole layer. The
  // models are used where they lie: `bytes` must outlive the layer (the
  // shipped model's do); load() keeps its own copy.
  static Layer parse(std::string_view bytes);
  static Layer load(std::string bytes);

 private:
  Tagger tagger_;
  Parser parser_;
  EntityTyper entities_;
  std::string version_;
  std::shared_ptr<const std::string> storage_;  // the bytes the models lie in, for load()
};

// The layer built into the binary (loaded on first use).
const Layer& shipped_layer();
std::string_view shipped_layer_bytes();

}  // namespace claimtrail::language
