// claimtrail extract FILE... [--format text|json|jsonl] [--id ID] [--emit-text]
#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>

#include "app/ordered_pool.hpp"
#include "article/batch.hpp"
#include "article/input.hpp"
#include "article/metadata.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "learn/shipped_model.hpp"
#include "report/analysis_render.hpp"

namespace claimtrail::cli {

using namespace article;  // the Article input type and its readers

int cmd_extract(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail extract FILE... [options]\n\n"
      "Finds attributions, sources, non-responses, source descriptions,\n"
      "hedges and unattributed claims in plain-text UTF-8 articles\n"
      "(\"-\" reads standard input).\n\noptions");
  std::string format = "text", mode_name = "rules";
  unsigned jobs = 1;
  BatchOptions batch;
  std::string id;
  opts.add_options()("help,h", "show this help")("format,f", po::value(&format)->default_value("text"),
                                                 "text (for people), json, or jsonl (one article a line)")(
      "id", po::value(&id), "the article id in the output (one input only; default: the file name)")(
      "emit-text", "print the analysed text the offsets refer to, instead of the analysis")(
      "mode", po::value(&mode_name)->default_value("rules"),
      "rules, or the learned tagger reading the rules' results (both)")(
      "no-syntax", "without the language layer's parse (the rules' word windows alone)")(
      "jobs,j", po::value(&jobs)->default_value(default_jobs()),
      "articles analysed in parallel (the output keeps the input order)")(
      "input", po::value(&batch.input)->default_value("auto"),
      "auto (.jsonl/.ndjson files are JSON lines, .html and pages by their look are HTML), text, html or jsonl")(
      "max-record", po::value(&batch.max_record)->default_value(32ull << 20),
      "a JSON line longer than this many bytes is rejected unread")(
      "quiet,q", "no progress line (it appears only when standard error is a terminal)");
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
  extract::Extractor extractor(mode_name == "both" ? learn::shipped_model() : nullptr,
                               mode_name == "both" ? extract::Mode::both : extract::Mode::rules);
  extractor.set_syntax(vm.count("no-syntax") == 0);
  // One input's output (or its error line), rendered by any thread.
  struct Result {
    std::string text, error;
  };
  const std::function<Result(const InputItem&)> process = [&](const InputItem& item) {
    Result r;
    Article article;
    try {
      article = read_item(item);
    } catch (const core::Error& e) {
      r.error = e.what();
      return r;
    }
    if (emit_text) {
      r.text = article.text;
      return r;
    }
    const std::string where = item.line ? item.path + ":" + std::to_string(item.line) : item.path;
    article::Metadata meta;
    try {
      meta = article::metadata_of(article, where);
    } catch (const core::Error& e) {
      r.error = e.what();
      return r;
    }
    const std::string doc = id.empty() ? article.name : id;
    core::Analysis analysis;
    try {
      analysis = extractor.analyse(article.text);
    } catch (const core::Error& e) {  // a broken span: an internal error, reported for this input
      r.error = (item.path == "-" ? doc : item.path) + ": " + e.what();
      return r;
    }
    if (format == "text") {
      r.text = report::to_text(analysis, article.text, doc);
    } else {
      // Written element by element: an article of any size never becomes
      // one JSON tree in memory.
      std::ostringstream out;
      // What the input says about the article (docs/output.md): null where
      // it says nothing.
      auto or_null = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
      const nlohmann::json extra = {
          {"article",
           {{"byline", or_null(meta.byline)},
            {"outlet", or_null(meta.outlet)},
            {"published", or_null(meta.published)},
            {"url", or_null(meta.url)}}},
          {"tagger", mode_name == "both" ? nlohmann::json(learn::shipped_model()->version) : nlohmann::json(nullptr)}};
      report::write_json(out, analysis, article.text, doc, format == "jsonl" ? -1 : 2, extra);
      if (format == "jsonl") out << '\n';
      r.text = std::move(out).str();
    }
    return r;
  };
  int status = kExitOk;
  bool first = true;
  const std::vector<InputItem> items = expand_inputs(files, batch, [&](const std::string& why) {
    print_error(why);
    status = kExitInputRejected;
  });
  auto emit = [&](const Result& r) {  // in input order
    if (!r.error.empty()) {
      print_error(r.error);
      status = kExitInputRejected;
      return;
    }
    if (!emit_text) {
      if (format == "text" && !first) std::cout << '\n';
      if (format == "json" && items.size() > 1 && !first) std::cout << ",\n";
    }
    std::cout << r.text;
    if (format == "json" && items.size() == 1 && !emit_text) std::cout << '\n';
    first = false;
  };
  std::uint64_t total = 0;
  for (const auto& it : items) total += item_bytes(it);
  Progress progress(total, items.size(), !vm.count("quiet"));
  if (format == "json" && items.size() > 1 && !emit_text) std::cout << "[\n";
  app::ordered_pool<InputItem, Result>(items, jobs > 1 ? jobs : 0, process, [&](std::size_t i, Result&& r) {
    emit(r);
    progress.advance(item_bytes(items[i]));
  });
  if (format == "json" && items.size() > 1 && !emit_text) std::cout << "\n]\n";
  std::cout.flush();
  return status;
}

}  // namespace claimtrail::cli
