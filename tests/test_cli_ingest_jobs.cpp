// ingest --jobs N: inputs are read and analysed in parallel and stored by one
// writer in their order, so the store is the one --jobs 1 makes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "store/queries.hpp"
#include "store/store.hpp"
#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;

TEST_CASE("ingest --jobs 2 stores what --jobs 1 stores, in the same order, and rejects the same inputs") {
  claimtrail::testutil::TempDir tmp;
  const auto fixtures = claimtrail::testutil::source_dir() / "fixtures";
  // Articles, a page, and one input that is rejected (not UTF-8).
  const auto bad = tmp.path() / "bad.txt";
  std::ofstream(bad, std::ios::binary) << "Broken \xC3 text\n";
  const std::string inputs = q(fixtures / "articles") + " " + q(fixtures / "html" / "jsonld-newsarticle.html") + " " +
                             q(bad) + " " + q(fixtures / "threads" / "arvane-glide-recall");
  std::string out[2], err[2];
  int code[2];
  for (int j = 0; j < 2; ++j)
    code[j] = run_cli("ingest --jobs " + std::to_string(j + 1) + " --db " +
                          q(tmp.path() / ("j" + std::to_string(j) + ".db")) + " " + inputs,
                      &out[j], &err[j]);
  CHECK(code[0] == 1);  // the bad input
  CHECK(code[1] == code[0]);
  CHECK(out[1] == out[0]);  // "FILE: stored as article N, K claims" in input order
  CHECK(err[1] == err[0]);
  auto claims_of = [&](int j) {
    claimtrail::store::Store st((tmp.path() / ("j" + std::to_string(j) + ".db")).string(),
                                claimtrail::store::Store::Access::read_only);
    std::string all;
    for (const auto& c : claimtrail::store::find_claims(st, {}))
      all += std::to_string(c.id) + " " + std::to_string(c.article_id) + " " + c.text + " " + c.category + "\n";
    return all;
  };
  const std::string one = claims_of(0);
  CHECK(one.size() > 1000);
  CHECK(claims_of(1) == one);
}
