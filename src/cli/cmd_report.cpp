// claimtrail report / export: attribution reports and exports a fact-checker
// can publish.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "article/dates.hpp"
#include "article/input.hpp"
#include "article/metadata.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "report/export.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "store/queries.hpp"
#include "store/store.hpp"
#include "util/printable.hpp"

namespace claimtrail::cli {

using namespace article;  // the Article input type and its readers

namespace {

// Writes `text` to `path` (or standard output when empty).
void emit(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw core::Error(path, "cannot write");
}

}  // namespace

int cmd_report(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail report ARTICLE [options]\n"
      "       claimtrail report --thread ARTICLE | --outlet NAME | --source NAME [options]\n\n"
      "An article's attribution profile (statements by source category, the share\n"
      "resting on anonymous sources, distinct sources, reasons for anonymity,\n"
      "non-responses, unattributed claims) and each claim with its source, hedges,\n"
      "tracking status and verdict. ARTICLE is an id in the store or a file (looked\n"
      "up in the store by its text, else parsed on the fly).\n\noptions");
  std::string db, format = "text", outlet, source, out_path;
  opts.add_options()("help,h", "show this help")("format,f", po::value(&format)->default_value("text"),
                                                 "text, markdown, json, csv or html")(
      "thread", "the story thread: a timeline of each claim and how its sourcing moved")(
      "outlet", po::value(&outlet), "an outlet's anonymous share over time")(
      "source", po::value(&source), "everything a source was quoted as saying, and what became of it")(
      "output,o", po::value(&out_path), "write to this file instead of standard output");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("report", opts, args, vm, &pos)) return *code;
  const bool thread = vm.count("thread") > 0;
  const int modes = (outlet.empty() ? 0 : 1) + (source.empty() ? 0 : 1);
  if (modes > 1 || (modes == 1 && (thread || !pos.empty())) || (modes == 0 && pos.size() != 1)) {
    print_error("report: give one ARTICLE (with or without --thread), or --outlet NAME, or --source NAME");
    return kExitUsage;
  }
  if (format != "text" && format != "markdown" && format != "json" && format != "csv" && format != "html") {
    print_error("report: unknown --format '" + format + "' (text, markdown, json, csv or html)");
    return kExitUsage;
  }
  if ((modes == 1 && (format == "csv" || format == "html")) || (thread && format == "csv")) {
    print_error("report: --format " + format + (thread ? " is not for a thread" : " is for a single article"));
    return kExitUsage;
  }
  const std::string path = store_path(db);
  return guarded("report", path, [&]() -> int {
    // A file that the store does not hold is reported from a store in memory.
    std::unique_ptr<store::Store> st;
    std::int64_t article = 0;
    if (modes == 0 && !is_id(pos[0])) {
      const Article a = read_article(pos[0]);
      if (std::filesystem::exists(path)) {
        st = std::make_unique<store::Store>(path, store::Store::Access::read_only);
        article = store::article_with_text(*st, a.text).value_or(0);
      }
      if (article == 0) {
        st = std::make_unique<store::Store>(":memory:");
        // The article's metadata as ingest decides it (article::metadata_of).
        const article::Metadata meta = article::metadata_of(a, pos[0]);
        const store::ArticleInput in = store::article_input(a, meta);
        const extract::Extractor ex;
        article = st->ingest(in, ex.analyse(in.text)).article_id;
      }
    } else {
      st = std::make_unique<store::Store>(path, store::Store::Access::read_only);
      if (modes == 0) article = std::stoll(pos[0]);
    }
    std::string text;
    if (!outlet.empty()) {
      const auto r = report::outlet_report(*st, outlet);
      text = format == "json" ? util::dump_json(report::to_json(r), 2) + "\n" : report::to_text(r);
    } else if (!source.empty()) {
      const auto r = report::source_report(*st, source);
      text = format == "json" ? util::dump_json(report::to_json(r), 2) + "\n" : report::to_text(r);
    } else if (thread) {
      const auto r = report::thread_report(*st, article);
      text = format == "json"       ? util::dump_json(report::to_json(r), 2) + "\n"
             : format == "markdown" ? report::to_markdown(r)
             : format == "html"     ? report::to_html(r)
                                    : report::to_text(r);
    } else {
      auto r = report::article_report(*st, article);
      if (format == "json")
        text = util::dump_json(report::to_json(r), 2) + "\n";
      else if (format == "markdown")
        text = report::to_markdown(r);
      else if (format == "html")
        text = report::to_html(r);
      else if (format == "csv") {
        std::vector<report::ClaimEntry> all = r.claims;
        all.insert(all.end(), r.unattributed.begin(), r.unattributed.end());
        text = report::to_csv(all);
      } else
        text = report::to_text(r);
    }
    emit(text, out_path);
    return kExitOk;
  });
}

