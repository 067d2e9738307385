// claimtrail train-language: the language layer (tagger, parser, entity
// typer) from the Universal Dependencies treebanks, deterministically; and
// claimtrail eval-language: its own figures on the treebanks' test split.
#include <fstream>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/language_training.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "util/file.hpp"

namespace claimtrail::cli {

int cmd_train_language(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail train-language UD_DIR -o MODEL [options]\n\n"
      "Trains the language layer (part-of-speech tagger, dependency parser, entity\n"
      "typer) on the train splits of UD English EWT and GUM in UD_DIR\n"
      "(en_ewt-train.conllu, en_gum-cc-by-train.conllu). The same treebanks and\n"
      "options give the same model file, byte for byte.\n\noptions");
  std::string out;
  app::LanguageTrainingOptions o;
  opts.add_options()("help,h", "show this help")("output,o", po::value(&out), "the model file to write")(
      "tagger-epochs", po::value(&o.tagger_epochs)->default_value(o.tagger_epochs), "passes of the tagger")(
      "parser-epochs", po::value(&o.parser_epochs)->default_value(o.parser_epochs), "passes of the parser")(
      "entity-epochs", po::value(&o.entity_epochs)->default_value(o.entity_epochs), "passes of the entity typer")(
      "folds", po::value(&o.folds)->default_value(o.folds), "jackknife folds for the parser's tags (0: gold tags)");
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("train-language", opts, args, vm, &pos)) return *code;
  if (pos.size() != 1 || out.empty()) {
    print_error("train-language: give UD_DIR and -o MODEL");
    return kExitUsage;
  }
  return guarded("train-language", pos[0], [&]() -> int {
    const auto layer = app::train_language(pos[0], o, [](const std::string& s) { std::cerr << s << '\n'; });
    std::ofstream f(out, std::ios::binary);
    f << layer.serialize();
    if (!f) throw core::Error(out, "cannot write the model");
    std::cerr << "train-language: " << layer.tagger().model().features() << " tagger, "
              << layer.parser().arc_model().features() << " parser, " << layer.parser().label_model().features()
              << " labeller, " << layer.entities().model().features() << " entity features -> " << out << '\n';
    return kExitOk;
  });
}

int cmd_eval_language(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail eval-language UD_DIR [--split test|dev] [--model MODEL] [--json]\n\n"
      "Scores the language layer on UD English EWT (UPOS, UAS, LAS with its own\n"
      "predicted tags, gold tokens) and GUM (entity types of person, organisation\n"
      "and place mentions, gold spans, pronouns excluded), with its speed.\n\noptions");
  std::string model, split = "test";
  opts.add_options()("help,h", "show this help")("split", po::value(&split)->default_value("test"), "test or dev")(
      "model", po::value(&model), "a model file (default: the one built in)")("json", "print JSON");
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("eval-language", opts, args, vm, &pos)) return *code;
  if (pos.size() != 1 || (split != "test" && split != "dev")) {
    print_error("eval-language: give UD_DIR (and --split test or dev)");
    return kExitUsage;
  }
  return guarded("eval-language", pos[0], [&]() -> int {
    language::Layer own;
    if (!model.empty()) {
      try {
        own = language::Layer::load(util::read_input(model));
      } catch (const std::runtime_error& e) {
        throw core::Error(model, e.what());
      }
    }
    const language::Layer& layer = model.empty() ? language::shipped_layer() : own;
    const auto f = app::evaluate_language(layer, pos[0], split);
    if (vm.count("json")) {
      nlohmann::json j = {{"split", f.split},
                          {"tokens", f.tokens},
                          {"upos", f.upos},
                          {"uas", f.uas},
                          {"las", f.las},
                          {"las_universal", f.las_universal},
                          {"mentions", f.mentions},
                          {"entity_accuracy", f.entity_accuracy},
                          {"person_recall", f.person_recall},
                          {"organization_recall", f.organization_recall},
                          {"place_recall", f.place_recall},
                          {"tag_tokens_per_s", f.tag_tokens_per_s},
                          {"parse_tokens_per_s", f.parse_tokens_per_s},
                          {"model", layer.version()}};
      std::cout << j.dump(2) << '\n';
      return kExitOk;
    }
    std::cout << std::fixed << std::setprecision(3) << "EWT " << f.split << " (" << f.tokens
              << " words, predicted tags): UPOS " << f.upos << ", UAS " << f.uas << ", LAS " << f.las
              << " (universal labels " << f.las_universal << ")\n"
              << "GUM " << f.split << " entity types (" << f.mentions
              << " person/organisation/place mentions, pronouns excluded): accuracy " << f.entity_accuracy
              << "; recall person " << f.person_recall << ", organisation " << f.organization_recall << ", place "
              << f.place_recall << '\n'
              << std::setprecision(0) << "speed, one core: tagging " << f.tag_tokens_per_s
              << " words/s, tagging and parsing " << f.parse_tokens_per_s << " words/s\n"
              << "model: " << layer.version() << '\n';
    return kExitOk;
  });
}

}  // namespace claimtrail::cli
