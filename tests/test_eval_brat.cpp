#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "eval/brat.hpp"
#include "testutil.hpp"
#include "util/utf8.hpp"

using claimtrail::eval::Attribution;
using claimtrail::eval::Document;
using claimtrail::eval::Fragment;
using claimtrail::eval::Fragments;
namespace eval = claimtrail::eval;
namespace fs = std::filesystem;

namespace {

fs::path fixture_dir() { return claimtrail::testutil::source_dir() / "fixtures" / "brat"; }

std::string encode(std::u32string_view s) { return claimtrail::util::to_utf8(s); }

// The text of each fragment, joined by "|".
std::string text_of(const Document& doc, const Fragments& frags) {
  std::string out;
  for (const auto& f : frags) {
    if (!out.empty()) out += "|";
    out += encode(std::u32string_view(doc.text).substr(static_cast<std::size_t>(f.start),
                                                       static_cast<std::size_t>(f.end - f.start)));
  }
  return out;
}

bool has_warning(const std::vector<std::string>& warnings, std::string_view needle) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

void write_file(const fs::path& p, std::string_view bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST_SUITE("eval::brat") {
  TEST_CASE("the fixture split is read with code-point offsets") {
    const auto split = eval::read_split(fixture_dir());
    REQUIRE(split.documents.size() == 3);
    CHECK(split.documents[0].name == "alpha");
    CHECK(split.documents[1].name == "beta");
    CHECK(split.documents[2].name == "gamma");
    CHECK(split.rejected.empty());

    const Document& alpha = split.documents[0];
    REQUIRE(alpha.ann_path.has_value());
    CHECK(alpha.ann_path->filename() == "alpha_x1.ann");
    REQUIRE(alpha.attributions.size() == 6);
    CHECK(alpha.text.size() < alpha.utf8.size());  // typographic quotes, NBSP, é

    SUBCASE("roles") {
      const Attribution& e2 = alpha.attributions[1];
      CHECK(e2.id == "E2");
      CHECK(text_of(alpha, e2.source) ==
            "Mayor\xC2\xA0"
            "Ana R\xC3\xA9"
            "al");
      CHECK(text_of(alpha, e2.cue) == "said");
      CHECK(text_of(alpha, e2.content) == "The city\xE2\x80\x99s budget \xE2\x80\x9Cis not sustainable,\xE2\x80\x9D");
    }
    SUBCASE("a split quote keeps both fragments") {
      const Attribution& e3 = alpha.attributions[2];
      CHECK(e3.content.size() == 2);
      CHECK(text_of(alpha, e3.content) ==
            "\xE2\x80\x9CWe will cut spending,\xE2\x80\x9D|\xE2\x80\x9C"
            "and we will not raise taxes.\xE2\x80\x9D");
      CHECK(text_of(alpha, e3.source) == "she");
    }
    SUBCASE("an attribution without a source") {
      const Attribution& e4 = alpha.attributions[3];
      CHECK(e4.source.empty());
      CHECK(text_of(alpha, e4.cue) == "It was reported");
      CHECK(text_of(alpha, e4.content) == "that the plan would close two libraries");
    }
    SUBCASE("unknown roles are ignored") {
      const Attribution& e5 = alpha.attributions[4];
      CHECK(text_of(alpha, e5.source) == "Council member Joe Park");
      CHECK(e5.cue.size() == 1);
      CHECK(e5.content.size() == 1);
    }
    SUBCASE("malformed lines and missing references are warnings") {
      CHECK(has_warning(split.warnings, "alpha_x1.ann:17: unparsable T line"));
      CHECK(has_warning(split.warnings, "alpha_x1.ann: E6 refers to missing T77"));
      const Attribution& e6 = alpha.attributions[5];
      CHECK(e6.content.empty());
      CHECK(text_of(alpha, e6.cue) == "warns");
    }
    SUBCASE("CRLF files, and only the first annotator's file") {
      const Document& beta = split.documents[1];
      CHECK(beta.ann_path->filename() == "beta_a1.ann");
      REQUIRE(beta.attributions.size() == 2);
      CHECK(text_of(beta, beta.attributions[0].content) == "the bridge would reopen");
      CHECK(text_of(beta, beta.attributions[1].source) == "an engineer");  // after two \r\n
      CHECK(text_of(beta, beta.attributions[1].cue) == "said");
    }
    SUBCASE("an article without a .ann has no attributions") {
      const Document& gamma = split.documents[2];
      CHECK_FALSE(gamma.ann_path.has_value());
      CHECK(gamma.attributions.empty());
      CHECK(has_warning(split.warnings, "gamma: no .ann file"));
    }
  }

  TEST_CASE("a directory without text/ and attributions/ is refused") {
    claimtrail::testutil::TempDir tmp;
    CHECK_THROWS_AS(eval::read_split(tmp.path()), claimtrail::core::Error);
    CHECK_THROWS_AS(eval::read_split(tmp.path() / "absent"), claimtrail::core::Error);
    fs::create_directories(tmp.path() / "text");
    try {
      eval::read_split(tmp.path());
      FAIL("expected core::Error");
    } catch (const claimtrail::core::Error& e) {
      CHECK(std::string(e.what()).find("not a PolNeAR-style directory") != std::string::npos);
      CHECK(e.input() == tmp.path().string());
    }
  }

  TEST_CASE("an invalid UTF-8 text is rejected, the others are read") {
    claimtrail::testutil::TempDir tmp;
    write_file(tmp.path() / "text" / "bad.txt", "caf\xE9 said");
    write_file(tmp.path() / "text" / "good.txt", "He said so.");
    write_file(tmp.path() / "attributions" / "good_a.ann", "T1\tCue 3 7\tsaid\nE1\tCue:T1\n");
    write_file(tmp.path() / "text" / ".hidden.txt", "ignored");
    const auto split = eval::read_split(tmp.path());
    REQUIRE(split.documents.size() == 1);
    CHECK(split.documents[0].name == "good");
    REQUIRE(split.rejected.size() == 1);
    CHECK(split.rejected[0].find("bad.txt: invalid UTF-8 at byte 3") != std::string::npos);
  }

  TEST_CASE("parse_ann tolerates what other brat files contain") {
    std::vector<std::string> warnings;
    SUBCASE("case, trailing digits, byte-order mark, CRLF") {
      const auto atts = eval::parse_ann(
          "\xEF\xBB\xBFT1\tSource 0 2\tHe\r\nT2\tCue 3 7\tsaid\r\nT3\tContent 8 10;12 14\tab cd\r\n"
          "E1\tattribution:T2 CUE:T2 source1:T1 Content2:T3 Weird:T1\r\n",
          "x_a.ann", &warnings);
      REQUIRE(atts.size() == 1);
      CHECK(atts[0].source == Fragments{{0, 2}});
      CHECK(atts[0].cue == Fragments{{3, 7}});
      CHECK(atts[0].content == Fragments{{8, 10}, {12, 14}});
      CHECK(warnings.empty());
    }
    SUBCASE("numbers as Python's int() reads them; anything else is a warning") {
      const auto atts = eval::parse_ann(
          "T1\tCue -3 1_0\tx\nT2\tCue 1 2;3\tx\nT3\tCue 4\tx\nT4\tCue1 2\tx\nT5 Cue 1 2\n"
          "T6\tCue 5 6;\tx\nT7\tCue 1__2 3\tx\nT8\tCue 7\xC2\xA0"
          "9\tx\n"
          "E1\tCue:T1 Cue:T2 Cue:T8\n",
          "y_a.ann", &warnings);
      REQUIRE(atts.size() == 1);
      CHECK(atts[0].cue == Fragments{{-3, 10}, {7, 9}});  // NBSP separates, as str.split() does
      CHECK(warnings.size() == 6);                        // T2, T3, T4, T6, T7 unparsable; T2 missing
      CHECK(has_warning(warnings, "y_a.ann:2: unparsable T line"));
      CHECK(has_warning(warnings, "y_a.ann: E1 refers to missing T2"));
    }
    SUBCASE("no events, no attributions; garbage never throws") {
      CHECK(eval::parse_ann("", "z", &warnings).empty());
      CHECK(eval::parse_ann("T1\tCue 0 1\tx\n", "z", nullptr).empty());
      const auto atts = eval::parse_ann("E\nE1\nE2\t\nE3\t:T1 Cue: :\n\xFF\xFE\tT\n", "z", &warnings);
      CHECK(atts.size() == 2);  // E2 and E3 have a second column
    }
  }

  TEST_CASE("format_ann round-trips through parse_ann and write_document through read_split") {
    const auto split = eval::read_split(fixture_dir());
    const Document& alpha = split.documents[0];
    const std::string ann = eval::format_ann(alpha.attributions, alpha.text);
    CHECK(ann.find("Attribution-no-source") != std::string::npos);
    std::vector<std::string> warnings;
    const auto again = eval::parse_ann(ann, "round.ann", &warnings);
    CHECK(warnings.empty());
    REQUIRE(again.size() == alpha.attributions.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
      CHECK(again[i].cue == alpha.attributions[i].cue);
      CHECK(again[i].source == alpha.attributions[i].source);
      CHECK(again[i].content == alpha.attributions[i].content);
    }

    claimtrail::testutil::TempDir tmp;
    Attribution outside;
    outside.content = {{-5, 0}, {500, 900}};  // nothing left after clipping: skipped
    auto atts = alpha.attributions;
    atts.push_back(outside);
    eval::write_document(tmp.path(), "copy", alpha.utf8, atts, "me");
    const auto written = eval::read_split(tmp.path());
    REQUIRE(written.documents.size() == 1);
    CHECK(written.documents[0].ann_path->filename() == "copy_me.ann");
    CHECK(written.documents[0].utf8 == alpha.utf8);
    CHECK(written.documents[0].attributions.size() == alpha.attributions.size());
    CHECK(written.warnings.empty());
  }
}
