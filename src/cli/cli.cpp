#include "cli/cli.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string_view>

#include "core/version.hpp"
#include "learn/shipped_model.hpp"
#include "util/printable.hpp"

namespace claimtrail::cli {

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  Handler handler;
};

constexpr Command kCommands[] = {
    {"extract", "find attributions, sources and claims in articles", cmd_extract},
    {"eval", "score the parser against a PolNeAR-style annotated directory", cmd_eval},
    {"ingest", "store articles with their claims and sources", cmd_ingest},
    {"claims", "list and search stored claims, their status and verdicts", cmd_claims},
    {"sources", "list stored sources", cmd_sources},
    {"source", "source merge A B: one source under two names", cmd_source},
    {"claim", "claim fix ID / claim show ID: correct or show one claim", cmd_claim},
    {"verdict", "record a fact-checker's ruling on a claim", cmd_verdict},
    {"evidence", "evidence list CLAIM / evidence confirm|reject LINK: review track's evidence", cmd_evidence},
    {"track", "what later articles did to an article's claims", cmd_track},
    {"diff", "compare an article with a later one", cmd_diff},
    {"report", "attribution report of an article, a thread, an outlet or a source", cmd_report},
    {"export", "ClaimReview JSON-LD, CSV, or brat standoff", cmd_export},
    {"train", "train the attribution tagger on a PolNeAR-style split", cmd_train},
    {"train-language", "train the language layer (tagger, parser, entity types) on UD treebanks", cmd_train_language},
    {"eval-language", "score the language layer on UD treebanks' test split", cmd_eval_language},
    {"reextract", "extract stored articles again, keeping verdicts and links", cmd_reextract},
};

void print_usage(std::ostream& out) {
  out << "usage: claimtrail <command> [options] [args]\n\ncommands:\n";
  std::size_t width = 0;  // the longest name and two spaces
  for (const auto& c : kCommands) width = std::max(width, c.name.size() + 2);
  for (const auto& c : kCommands) {
    out << "  " << c.name;
    for (std::size_t i = c.name.size(); i < width; ++i) out << ' ';
    out << c.summary << '\n';
  }
  out << "\n'claimtrail <command> --help' describes a command's options.\n"
         "  --version   print the version\n";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void print_error(const std::string& message) {
  std::fflush(stdout);
  // Messages quote input (file names, ids, dates): never broken bytes or
  // terminal control sequences.
  std::cerr << "claimtrail: error: " << util::printable(message) << std::endl;
}

int run(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    print_usage(std::cerr);
    return kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return kExitOk;
  }
  if (name == "--version") {
    std::cout << "claimtrail " << core::kVersion << '\n' << "tagger model: " << learn::shipped_model()->version << '\n';
    return kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : kCommands)
    if (c.name == name) return c.handler(args);

  std::string message = "unknown command '" + std::string(name) + "'";
  const Command* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& c : kCommands) {
    const std::size_t d = edit_distance(name, c.name);
    if (d < best_d) best = &c, best_d = d;
  }
  if (best) message += "; did you mean '" + std::string(best->name) + "'?";
  print_error(message);
  return kExitUsage;
}

}  // namespace claimtrail::cli
