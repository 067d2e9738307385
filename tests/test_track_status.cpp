// The status rules (docs/status-rules.md): the one function that decides a
// claim's status from all its evidence (track::decide), and the rules for a
// prediction with a deadline, on the record and dates, through track().
#include <doctest/doctest.h>

#include "article/dates.hpp"
#include "store/queries.hpp"
#include "testutil.hpp"
#include "track/status.hpp"
#include "track/track.hpp"

using claimtrail::store::EvidenceLink;
using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::with_front_matter;
using claimtrail::testutil::write_file;
namespace track = claimtrail::track;
namespace article = claimtrail::article;

namespace {

EvidenceLink link(std::int64_t id, const std::string& status, const std::string& published,
                  const std::string& review = "suggested") {
  EvidenceLink e;
  e.id = id;
  e.later.id = 100 + id;
  e.later.article_id = 10 + id;
  e.later.published = published;
  e.status = status;
  e.review = review;
  return e;
}

int day(const std::string& iso) { return article::parse_iso_date(iso)->first_day(); }

std::string decided(std::vector<EvidenceLink> ev, std::int64_t* deciding = nullptr,
                    const track::ClaimFacts& facts = {}) {
  const auto d = track::decide(facts, ev, day("2026-01-01"));
  if (deciding) *deciding = d.deciding;
  if (d.deciding) CHECK(ev.front().id == d.deciding);  // the deciding evidence is shown first
  return d.status;
}

// Stores `body` as an article of `outlet` published on `date`; returns its id.
std::int64_t ingest(Store& st, const TempDir& tmp, const std::string& name, const std::string& outlet,
                    const std::string& date, const std::string& body) {
  return ingest_file(st, write_file(tmp.path() / name, with_front_matter(outlet, date, body))).article_id;
}

const track::TrackedClaim& only_claim(const track::Report& r) {
  REQUIRE(r.claims.size() == 1);
  return r.claims.front();
}

}  // namespace

TEST_CASE("decide: the latest judging evidence decides; on the record outranks anonymous") {
  std::int64_t by = 0;
  // Unmet after the deadline, then met late: updated.
  CHECK(decided({link(1, "contradicted", "2025-10-01"), link(2, "updated", "2026-03-01")}, &by) == "updated");
  CHECK(by == 2);
  // Met (confirmed), later reported undone: the latest decides, in any stored order.
  CHECK(decided({link(2, "contradicted", "2025-10-01"), link(1, "confirmed", "2025-06-01")}, &by) == "contradicted");
  CHECK(by == 2);
  // Confirmed on the record, corroborated later by anonymous sources: still confirmed.
  CHECK(decided({link(1, "confirmed", "2025-06-01"), link(2, "corroborated", "2025-09-01")}, &by) == "confirmed");
  CHECK(by == 1);
  // Only anonymous: corroborated, the latest first.
  CHECK(decided({link(1, "corroborated", "2025-06-01"), link(2, "corroborated", "2025-09-01")}, &by) == "corroborated");
  CHECK(by == 2);
  // Within one article the strongest word wins.
  CHECK(decided({link(1, "confirmed", "2025-06-01"), link(2, "updated", "2025-06-01")}) == "updated");
  // Restated and open address nothing.
  CHECK(decided({link(1, "restated", "2025-06-01"), link(2, "open", "2025-07-01")}, &by) == "unaddressed");
  CHECK(by == 0);
}

TEST_CASE("decide: a rejected link no longer counts, a confirmed one outranks the suggested") {
  std::vector<EvidenceLink> ev = {link(1, "confirmed", "2025-06-01"), link(2, "contradicted", "2025-09-01")};
  CHECK(decided(ev) == "contradicted");
  ev[1].review = "rejected";
  std::vector<EvidenceLink> shown = ev;
  const auto d = track::decide({}, shown, day("2026-01-01"));
  CHECK(d.status == "confirmed");
  REQUIRE(shown.size() == 1);  // the rejected link is not shown as evidence
  CHECK(shown[0].id == 1);
  // A fact-checker's confirmation outranks later suggested evidence.
  ev[1].review = "suggested";
  ev[0].review = "confirmed";
  std::int64_t by = 0;
  CHECK(decided(ev, &by) == "confirmed");
  CHECK(by == 1);
  // The timeline keeps the rest, in the order it appeared.
  std::vector<EvidenceLink> three = {link(3, "corroborated", "2025-12-01"), link(1, "corroborated", "2025-02-01"),
                                     link(2, "updated", "2025-05-01")};
  track::decide({}, three, day("2026-01-01"));
  CHECK(three[0].id == 2);
  CHECK(three[1].id == 1);
  CHECK(three[2].id == 3);
}

