#include "app/language_training.hpp"

#include <chrono>
#include <stdexcept>

#include "core/error.hpp"
#include "util/file.hpp"

namespace claimtrail::app {

namespace {

using language::TreebankSentence;

std::vector<TreebankSentence> read_treebank(const std::filesystem::path& file) {
  const std::string text = util::read_input(file.string());
  try {
    return language::read_conllu(text);
  } catch (const std::runtime_error& e) {
    throw core::Error(file.string(), e.what());
  }
}

std::vector<TreebankSentence> read_split(const std::filesystem::path& dir, const std::string& split) {
  auto out = read_treebank(dir / ("en_ewt-" + split + ".conllu"));
  auto gum = read_treebank(dir / ("en_gum-cc-by-" + split + ".conllu"));
  out.insert(out.end(), std::make_move_iterator(gum.begin()), std::make_move_iterator(gum.end()));
  return out;
}

std::vector<std::string_view> words_of(const TreebankSentence& s) {
  std::vector<std::string_view> w;
  w.reserve(s.tokens.size());
  for (const auto& t : s.tokens) w.push_back(t.form);
  return w;
}

language::ParserExample parser_example(const TreebankSentence& s, std::vector<std::uint8_t> tags) {
  language::ParserExample ex;
  const auto w = words_of(s);
  ex.words = language::word_codes(w);
  ex.tags = std::move(tags);
  for (const auto& t : s.tokens) {
    ex.heads.push_back(t.head - 1);
    ex.deprels.push_back(t.deprel);
  }
  return ex;
}

bool is_pronoun_mention(const TreebankSentence& s, const language::Mention& m) {
  return m.first == m.last && s.tokens[static_cast<std::size_t>(m.first)].upos == language::PRON;
}

}  // namespace

language::Layer train_language(const std::filesystem::path& ud_dir, const LanguageTrainingOptions& o,
                               const language::TrainLog& log) {
  const auto train = read_split(ud_dir, "train");
  if (log) log("train: " + std::to_string(train.size()) + " sentences (EWT and GUM)");
  const language::Tagger tagger = language::train_tagger(train, o.tagger_epochs, log);

  // The parser learns on tags like those it will see: each fold's tags come
  // from a tagger trained on the other folds (jackknifing).
  std::vector<std::vector<std::uint8_t>> tags(train.size());
  if (o.folds > 1) {
    for (int k = 0; k < o.folds; ++k) {
      std::vector<TreebankSentence> rest;
      for (std::size_t i = 0; i < train.size(); ++i)
        if (static_cast<int>(i % static_cast<std::size_t>(o.folds)) != k) rest.push_back(train[i]);
      const language::Tagger fold = language::train_tagger(rest, o.tagger_epochs, nullptr);
      for (std::size_t i = static_cast<std::size_t>(k); i < train.size(); i += static_cast<std::size_t>(o.folds))
        tags[i] = fold.tag(language::word_codes(words_of(train[i])));
      if (log) log("jackknife fold " + std::to_string(k + 1) + " tagged");
    }
  } else {
    for (std::size_t i = 0; i < train.size(); ++i)
      for (const auto& t : train[i].tokens) tags[i].push_back(t.upos);
  }
  std::vector<language::ParserExample> examples;
  examples.reserve(train.size());
  for (std::size_t i = 0; i < train.size(); ++i) examples.push_back(parser_example(train[i], std::move(tags[i])));
  const language::Parser parser = language::train_parser(examples, tagger.dictionary(), o.parser_epochs, log);

  // The entity typer learns on GUM's mentions as the layer itself parses them.
  std::vector<language::EntityExample> entity_examples;
  for (const auto& s : train) {
    if (s.mentions.empty()) continue;
    language::EntityExample ex;
    ex.doc = s.doc;
    for (const auto& t : s.tokens) ex.text.push_back(t.form);
    const auto w = words_of(s);
    ex.words = language::word_codes(w);
    ex.tags = tagger.tag(ex.words);
    ex.heads = parser.heads(ex.words, ex.tags);
    ex.labels = parser.labels(ex.words, ex.tags, ex.heads);
    for (const auto& m : s.mentions)
      if (m.type >= 0 && !is_pronoun_mention(s, m))
        ex.phrases.push_back({{m.first, m.last, language::mention_head(m, ex.heads)}, m.type});
    entity_examples.push_back(std::move(ex));
  }
  const language::EntityTyper entities =
      language::train_entity_typer(entity_examples, parser.label_names(), o.entity_epochs, log);
  const std::string version = "UD English EWT + GUM (CC BY) train; tagger " + std::to_string(o.tagger_epochs) +
                              " epochs, parser " + std::to_string(o.parser_epochs) + " epochs (" +
                              std::to_string(o.folds) + "-fold tags), entities " + std::to_string(o.entity_epochs) +
                              " epochs";
  return language::Layer(tagger, parser, entities, version);
}

LanguageFigures evaluate_language(const language::Layer& layer, const std::filesystem::path& ud_dir,
                                  const std::string& split) {
  LanguageFigures f;
  f.split = split;
  const auto ewt = read_treebank(ud_dir / ("en_ewt-" + split + ".conllu"));
  std::size_t upos = 0, uas = 0, las = 0, lasu = 0;
  auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
  using clock = std::chrono::steady_clock;
  double tag_s = 0, parse_s = 0;
  for (const auto& s : ewt) {
    const auto w = words_of(s);
    const auto t0 = clock::now();
    const auto codes = language::word_codes(w);
    const auto tags = layer.tag(codes);
    const auto t1 = clock::now();
    const auto heads = layer.parser().heads(codes, tags);
    const auto labels = layer.parser().labels(codes, tags, heads);
    const auto t2 = clock::now();
    tag_s += std::chrono::duration<double>(t1 - t0).count();
    parse_s += std::chrono::duration<double>(t2 - t0).count();
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& g = s.tokens[i];
      upos += tags[i] == g.upos;
      const bool head_ok = heads[i] == g.head - 1;
      const std::string& l = layer.parser().label_names()[labels[i]];
      uas += head_ok;
      las += head_ok && l == g.deprel;
      lasu += head_ok && universal(l) == universal(g.deprel);
    }
    f.tokens += s.tokens.size();
  }
  const double n = static_cast<double>(std::max<std::size_t>(f.tokens, 1));
  f.upos = double(upos) / n;
  f.uas = double(uas) / n;
  f.las = double(las) / n;
  f.las_universal = double(lasu) / n;
  f.tag_tokens_per_s = tag_s > 0 ? n / tag_s : 0;
  f.parse_tokens_per_s = parse_s > 0 ? n / parse_s : 0;

