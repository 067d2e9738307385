#include "track/status.hpp"

#include <algorithm>
#include <chrono>

namespace claimtrail::track {

namespace {

// How much one link says about a claim: 2 judges it (confirmed, updated,
// contradicted), 1 backs it without a name (corroborated), 0 addresses
// nothing (restated, open).
int weight(const std::string& status) {
  if (status == "confirmed" || status == "updated" || status == "contradicted") return 2;
  return status == "corroborated" ? 1 : 0;
}

// The order of the timeline: by the later article's date (undated last in
// store order), then within one article the weaker first, so that the
// strongest of an article is its last word.
bool earlier(const store::EvidenceLink& x, const store::EvidenceLink& y) {
  const std::string& px = x.later.published;
  const std::string& py = y.later.published;
  if (px.empty() != py.empty()) return py.empty();
  if (px != py) return px < py;
  if (x.later.article_id != y.later.article_id) return x.later.article_id < y.later.article_id;
  const int rx = store::status_rank(x.status), ry = store::status_rank(y.status);
  if (rx != ry) return rx < ry;
  if (x.score != y.score) return x.score < y.score;
  return x.later.id < y.later.id;
}

}  // namespace

ClaimFacts facts_of(const match::ClaimAnalysis& analysis, const std::string& text, const article::Date& published) {
  ClaimFacts f;
  const match::Statement& s = analysis.statement;
  const bool dated = published.valid();
  f.prediction = s.modality != match::Modality::realized;
  // A date that is the earliest it may happen ("as soon as Sunday") is no deadline.
  auto earliest = [&](const article::DateMention& d) {
    return std::any_of(s.times.begin(), s.times.end(), [&](const match::When& t) {
      return t.earliest && (t.text.find(d.text) != std::string::npos || d.text.find(t.text) != std::string::npos);
    });
  };
  // The latest date that bounds it or is still to come.
  auto consider = [&](int last, bool deadline, const std::string& written) {
    if ((deadline || !dated || last >= published.first_day()) && (!f.deadline || last > *f.deadline)) {
      f.deadline = last;
      f.deadline_text = written;
    }
  };
  if (f.prediction) {
    for (const auto& d : s.dates)
      if (!earliest(d)) consider(d.value.last_day(), d.deadline, d.text);
    // Times the dates miss ("into 2020", "to August").
    for (const match::When& w : s.times)
      if (!w.reported && !w.earliest && w.first && (w.year || !dated)) consider(w.last, w.deadline, w.text);
  }
  if (!dated) {
    // Dates that need a year to be placed ("May 2", "this month"): found
    // against any year, absent from the analysis made without one.
    const auto placed = article::find_dates(text, article::Date{2000, 6, 15});
    if (placed.size() > s.dates.size())
      f.date_note = "a date it names (\"" + placed.front().text +
                    "\") could not be placed: its article gives no year and no earlier article dates it";
  }
  return f;
}

int today() {
  namespace ch = std::chrono;
  return static_cast<int>(ch::floor<ch::days>(ch::system_clock::now()).time_since_epoch().count());
}

store::DecidedStatus decide(const ClaimFacts& claim, std::vector<store::EvidenceLink>& evidence, int today) {
  std::erase_if(evidence, [](const store::EvidenceLink& e) { return e.review == "rejected"; });
  std::stable_sort(evidence.begin(), evidence.end(), earlier);
  const bool reviewed = std::any_of(evidence.begin(), evidence.end(), [](const store::EvidenceLink& e) {
    return e.review == "confirmed" && weight(e.status) > 0;
  });
  std::ptrdiff_t best = -1;
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const auto& e = evidence[i];
    if (weight(e.status) == 0 || (reviewed && e.review != "confirmed")) continue;
    if (best < 0 || weight(e.status) >= weight(evidence[static_cast<std::size_t>(best)].status))
      best = static_cast<std::ptrdiff_t>(i);
  }
  store::DecidedStatus d;
  d.note = claim.date_note;
  if (best < 0) {
    d.status = "unaddressed";
    d.overdue = claim.prediction && claim.deadline && *claim.deadline < today;
    return d;
  }
  std::rotate(evidence.begin(), evidence.begin() + best, evidence.begin() + best + 1);
  d.status = evidence.front().status;
  d.deciding = evidence.front().id;
  return d;
}

}  // namespace claimtrail::track
