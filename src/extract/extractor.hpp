// The claim parser's entry point: text in, core::Analysis out.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.hpp"
#include "extract/constructions.hpp"
#include "learn/perceptron.hpp"

namespace claimtrail::extract {

// Compiles the word tables and patterns once; analyse() is then const and
// thread-safe. Construction is the expensive part: build one and reuse it.
// How attributions are found: by the rules alone, by the learned tagger
// alone, or by the tagger reading what the rules found (both).
enum class Mode { rules, model, both };

class Extractor {
 public:
  Extractor();
  // With a tagger model (learn::Model::parse of a model file); `mode` says
  // how it is used (the model must have been trained for that mode).
  Extractor(std::shared_ptr<const learn::Model> model, Mode mode);
  ~Extractor();
  Extractor(const Extractor&) = delete;  // owns compiled patterns; share by reference
  Extractor& operator=(const Extractor&) = delete;

  // Analyses one article. `text` must be valid UTF-8 (see util::find_invalid_utf8);
  // every span in the result lies inside it, on character boundaries, start
  // <= end (checked: a broken span throws core::Error, never reaches the
  // caller). Time and memory are linear in the text's length on any input;
  // `work`, when given, receives the token visits it took (the measure that
  // tests hold to linear growth).
  // `parsed`, when given, counts the sentences and those the language layer
  // parsed (the share that had a cue candidate; added to what it holds).
  struct ParseShare {
    std::size_t sentences = 0, parsed = 0;
  };
  core::Analysis analyse(std::string_view text, std::uint64_t* work = nullptr, ParseShare* parsed = nullptr) const;

  // For training the tagger: each sentence's token byte spans and features.
  struct SentenceFeatures {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tokens;  // byte spans
    learn::Features features;
  };
  std::vector<SentenceFeatures> features(std::string_view text, bool use_rules) const;
  Mode mode() const;

  // Articles longer than this many bytes are analysed a window at a time
  // (windows end at paragraph breaks, else sentence ends, else spaces), so
  // that memory stays bounded on any input: an archive pasted as one
  // article, a paragraph of megabytes. Real articles are far shorter and
  // are analysed whole. Tests and benchmarks may change it (at least 4096).
  static constexpr std::size_t kDefaultWindowBytes = 1u << 20;
  void set_window_bytes(std::size_t bytes);

  // Switches one construction of the attribution finder on or off (all are
  // on): for tests that show what each construction finds.
  void set_construction(Construction c, bool on);

  // Whether the constructions may ask the language layer (tagger, parser,
  // entity types learned from UD) for a sentence's syntax (on by default).
  void set_syntax(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimtrail::extract
