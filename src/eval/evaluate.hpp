// Evaluating the parser (or any prediction file) on a PolNeAR-style split
// directory, and rendering the result as text or JSON.
//
// The figures are those of ../shared/tools/score_polnear.py (scorer.hpp);
// the JSON rendering uses its --json key names ("span" -> role -> "exact-trim"
// -> {"P","R","F1","tp_pred","n_pred","tp_gold","n_gold"}, "attribution" ->
// "+source" -> ..., "counts", "pairs", "groups") so both can be compared key by
// key. Only top-level attributions are scored: PolNeAR does not nest.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis.hpp"
#include "eval/brat.hpp"
#include "eval/scorer.hpp"

namespace claimtrail::eval {

// Predicted attributions per article name (text file name without ".txt").
using Predictions = std::map<std::string, std::vector<Attribution>>;

// Hand-labelled gold sources per article name.
using SourceLabels = std::map<std::string, std::vector<SourceLabel>>;

// The outcome of one evaluation.
struct Report {
  std::string gold_dir;     // as given
  std::string predictions;  // what was scored: "claimtrail extract" or a prediction file
  long articles = 0;
  long articles_without_predictions = 0;  // with no predicted attribution (as the reference counts)
  Scores scores;
  std::optional<CategoryScores> categories;  // set when labels were given
  std::vector<std::string> warnings;         // from the gold, labels and prediction files
  std::vector<std::string> rejected;         // "PATH: why" for each article left out
};

// Reads a source labels file: UTF-8 TSV, '#' comment lines, blank lines, a
// header naming at least the columns doc, start, end, category, anonymous (in
// any order; more columns are ignored), then one row per labelled gold source
// with code-point offsets, a SPEC section 2 category name and true/false.
// Rows that do not parse are skipped with a warning appended to *warnings (may
// be null). Throws core::Error naming `file` when it cannot be read or has no
// such header.
SourceLabels read_source_labels(const std::filesystem::path& file, std::vector<std::string>* warnings);

// Reads predictions in the reference's JSON Lines format ({"doc": NAME,
// "attributions": [{"source": [[s, e], ...], "cue": ..., "content": ...,
// "category": NAME, "anonymous": BOOL}]}; code points; several lines for one
// article are merged; unknown keys ignored; "category" and "anonymous" are
// optional). Bad lines, bad fragments and unknown articles (not in `known`,
// when given) are skipped with a warning appended to *warnings (may be null).
// Throws core::Error naming `file` when it cannot be read.
Predictions read_predictions(const std::filesystem::path& file, const Split* known, std::vector<std::string>* warnings);

// The top-level attributions of an analysis (parent < 0) with their byte
// offsets into `utf8` turned into code points, and the source's category and
// anonymous flag kept. `utf8` is the text that was analysed.
std::vector<Attribution> to_codepoints(const core::Analysis& analysis, std::string_view utf8);

// Scores predictions against a split read with read_split(); labels, when
// given, add category accuracy over the labelled articles. Articles missing
// from `pred` count as having no predictions; predictions for articles not in
// the split are ignored. Copies the split's warnings and rejections.
Report evaluate(const Split& gold, const Predictions& pred, const SourceLabels* labels);

// Reads the split at `dir`, runs `analyse` on every text and scores the top-level
// attributions; `labels` names an optional source labels file. Throws
// core::Error when `dir` is not a PolNeAR-style directory or the labels file
// cannot be read; an article the parser throws on is rejected and reported.
// (`analyse` is the parser: eval/ scores, it does not depend on extract/.)
using Analyse = std::function<core::Analysis(std::string_view text)>;
Report evaluate_split(const std::filesystem::path& dir, const Analyse& analyse,
                      const std::optional<std::filesystem::path>& labels);

// As evaluate_split, but scores the prediction file `pred` (read_predictions
// format) instead of running the parser.
Report evaluate_predictions(const std::filesystem::path& dir, const std::filesystem::path& pred,
                            const std::optional<std::filesystem::path>& labels);

// The report as an aligned text table: the eight figures of SPEC section 4
// (cue, source and content exact-trim and char; attr and +source) with P, R,
// F1 and counts, then category accuracy when labels were given. Undefined
// figures print as "-". Warnings and rejections are not included.
std::string render_text(const Report& report);

// The report as JSON with the reference's key names (undefined figures are
// null), plus "categories" when labels were given, and "warnings" and
// "rejected" (lists of strings).
nlohmann::json render_json(const Report& report);

}  // namespace claimtrail::eval
