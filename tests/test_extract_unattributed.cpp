// Unattributed claims: statements in the outlet's own voice that a later
// report can confirm or contradict (SPEC §1: "unattributed claims"; issue
// #14 item 6). The sentences are written for this test.
#include <doctest/doctest.h>

#include <string>

#include "core/spans.hpp"
#include "extract/extractor.hpp"

namespace {

// The unattributed claims of a one-paragraph body under a headline.
std::vector<std::string> unattributed(const std::string& sentence) {
  static const claimtrail::extract::Extractor ex;
  const std::string text = "Headline of the story\n\n" + sentence + "\n";
  std::vector<std::string> out;
  for (const auto& sp : ex.analyse(text).unattributed) out.push_back(text.substr(sp.start, sp.end - sp.start));
  return out;
}

}  // namespace

TEST_CASE("a plan, an event to come or one done by a named agent is a claim, without numbers or dates") {
  for (const std::string s : {
           "The two ministries are also seeking to agree on a joint inspection regime.",
           "The Harbour Authority plans to dredge the eastern channel.",
           "The town council intends to press the owners for a guarantee.",
           "The regional assembly will vote on the proposal.",
           "The study was funded by the Marlow Foundation, a private charity.",
           "The ferry terminal closed on Monday for repairs.",
       }) {
    CAPTURE(s);
    const auto got = unattributed(s);
    REQUIRE(got.size() == 1);
    CHECK(s.starts_with(got[0]));
  }
}

TEST_CASE("a judgement, a question or a statement with no one named is not a claim") {
  for (const std::string s : {
           "The council should vote on the proposal.",
           "Will the assembly vote on the proposal?",
           "It was a long and difficult winter.",
           "Plans to dredge the channel are welcome.",
       }) {
    CAPTURE(s);
    CHECK(unattributed(s).empty());
  }
}

TEST_CASE("a headline announcing what someone will do is a claim in the outlet's voice") {
  const claimtrail::extract::Extractor ex;
  const std::string text = "Rail operator to cut 300 jobs\n\nThe operator's trains ran late again on Monday.\n";
  const auto a = ex.analyse(text);
  bool headline = false;
  for (const auto& u : a.unattributed)
    headline = headline || text.substr(u.start, u.size()) == "Rail operator to cut 300 jobs";
  CHECK(headline);
  // a headline quoting someone, or asking, is not the outlet's claim
  for (const std::string t : {"Mayor says bridge to reopen in May\n\nThe bridge was closed in March.\n",
                              "Is the bridge to reopen?\n\nThe bridge was closed in March.\n"}) {
    const auto b = ex.analyse(t);
    for (const auto& u : b.unattributed) CHECK(u.start > 0);
  }
}
