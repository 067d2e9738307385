// Story threads (fixtures/threads/*): every claim of the first article has a
// status written by hand before the matcher existed; `track` must agree.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/queries.hpp"
#include "store/store.hpp"
#include "testutil.hpp"
#include "track/track.hpp"

using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string strip_quotes(std::string s) {
  for (;;) {
    if (!s.empty() && (s[0] == '"' || s[0] == '\'' || s[0] == ' '))
      s.erase(0, 1);
    else if (s.rfind("\xE2\x80\x9C", 0) == 0 || s.rfind("\xE2\x80\x98", 0) == 0)
      s.erase(0, 3);
    else
      return s;
  }
}

// Stores `file`; `published` and `outlet`, when given, win over its own.
std::int64_t ingest(claimtrail::store::Store& st, const fs::path& file, const std::string& published,
                    const std::string& outlet) {
  claimtrail::article::Metadata given;
  given.published = published;
  given.outlet = outlet;
  return claimtrail::testutil::ingest_file(st, file, given).article_id;
}

struct Outcome {
  int expected = 0, found = 0, agree = 0;
  std::map<std::string, std::map<std::string, int>> confusion;  // hand-marked status -> ours -> claims
  std::map<std::string, std::string> status_of;                 // statement -> our status
  std::map<std::string, std::string> new_of;                    // statement -> new value
};

Outcome run_thread(const fs::path& dir, const fs::path& shared_parent) {
  const json exp = json::parse(slurp(dir / "expected.json"));
  claimtrail::store::Store st(":memory:");
  const std::string base_file = exp["base"]["file"];
  const fs::path base_path = base_file.rfind("../", 0) == 0 ? shared_parent / base_file : dir / base_file;
  const std::int64_t base = ingest(st, base_path, exp["base"]["published"], exp["base"]["outlet"]);
  for (const auto& f : exp["followups"]) ingest(st, dir / f.get<std::string>(), "", "");
  const auto report = claimtrail::track::track(st, base);
  Outcome o;
  for (const auto& c : exp["claims"]) {
    ++o.expected;
    const std::string want = strip_quotes(c["statement"]);
    const claimtrail::track::TrackedClaim* got = nullptr;
    // Ours may open earlier ("Exclusive: ...", "that ...", "Under the
    // revised plan, ...", a first clause joined by "and") or end sooner than
    // the hand-marked statement: the claim whose text holds the statement's
    // first words nearest its start.
    std::size_t best = std::string::npos;
    for (const auto& tc : report.claims) {
      const std::string ours = strip_quotes(tc.claim.text);
      const std::string head = want.substr(0, std::min<std::size_t>(want.size(), 30));
      std::size_t at = ours.find(head);
      if (at == std::string::npos && want.rfind(ours.substr(0, std::min<std::size_t>(ours.size(), 30)), 0) == 0) at = 0;
      if (at < best) {
        best = at;
        got = &tc;
      }
    }
    const std::string status = got ? got->status : "(not found)";
    o.status_of[c["statement"]] = status;
    if (got && !got->evidence.empty()) o.new_of[c["statement"]] = got->evidence.front().new_value;
    if (got) ++o.found;
    const bool ok = status == c["status"].get<std::string>();
    o.agree += ok ? 1 : 0;
    ++o.confusion[c["status"].get<std::string>()][status];
    if (!ok)
      MESSAGE(dir.filename().string() << ": \"" << c["statement"].get<std::string>() << "\" expected "
                                      << c["status"].get<std::string>() << ", got " << status
                                      << (got && !got->evidence.empty()
                                              ? " (" + got->evidence.front().why + ": " +
                                                    got->evidence.front().later.text.substr(0, 80) + ")"
                                              : std::string()));
  }
  MESSAGE(dir.filename().string() << ": " << o.agree << "/" << o.expected << " statuses as expected, " << o.found
                                  << " claims found");
  return o;
}

}  // namespace

TEST_CASE("the seed story and its follow-up: what became of each claim") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  Outcome o = run_thread(source_dir() / "fixtures" / "threads" / "us-iraq-coalition", source_dir());
  CHECK(o.status_of.at("We have an agreement, its now") == "confirmed");
  CHECK(o.status_of.at("the deal could be announced this month") == "confirmed");
  CHECK(o.status_of.at("The plan, which has been broadly agreed") == "updated");
  CHECK(o.new_of["The plan, which has been broadly agreed"].find("September 2026") != std::string::npos);
  CHECK(o.status_of.at("Under the plan, all coalition forces would") == "unaddressed");
  CHECK(o.status_of.at("technical talks with Washington on the coalition") == "unaddressed");
  CHECK(o.status_of.at("We are now on the brink of") == "unaddressed");
  CHECK(o.status_of.at("Iraq had demonstrated its ability to handle") == "unaddressed");
}

TEST_CASE("every hand-marked thread: statuses agree with the expectations, and each status is found") {
  const json floor = json::parse(slurp(source_dir() / "fixtures" / "threads" / "floor.json"));
  int expected = 0, agree = 0, threads = 0;
  std::map<std::string, std::map<std::string, int>> confusion;
  for (const auto& entry : fs::directory_iterator(source_dir() / "fixtures" / "threads")) {
    if (!entry.is_directory() || !fs::exists(entry.path() / "expected.json")) continue;
    const json exp = json::parse(slurp(entry.path() / "expected.json"));
    if (exp["base"]["file"].get<std::string>().rfind("../", 0) == 0 && !claimtrail::testutil::shared_dir()) continue;
    const Outcome o = run_thread(entry.path(), source_dir());
    ++threads;
    expected += o.expected;
    agree += o.agree;
    for (const auto& [want, row] : o.confusion)
      for (const auto& [got, n] : row) confusion[want][got] += n;
  }
  REQUIRE(expected > 0);
  const double share = static_cast<double>(agree) / expected;
  MESSAGE("all threads (" << threads << "): " << agree << "/" << expected << " statuses as expected (" << share << ")");
  // The confusion table: each hand-marked status (rows) against ours.
  const std::vector<std::string> ours = {"confirmed",    "corroborated", "updated",
                                         "contradicted", "unaddressed",  "(not found)"};
  std::ostringstream table;
  table << "hand-marked \\ ours:";
  for (const auto& g : ours) table << ' ' << g;
  for (const auto& want : {"confirmed", "corroborated", "updated", "contradicted", "unaddressed"}) {
    const auto& row = confusion[want];
    int total = 0;
    for (const auto& [got, n] : row) total += n;
    table << "\n  " << want << ":";
    for (const auto& g : ours) table << ' ' << (row.count(g) ? row.at(g) : 0);
    const int hit = row.count(want) ? row.at(want) : 0;
    const double recall = total ? static_cast<double>(hit) / total : 1.0;
    table << "  recall " << hit << "/" << total << " = " << recall;
    if (floor.contains("recall") && floor["recall"].contains(want))
      CHECK_MESSAGE(recall >= floor["recall"][want].get<double>(), want << " recall below the floor");
  }
  MESSAGE(table.str());
  CHECK(share >= floor["agreement"].get<double>());
}