TEST_CASE("decide: a prediction whose deadline passed with no report is unaddressed, flagged overdue") {
  track::ClaimFacts f;
  f.prediction = true;
  f.deadline = day("2025-09-30");
  std::vector<EvidenceLink> none;
  auto d = track::decide(f, none, day("2025-10-01"));
  CHECK(d.status == "unaddressed");
  CHECK(d.overdue);
  d = track::decide(f, none, day("2025-09-30"));
  CHECK_FALSE(d.overdue);  // still open before (and on) its deadline
  std::vector<EvidenceLink> open = {link(1, "open", "2025-06-01")};
  d = track::decide(f, open, day("2025-12-01"));
  CHECK(d.status == "unaddressed");
  CHECK(d.overdue);
  f.prediction = false;  // a statement of fact has no deadline
  d = track::decide(f, none, day("2026-01-01"));
  CHECK_FALSE(d.overdue);
}

// The bridge's reopening "by September 2025" (published 2025-03-04), tracked
// after each later article, given as (date, body), in turn; judged on `today`.
track::Report bridge(const std::vector<std::pair<std::string, std::string>>& later, const std::string& today) {
  TempDir tmp;
  Store st(":memory:");
  const auto a = ingest(st, tmp, "a.txt", "Calder Courier", "2025-03-04",
                        "Calder bridge reopening\n\nThe Calder bridge will reopen by September 2025, city "
                        "engineer Ruth Abara said.\n");
  track::Options o;
  o.today = day(today);
  track::Report r;
  for (std::size_t i = 0; i < later.size(); ++i) {
    ingest(st, tmp, "b" + std::to_string(i) + ".txt", "Valley Wire", later[i].first, later[i].second);
    r = track::track(st, a, o);
  }
  return r;
}

const std::string kReopened = "Calder bridge reopens\n\nThe Calder bridge reopened on ";
const std::string kStillShut =
    "Calder bridge still shut\n\nThe Calder bridge has not reopened, city engineer Ruth Abara said.\n";

TEST_CASE("a prediction with a deadline: met in time, met late, reported undone after or before its deadline") {
  // Met in time: confirmed.
  auto r = bridge({{"2025-08-20", kReopened + "Aug. 19, city engineer Ruth Abara said.\n"}}, "2026-01-01");
  CHECK(only_claim(r).status == "confirmed");
  // Met late: updated, the deadline against the actual date.
  r = bridge({{"2025-12-03", kReopened + "Dec. 2, city engineer Ruth Abara said.\n"}}, "2026-01-01");
  CHECK(only_claim(r).status == "updated");
  REQUIRE(!only_claim(r).evidence.empty());
  CHECK(only_claim(r).evidence.front().old_value.find("September 2025") != std::string::npos);
  CHECK(only_claim(r).evidence.front().new_value.find("Dec. 2") != std::string::npos);
  // Reported not done after the deadline: contradicted.
  r = bridge({{"2025-10-15", kStillShut}}, "2026-01-01");
  CHECK(only_claim(r).status == "contradicted");
  // ... then met late: updated, the timeline keeping the earlier report.
  r = bridge({{"2025-10-15", kStillShut}, {"2026-02-10", kReopened + "Feb. 9, city engineer Ruth Abara said.\n"}},
             "2026-03-01");
  CHECK(only_claim(r).status == "updated");
  CHECK(only_claim(r).evidence.size() == 2);
  // Reported not done before the deadline: still open, unaddressed, not overdue.
  r = bridge({{"2025-06-15", kStillShut}}, "2025-07-01");
  CHECK(only_claim(r).status == "unaddressed");
  CHECK_FALSE(only_claim(r).overdue);
  // ... and overdue once the deadline passed with no report.
  r = bridge({{"2025-06-15", kStillShut}}, "2025-10-01");
  CHECK(only_claim(r).status == "unaddressed");
  CHECK(only_claim(r).overdue);
}

