#include "report/export.hpp"
#include "core/categories.hpp"

#include <unistd.h>

#include <random>
#include <set>

#include "core/error.hpp"

#include "eval/brat.hpp"
#include "report/analysis_render.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "store/json_columns.hpp"
#include "store/queries.hpp"
#include "util/file_name.hpp"
#include "util/printable.hpp"
#include "util/utf8.hpp"

namespace claimtrail::report {

using core::span_text;
using core::spans_json;
using util::shorten;

using nlohmann::json;

Rating rating_of(const std::string& verdict) {
  if (verdict == "refuted") return {1, "False"};
  if (verdict == "disputed") return {2, "Disputed"};
  if (verdict == "unverified") return {3, "Unverified"};
  return {4, "True"};  // confirmed
}

namespace {

json creative_work(const std::string& url, const std::string& date, const std::string& headline) {
  json w = {{"@type", "CreativeWork"}};
  if (!url.empty()) w["url"] = url;
  if (!date.empty()) w["datePublished"] = date;
  if (!headline.empty()) w["headline"] = headline;
  return w;
}

std::vector<store::ClaimRecord> claims_with_verdicts(store::Store& st) {
  store::ClaimFilter f;
  std::vector<store::ClaimRecord> out;
  for (auto& c : store::find_claims(st, f))
    if (!c.verdict.empty()) out.push_back(std::move(c));
  return out;
}

}  // namespace

json claimreview(store::Store& st, const ClaimReviewOptions& o) {
  json out = json::array();
  for (const auto& c : claims_with_verdicts(st)) {
    const Rating rating = rating_of(c.verdict);
    json author;
    if (const core::CategoryFacts* f = core::facts(c.category); f && f->named) {
      author = {{"@type", std::string(f->schema_type)},
                {"name", c.source_name.empty() ? c.source_text : c.source_name}};
    } else {
      // An anonymous source (or a document, or no source): the outlet that
      // published it, with who it said the claim came from.
      const std::string who = c.kind == "unattributed" ? std::string("stated by the outlet itself")
                                                       : (c.anonymous ? "unnamed: " : "") + c.source_text;
      author = {{"@type", "Organization"},
                {"name", c.outlet.empty() ? "unknown outlet" : c.outlet},
                {"description", who + (c.outlet.empty() ? "" : ", via " + c.outlet)}};
    }
    // The first appearance is the claim's own article; `appearance` lists
    // each later article that carried it once (a later article with several
    // pieces of evidence is one appearance).
    const json first = creative_work(c.url, c.published, store::article_headline(st, c.article_id));
    json appearance = json::array();
    std::set<std::int64_t> seen{c.article_id};
    for (const auto& link : links_of(st, c.id))
      if (seen.insert(link.later.article_id).second)
        appearance.push_back(
            creative_work(link.later.url, link.later.published, store::article_headline(st, link.later.article_id)));
    json item = {{"@type", "Claim"}, {"author", author}, {"firstAppearance", first}};
    if (!appearance.empty()) item["appearance"] = appearance;
    if (!c.published.empty()) item["datePublished"] = c.published;
    json review = {{"@context", "https://schema.org"},
                   {"@type", "ClaimReview"},
                   {"url", o.review_url_base + std::to_string(c.id)},
                   {"claimReviewed", util::shorten(c.text, 300)},
                   {"datePublished", c.verdict_at.substr(0, 10)},
                   {"author", json{{"@type", "Organization"}, {"name", o.org}}},
                   {"reviewRating",
                    {{"@type", "Rating"},
                     {"alternateName", rating.words},
                     {"ratingValue", rating.value},
                     {"bestRating", 4},
                     {"worstRating", 1}}},
                   {"itemReviewed", item}};
    if (!o.org_url.empty()) review["author"]["url"] = o.org_url;
    // Why: the fact-checker's note, and the source that backs the ruling.
    if (!c.verdict_note.empty()) review["reviewBody"] = c.verdict_note;
    if (!c.verdict_evidence.empty()) review["citation"] = json{{"@type", "CreativeWork"}, {"url", c.verdict_evidence}};
    out.push_back(std::move(review));
  }
  return out;
}

std::string claims_csv(store::Store& st, std::optional<std::int64_t> article) {
  std::vector<ClaimEntry> entries;
  if (article) {
    ArticleReport r = article_report(st, *article);
    for (auto* list : {&r.claims, &r.unattributed})
      for (auto& e : *list) entries.push_back(std::move(e));
  } else {
    for (std::int64_t id : store::article_ids(st)) {
      ArticleReport r = article_report(st, id);
      for (auto* list : {&r.claims, &r.unattributed})
        for (auto& e : *list) entries.push_back(std::move(e));
    }
  }
  return to_csv(entries);
}

namespace {

namespace fs = std::filesystem;

// A new empty folder beside `dir` (same file system, so it can be renamed
// into place), hidden and named after it.
fs::path temporary_beside(const fs::path& dir) {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path p = dir.parent_path() / ("." + dir.filename().string() + ".claimtrail-" +
                                            std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000));
    std::error_code ec;
    if (fs::create_directory(p, ec)) return p;
    if (ec) throw core::Error(dir.parent_path().string(), "cannot create a folder: " + ec.message());
  }
  throw core::Error(dir.parent_path().string(), "cannot create a temporary folder");
}

}  // namespace

