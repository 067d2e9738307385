// claimtrail extract FILE... [--format text|json|jsonl] [--id ID] [--emit-text]
#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/input.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "learn/shipped_model.hpp"
#include "output/render.hpp"

namespace claimtrail::cli {

int cmd_extract(const std::vector<std::string>& args) {
  po::options_description opts("usage: claimtrail extract FILE... [options]\n\n"
                               "Finds attributions, sources, non-responses, source descriptions,\n"
                               "hedges and unattributed claims in plain-text UTF-8 articles\n"
                               "(\"-\" reads standard input).\n\noptions");
  std::string format = "text", mode_name = "rules";
  std::string id;
  opts.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "text (for people), json, or jsonl (one article a line)")(
      "id", po::value(&id), "the article id in the output (one input only; default: the file name)")(
      "emit-text", "print the analysed text the offsets refer to, instead of the analysis")(
      "mode", po::value(&mode_name)->default_value("rules"),
      "rules, or the learned tagger reading the rules' results (both)");
  po::variables_map vm;
  std::vector<std::string> files;
  if (auto code = parse_command("extract", opts, args, vm, &files)) return *code;
  if (files.empty()) {
    print_error("extract: no input files (give FILE... or - for standard input)");
    return kExitUsage;
  }
  if (format != "text" && format != "json" && format != "jsonl") {
    print_error("extract: unknown --format '" + format + "' (text, json or jsonl)");
    return kExitUsage;
  }
  if (!id.empty() && files.size() != 1) {
    print_error("extract: --id needs exactly one input");
    return kExitUsage;
  }
  const bool emit_text = vm.count("emit-text") > 0;

  if (mode_name != "rules" && mode_name != "both") {
    print_error("extract: unknown --mode '" + mode_name + "' (rules or both)");
    return kExitUsage;
  }
  const extract::Extractor extractor(mode_name == "both" ? learn::shipped_model() : nullptr,
                                     mode_name == "both" ? extract::Mode::both : extract::Mode::rules);
  int status = kExitOk;
  bool first = true;
  if (format == "json" && files.size() > 1 && !emit_text) std::cout << "[\n";
  for (const std::string& file : files) {
    Article article;
    try {
      article = read_article(file);
    } catch (const core::Error& e) {
      print_error(e.what());
      status = kExitInputRejected;
      continue;
    }
    if (emit_text) {
      std::cout << article.text;
      continue;
    }
    const std::string doc = id.empty() ? article.name : id;
    const core::Analysis analysis = extractor.analyse(article.text);
    if (format == "text") {
      if (!first) std::cout << '\n';
      std::cout << output::to_text(analysis, article.text, doc);
    } else {
      auto j = output::to_json(analysis, article.text, doc);
      j["tagger"] = mode_name == "both" ? nlohmann::json(learn::shipped_model()->version) : nlohmann::json(nullptr);
      if (format == "jsonl") {
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      } else {
        if (files.size() > 1 && !first) std::cout << ",\n";
        std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        if (files.size() == 1) std::cout << '\n';
      }
    }
    first = false;
  }
  if (format == "json" && files.size() > 1 && !emit_text) std::cout << "\n]\n";
  std::cout.flush();
  return status;
}

}  // namespace claimtrail::cli