TEST_CASE("a prediction still spoken of as to come after its deadline is not done: contradicted") {
  const std::string to_come =
      "Calder bridge\n\nThe Calder bridge is expected to reopen in the coming weeks, city engineer Ruth Abara "
      "said.\n";
  CHECK(only_claim(bridge({{"2025-10-15", to_come}}, "2026-01-01")).status == "contradicted");
  // Before the deadline it is the plan said again.
  CHECK(only_claim(bridge({{"2025-06-15", to_come}}, "2026-01-01")).status != "contradicted");
}

TEST_CASE("a prediction done once: a later report without a day of its own does not make it late") {
  // Done in time, then mentioned again months later with no day: confirmed.
  auto r = bridge({{"2025-08-20", kReopened + "Aug. 19, city engineer Ruth Abara said.\n"},
                   {"2026-02-10",
                    "Calder traffic\n\nTraffic has grown since the Calder bridge reopened, city "
                    "engineer Ruth Abara said.\n"}},
                  "2026-03-01");
  CHECK(only_claim(r).status == "confirmed");
  // A later report naming a later day of its own still counts as its own.
  r = bridge({{"2025-08-20", kStillShut}, {"2025-12-03", kReopened + "Dec. 2, city engineer Ruth Abara said.\n"}},
             "2026-01-01");
  CHECK(only_claim(r).status == "updated");
}

TEST_CASE("a date already past when a claim was made is no deadline ('the cap set in 2019')") {
  TempDir tmp;
  Store st(":memory:");
  const auto a = ingest(st, tmp, "a.txt", "Calder Courier", "2025-03-04",
                        "Museum costs\n\nThe museum's costs are likely to exceed the $8 million cap the council set "
                        "in 2019, two officials said.\n");
  ingest(st, tmp, "b.txt", "Valley Wire", "2025-06-01",
         "Museum over budget\n\nThe museum's costs have exceeded the $8 million cap, the council's treasurer "
         "Ann Lee said.\n");
  const auto r = track::track(st, a);
  CHECK(only_claim(r).status == "confirmed");
}

TEST_CASE("on the record needs a named person, a named organisation or a document") {
  TempDir tmp;
  Store st(":memory:");
  const auto a = ingest(st, tmp, "a.txt", "Harbor Post", "2025-03-04",
                        "Port deal\n\nThe port authority has agreed to sell the north terminal to Orla Shipping, two "
                        "people familiar with the talks said.\n");
  ingest(st, tmp, "b.txt", "Valley Wire", "2025-03-06",
         "Port sale\n\nThe port authority has agreed to sell the north terminal to Orla Shipping, a person close "
         "to the authority said.\n");
  auto r = track::track(st, a);
  CHECK(only_claim(r).status == "corroborated");  // anonymous evidence only corroborates
  ingest(st, tmp, "c.txt", "Valley Wire", "2025-03-05",
         "Port sale\n\nThe port authority has agreed to sell the north terminal to Orla Shipping, the authority's "
         "chair Bea Lund said.\n");
  r = track::track(st, a);
  CHECK(only_claim(r).status == "confirmed");  // on the record outranks the later anonymous report
  CHECK(only_claim(r).evidence.front().later.source_text.find("Bea Lund") != std::string::npos);
}