std::size_t export_brat(store::Store& st, const std::filesystem::path& dir_arg, std::optional<std::int64_t> article) {
  const std::vector<std::int64_t> ids = article ? std::vector<std::int64_t>{*article} : store::article_ids(st);
  // DIR must be new or an empty folder: an export never mixes with other files.
  fs::path dir = fs::absolute(dir_arg).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw core::Error(dir_arg.string(), "exists and is not a folder");
    if (!fs::is_empty(dir, ec) || ec)
      throw core::Error(dir_arg.string(), "is not empty (give a new or an empty folder)");
  }
  fs::create_directories(dir.parent_path(), ec);
  if (ec) throw core::Error(dir.parent_path().string(), "cannot create: " + ec.message());
  auto to_cp = [](const std::string& spans, const util::CodepointIndex& index, std::size_t limit) {
    eval::Fragments out;
    for (const core::Span& sp : store::parse_spans(spans)) {
      const std::size_t b = std::min(sp.start, limit), e = std::min(sp.end, limit);
      out.push_back(
          {static_cast<std::int64_t>(index.to_codepoint(b)), static_cast<std::int64_t>(index.to_codepoint(e))});
    }
    return out;
  };
  const fs::path tmp = temporary_beside(dir);
  try {
    util::UniqueStems stems;
    for (std::int64_t id : ids) {
      const ArticleReport r = article_report(st, id);
      const std::string& text = r.article.text;
      const util::CodepointIndex index(text);
      std::vector<eval::Attribution> atts;
      for (const auto& e : r.claims) {
        if (e.claim.parent_id) continue;  // PolNeAR does not nest
        eval::Attribution a;
        a.id = "c" + std::to_string(e.claim.id);
        a.cue = to_cp(e.claim.cue_spans, index, text.size());
        a.source = to_cp(e.claim.source_spans, index, text.size());
        a.content = to_cp(e.claim.spans, index, text.size());
        atts.push_back(std::move(a));
      }
      eval::write_document(tmp, stems.take(r.article.doc, std::to_string(id)), text, atts);
    }
    // Both folders even for no article, as eval expects.
    fs::create_directories(tmp / "text");
    fs::create_directories(tmp / "attributions");
    // rename(2) replaces an empty folder and fails on one that is not.
    fs::rename(tmp, dir);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(tmp, ec);
    throw core::Error(dir_arg.string(), std::string("cannot write the export: ") + e.code().message());
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  return ids.size();
}

}  // namespace claimtrail::report
