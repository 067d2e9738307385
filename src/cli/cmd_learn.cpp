// claimtrail train DIR -o MODEL: the attribution tagger, from a PolNeAR-style
// training split, deterministically (the same model file twice); and
// claimtrail reextract, which brings stored claims up to a new parser.
#include <fstream>
#include <iostream>

#include "app/reextract.hpp"
#include "app/train.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "learn/shipped_model.hpp"
#include "store/queries.hpp"

namespace claimtrail::cli {

int cmd_train(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail train TRAIN_DIR -o MODEL [options]\n\n"
      "Trains the attribution tagger (a structured perceptron over source, cue\n"
      "and content boundaries) on a PolNeAR-style directory: the train split only\n"
      "(a directory named 'test' is refused). The same data and options give the\n"
      "same model file, byte for byte.\n\noptions");
  std::string out;
  app::TrainOptions o;
  opts.add_options()("help,h", "show this help")("output,o", po::value(&out), "the model file to write")(
      "epochs", po::value(&o.epochs)->default_value(8), "passes over the data")(
      "model-only", "without the rules' roles as features (the 'model' mode)")(
      "limit", po::value(&o.limit)->default_value(0), "use only the first N articles (0: all)")(
      "min-count", po::value(&o.min_count)->default_value(2), "leave out features seen fewer times");
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("train", opts, args, vm, &pos)) return *code;
  if (pos.size() != 1 || out.empty()) {
    print_error("train: give TRAIN_DIR and -o MODEL");
    return kExitUsage;
  }
  o.use_rules = vm.count("model-only") == 0;
  return guarded("train", "", [&]() -> int {
    const learn::Model m = app::train_tagger(pos[0], o);
    std::ofstream f(out, std::ios::binary);
    f << m.serialize();
    if (!f) throw core::Error(out, "cannot write the model");
    std::cerr << "train: " << m.features() << " features; " << m.version << " -> " << out << '\n';
    return kExitOk;
  });
}

}  // namespace claimtrail::cli

namespace claimtrail::cli {

int cmd_reextract(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail reextract [--article ID] [--mode rules|both]\n\n"
      "Runs extraction again on stored articles (after a better parser or model)\n"
      "and carries verdicts, corrections and links over to the new claims that\n"
      "match the old ones; lists those it could not carry.\n\noptions");
  std::string db, mode = "rules";
  std::int64_t article = 0;
  opts.add_options()("help,h", "show this help")("article", po::value(&article), "one article only")(
      "mode", po::value(&mode)->default_value("rules"), "rules, or the tagger with the rules (both)");
  add_db_option(opts, db);
  po::variables_map vm;
  if (auto code = parse_command("reextract", opts, args, vm, nullptr)) return *code;
  if (mode != "rules" && mode != "both") {
    print_error("reextract: unknown --mode '" + mode + "' (rules or both)");
    return kExitUsage;
  }
  return guarded("reextract", store_path(db), [&]() -> int {
    store::Store st(store_path(db), store::Store::Access::update);
    if (vm.count("article")) {
      if (!store::has_article(st, article)) throw core::Error("", "no article with id " + std::to_string(article));
    }
    const bool both = mode == "both";
    const extract::Extractor ex(both ? learn::shipped_model() : nullptr,
                                both ? extract::Mode::both : extract::Mode::rules);
    const std::string parser =
        std::string("claimtrail ") + core::kVersion + (both ? " + " + learn::shipped_model()->version : std::string());
    const auto r =
        app::reextract(st, ex, vm.count("article") ? std::optional<std::int64_t>(article) : std::nullopt, parser);
    std::cout << r.articles << " articles: " << r.old_claims << " claims before, " << r.new_claims << " after; "
              << r.carried << " with verdicts, links or corrections carried over, " << r.not_carried.size()
              << " not carried\n";
    for (const auto& n : r.not_carried) std::cout << "  not carried: " << n << '\n';
    return r.not_carried.empty() ? kExitOk : kExitInputRejected;
  });
}

}  // namespace claimtrail::cli