TEST_CASE("dates: a dateline without a year takes the publication's year; without any year, the thread is placed") {
  SUBCASE("the publication gives only a year: the dateline's month and day, inferred") {
    TempDir tmp;
    Store st(":memory:");
    const auto a = ingest(st, tmp, "a.txt", "Wire", "2024",
                          "Talks resume\n\nGENEVA, May 2 (Wire) - Talks on the treaty resumed on Thursday, the "
                          "chair Ana Ruiz said.\n");
    const auto rec = claimtrail::store::get_article(st, a, false);
    CHECK(rec.published == "2024-05-02");
    CHECK(rec.published_inferred);
    CHECK(rec.dateline_date == "May 2");
  }
  SUBCASE("no article gives a year: later datelines follow the first; 'this month' is judged") {
    TempDir tmp;
    Store st(":memory:");
    const auto write = [&](const std::string& name, const std::string& body) {
      return ingest_file(st, write_file(tmp.path() / name, body)).article_id;
    };
    const auto a = write("a.txt",
                         "Strike looms\n\nLONDON, May 2 (Wire) - Dockworkers at the port will strike this month, "
                         "two union officials said.\n");
    const auto b = write("b.txt",
                         "Strike begins\n\nLONDON, May 20 (Wire) - Union leader Mara Quist said dockworkers at the "
                         "port began their strike on Monday.\n");
    CHECK(claimtrail::store::get_article(st, a, false).published.empty());
    track::Options diff;
    diff.against = std::vector<std::int64_t>{b};
    diff.record = false;
    auto r = track::track(st, a, diff);
    CHECK(r.date_note.find("May 2") != std::string::npos);
    CHECK(only_claim(r).status == "confirmed");  // on a Monday before May 20: within "this month"
    CHECK(only_claim(r).note.empty());
    const auto c = write("c.txt",
                         "Strike begins\n\nLONDON, June 5 (Wire) - Union leader Mara Quist said dockworkers at the "
                         "port began their strike on Thursday.\n");
    diff.against = std::vector<std::int64_t>{c};
    r = track::track(st, a, diff);
    CHECK(only_claim(r).status == "updated");  // in June: after "this month" (May)
    REQUIRE(!only_claim(r).evidence.empty());
    CHECK(only_claim(r).evidence.front().new_value.find("year unknown") != std::string::npos);
  }
  SUBCASE("no date at all: the claim is judged where it can be, and named where it cannot") {
    TempDir tmp;
    Store st(":memory:");
    const auto a = ingest_file(st, write_file(tmp.path() / "a.txt",
                                              "Deal near\n\nThe merger of Halden and Brook could be announced "
                                              "this month, two bankers said.\n"))
                       .article_id;
    const auto r = track::track(st, a);
    CHECK(r.date_note.find("date unknown") != std::string::npos);
    const auto& c = only_claim(r);
    CHECK(c.status == "unaddressed");
    CHECK(c.note.find("this month") != std::string::npos);
    // Every command reads that note from the store.
    CHECK(claimtrail::store::get_claim(st, c.claim.id)->status_note == c.note);
  }
}

TEST_CASE("a prediction that came true with another figure is updated, old and new, not confirmed") {
  TempDir tmp;
  Store st(":memory:");
  const auto a = ingest(st, tmp, "a.txt", "Harbor Post", "2025-03-04",
                        "Ferry deal near\n\nOrlen Ferries will buy the Skarn Line for about 240 million euros, two "
                        "people familiar with the talks said.\n");
  ingest(st, tmp, "b.txt", "Valley Wire", "2025-05-10",
         "Ferry deal done\n\nOrlen Ferries bought the Skarn Line for 265 million euros, the company said on "
         "Friday.\n");
  const auto r = track::track(st, a);
  const track::TrackedClaim& c = only_claim(r);
  CHECK(c.status == "updated");
  REQUIRE(!c.evidence.empty());
  CHECK(c.evidence.front().old_value.find("240 million") != std::string::npos);
  CHECK(c.evidence.front().new_value.find("265 million") != std::string::npos);
  // Late with another figure: the figure is what changed, shown old and new
  // (not the deadline against the day).
  TempDir tmp2;
  Store st2(":memory:");
  const auto b = ingest(st2, tmp2, "a.txt", "Harbor Post", "2025-03-04",
                        "Ferry deal near\n\nOrlen Ferries will buy the Skarn Line for about 240 million euros by "
                        "April, two people familiar with the talks said.\n");
  ingest(st2, tmp2, "b.txt", "Valley Wire", "2025-09-10",
         "Ferry deal done\n\nOrlen Ferries bought the Skarn Line for 265 million euros, the company said.\n");
  const track::Report r2 = track::track(st2, b);
  const track::TrackedClaim& late = only_claim(r2);
  CHECK(late.status == "updated");
  REQUIRE(!late.evidence.empty());
  CHECK(late.evidence.front().old_value.find("240 million") != std::string::npos);
  CHECK(late.evidence.front().new_value.find("265 million") != std::string::npos);
}