  const auto gum = read_treebank(ud_dir / ("en_gum-cc-by-" + split + ".conllu"));
  std::size_t right = 0;
  std::size_t gold_of[3] = {}, found_of[3] = {};
  language::DocumentMemory memory;  // each document read in order, as an article is
  std::string doc;
  for (const auto& s : gum) {
    if (s.doc != doc) {
      memory = {};
      doc = s.doc;
    }
    if (s.mentions.empty()) continue;
    std::vector<std::string_view> text = words_of(s);
    const auto syntax = layer.analyse(text);
    const language::SentenceView view{text,         syntax.words,  syntax.tags,
                                      syntax.heads, syntax.labels, layer.parser().label_names()};
    for (const auto& m : s.mentions) {
      if (m.type < 0 || is_pronoun_mention(s, m)) continue;
      const int got = layer.entities().type(view, {m.first, m.last, language::mention_head(m, syntax.heads)}, &memory);
      if (m.type > language::kPlace) continue;  // typed (and remembered), not scored
      ++f.mentions;
      ++gold_of[m.type];
      if (got == m.type) {
        ++right;
        ++found_of[m.type];
      }
    }
  }
  auto ratio = [](std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; };
  f.entity_accuracy = ratio(right, f.mentions);
  f.person_recall = ratio(found_of[0], gold_of[0]);
  f.organization_recall = ratio(found_of[1], gold_of[1]);
  f.place_recall = ratio(found_of[2], gold_of[2]);
  return f;
}

}  // namespace claimtrail::app