int cmd_export(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail export --claimreview --org NAME [--org-url URL] [--review-url-base URL]\n"
      "       claimtrail export --csv [--article ID]\n"
      "       claimtrail export --brat DIR [--article ID]\n\n"
      "ClaimReview JSON-LD (schema.org) for every claim with a verdict; claims as\n"
      "CSV for spreadsheets; or articles in brat standoff (PolNeAR layout) for\n"
      "annotators. Ratings: refuted 1 False, disputed 2 Disputed, unverified 3\n"
      "Unverified, confirmed 4 True (worst 1, best 4).\n\n"
      "--brat DIR writes DIR/text/NAME.txt and DIR/attributions/NAME_claimtrail.ann.\n"
      "NAME is the article's id when that is a safe file name, else a readable\n"
      "part of it and a short hash (never a path; two articles never share one).\n"
      "DIR must be new or an empty folder (one that holds files is refused); the\n"
      "export is written beside it and renamed into place, so it is whole or absent.\n\noptions");
  std::string db, org, org_url, review_base, brat_dir, out_path;
  std::int64_t article = 0;
  opts.add_options()("help,h", "show this help")("claimreview", "ClaimReview JSON-LD")(
      "org", po::value(&org), "the fact-checking organisation")("org-url", po::value(&org_url), "its URL")(
      "review-url-base", po::value(&review_base), "a review's URL is this followed by the claim id")(
      "csv", "claims as CSV")("brat", po::value(&brat_dir), "write DIR/text and DIR/attributions (DIR new or empty)")(
      "article", po::value(&article), "one article only (csv, brat)")("output,o", po::value(&out_path),
                                                                      "write to this file instead of standard output");
  add_db_option(opts, db);
  po::variables_map vm;
  if (auto code = parse_command("export", opts, args, vm, nullptr)) return *code;
  const int kinds = static_cast<int>(vm.count("claimreview") + vm.count("csv") + vm.count("brat"));
  if (kinds != 1) {
    print_error("export: give one of --claimreview, --csv, --brat DIR");
    return kExitUsage;
  }
  if (vm.count("claimreview") && org.empty()) {
    print_error("export: --claimreview needs --org NAME");
    return kExitUsage;
  }
  const std::optional<std::int64_t> one = vm.count("article") ? std::optional<std::int64_t>(article) : std::nullopt;
  const std::string path = store_path(db);
  return guarded("export", path, [&]() -> int {
    store::Store st(path, store::Store::Access::read_only);
    if (vm.count("claimreview")) {
      emit(util::dump_json(report::claimreview(st, {org, org_url, review_base}), 2) + "\n", out_path);
    } else if (vm.count("csv")) {
      emit(report::claims_csv(st, one), out_path);
    } else {
      const std::size_t n = report::export_brat(st, brat_dir, one);
      std::cerr << "export: " << n << " articles written to " << brat_dir << "\n";
    }
    return kExitOk;
  });
}

}  // namespace claimtrail::cli
