// claimtrail eval GOLD_DIR [--json] [--labels FILE] [--pred FILE]
//
// Scores the parser (or a prediction file) against a PolNeAR-style annotated
// directory and prints the report on stdout; warnings and rejected articles go
// to stderr.
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/cli.hpp"
#include "core/error.hpp"
#include "eval/evaluate.hpp"
#include "extract/extractor.hpp"
#include "learn/shipped_model.hpp"
#include "util/file.hpp"
#include "util/printable.hpp"

namespace claimtrail::cli {

namespace {

namespace po = boost::program_options;

constexpr std::size_t kMaxWarningsShown = 10;

void print_usage(std::ostream& out, const po::options_description& visible) {
  out << "usage: claimtrail eval GOLD_DIR [--json] [--labels FILE] [--pred FILE]\n\n"
         "Scores claimtrail's attributions against a PolNeAR-style directory (GOLD_DIR/text/NAME.txt,\n"
         "GOLD_DIR/attributions/NAME_ANNOTATOR.ann in brat standoff; the first .ann by name is used)\n"
         "with the figures of score_polnear.py: cue, source and content exact-trim and char, and\n"
         "attribution-level attr and +source (P, R, F1). Top-level attributions only.\n\n"
      << visible << '\n';
}

}  // namespace

int cmd_eval(const std::vector<std::string>& args) {
  po::options_description visible("options");
  visible.add_options()("help,h", "print this help")("json",
                                                     "print the report as JSON (score_polnear.py --json key names)")(
      "labels", po::value<std::string>()->value_name("FILE"),
      "hand-labelled gold sources (TSV: doc start end category anonymous, code points) "
      "for source category and anonymity accuracy")(
      "pred", po::value<std::string>()->value_name("FILE"),
      "score this prediction file (score_polnear.py JSON Lines, code points) instead of "
      "running the parser")("allow-test", "score a directory named 'test' (a held-out split: never tune on it)")(
      "model", po::value<std::string>()->value_name("FILE"), "use this tagger model (see 'claimtrail train')")(
      "mode", po::value<std::string>()->value_name("MODE"), "rules, model or both (default: both with --model)")(
      "no-syntax", "without the language layer's parse (the rules' word windows alone)");
  po::options_description all;
  all.add(visible).add_options()("gold-dir", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("gold-dir", 1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error(std::string("eval: ") + e.what() + " (see 'claimtrail eval --help')");
    return kExitUsage;
  }
  if (vm.count("help")) {
    print_usage(std::cout, visible);
    return kExitOk;
  }
  if (!vm.count("gold-dir")) {
    print_error("eval: missing GOLD_DIR (see 'claimtrail eval --help')");
    return kExitUsage;
  }
  const std::filesystem::path dir = vm["gold-dir"].as<std::string>();
  auto normal = dir.lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();  // "dir/"
  if (normal.filename() == "test" && !vm.count("allow-test")) {
    print_error(dir.string() +
                ": refusing to score a held-out split named 'test' (never tune on it); "
                "give --allow-test for the final measurement");
    return kExitUsage;
  }
  std::optional<std::filesystem::path> labels;
  if (vm.count("labels")) labels = vm["labels"].as<std::string>();

  eval::Report report;
  try {
    if (vm.count("pred")) {
      report = eval::evaluate_predictions(dir, vm["pred"].as<std::string>(), labels);
    } else {
      std::shared_ptr<const learn::Model> model;
      extract::Mode mode = extract::Mode::rules;
      if (vm.count("model")) {
        const std::string path = vm["model"].as<std::string>();
        model = std::make_shared<learn::Model>(learn::Model::parse(util::read_input(path)));
        mode = extract::Mode::both;
      }
      if (vm.count("mode")) {
        const std::string m = vm["mode"].as<std::string>();
        mode = m == "model" ? extract::Mode::model : m == "both" ? extract::Mode::both : extract::Mode::rules;
        if (!model && mode != extract::Mode::rules) model = learn::shipped_model();
      }
      extract::Extractor extractor(model, mode);
      extractor.set_syntax(vm.count("no-syntax") == 0);
      report = eval::evaluate_split(
          dir, [&](std::string_view t) { return extractor.analyse(t); }, labels);
    }
  } catch (const core::Error& e) {
    print_error(e.what());
    return kExitInputRejected;
  } catch (const std::runtime_error& e) {
    print_error(std::string("eval: ") + e.what());
    return kExitInputRejected;
  }

  if (vm.count("json"))
    std::cout << eval::render_json(report).dump(1) << '\n';
  else
    std::cout << eval::render_text(report);
  std::cout.flush();

  const auto& warnings = report.warnings;
  for (std::size_t i = 0; i < warnings.size() && i < kMaxWarningsShown; ++i)
    std::cerr << "claimtrail: warning: " << util::printable(warnings[i]) << '\n';
  if (warnings.size() > kMaxWarningsShown)
    std::cerr << "claimtrail: warning: " << warnings.size() - kMaxWarningsShown
              << " more warning(s) not shown (all of them are in --json output)\n";
  for (const auto& r : report.rejected) print_error(r);
  return report.rejected.empty() ? kExitOk : kExitInputRejected;
}

}  // namespace claimtrail::cli
