// claimtrail train DIR -o MODEL: the attribution tagger, from a PolNeAR-style
// training split, deterministically (the same model file twice).
#include <fstream>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "learn/train.hpp"

namespace claimtrail::cli {

int cmd_train(const std::vector<std::string>& args) {
  po::options_description opts("usage: claimtrail train TRAIN_DIR -o MODEL [options]\n\n"
                               "Trains the attribution tagger (a structured perceptron over source, cue\n"
                               "and content boundaries) on a PolNeAR-style directory: the train split only\n"
                               "(a directory named 'test' is refused). The same data and options give the\n"
                               "same model file, byte for byte.\n\noptions");
  std::string out;
  learn::TrainOptions o;
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
  try {
    const learn::Model m = learn::train_tagger(pos[0], o);
    std::ofstream f(out, std::ios::binary);
    f << m.serialize();
    if (!f) throw core::Error(out, "cannot write the model");
    std::cerr << "train: " << m.features() << " features; " << m.version << " -> " << out << '\n';
    return kExitOk;
  } catch (const core::Error& e) {
    print_error(std::string("train: ") + e.what());
    return kExitInputRejected;
  }
}

}  // namespace claimtrail::cli
