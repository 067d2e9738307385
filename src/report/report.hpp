// Attribution reports: what a fact-checker publishes about an article (its
// attribution profile and each claim with its status), a story thread, an
// outlet or a source. Built from the store; rendered by render.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/queries.hpp"

namespace claimtrail::report {

using ArticleInfo = store::ArticleRecord;

// A later statement speaking to a claim, as `track` stored it.
using Link = store::EvidenceLink;

struct ClaimEntry {
  store::ClaimRecord claim;
  std::vector<Link> links;  // as track::evidence_of gives them: the deciding one first, then the timeline
};

// One source as the article presents it.
struct SourceEntry {
  std::int64_t id = 0;
  std::string name, category;
  bool anonymous = false;
  std::string descriptors;  // JSON: affiliation, rank, role, count
  int statements = 0;
  std::string reason;       // why it is anonymous, when the article says
  std::string description;  // the sentence describing it
};

using NonResponse = store::NonResponseRecord;

struct ArticleReport {
  ArticleInfo article;
  int statements = 0;  // attributed statements in the body (top level)
  std::map<std::string, int> by_category;
  double anonymous_share = 0;                                        // of those with a source
  int named_sources = 0, document_sources = 0, unnamed_sources = 0;  // distinct sources
  std::vector<SourceEntry> sources;
  std::vector<NonResponse> non_responses;
  std::vector<ClaimEntry> claims;        // attributed statements, in order
  std::vector<ClaimEntry> unattributed;  // checkable claims in the outlet's own voice
};

// Throws core::Error for an unknown article.
ArticleReport article_report(store::Store& st, std::int64_t article);

// What `track` linked to one claim (track::evidence_of): rejected links
// left out, the deciding one first, then the rest as they appeared.
std::vector<Link> links_of(store::Store& st, std::int64_t claim);

// The story thread of an article: it and every article `track` linked to it.
struct ThreadReport {
  ArticleReport first;
  std::vector<ArticleInfo> articles;  // the thread in date order, the first included
  // How the sourcing moved: for each claim, its first source and category
  // and the categories of the later statements, in order.
  struct Move {
    std::int64_t claim = 0;
    std::string from_category, to_category, when;
  };
  std::vector<Move> moves;
};
ThreadReport thread_report(store::Store& st, std::int64_t article);

// An outlet across the store: its anonymous share over time.
struct OutletReport {
  std::string outlet;
  using Period = store::OutletMonth;
  std::vector<Period> periods;
  int articles = 0, statements = 0, with_source = 0, anonymous = 0;
};
OutletReport outlet_report(store::Store& st, const std::string& outlet);

// A source across the store: everything it was quoted as saying, and how
// much of it was later confirmed.
struct SourceReport {
  std::vector<store::SourceRecord> sources;  // the rows matching the name
  std::vector<ClaimEntry> claims;
  std::map<std::string, int> by_status;
};
SourceReport source_report(store::Store& st, const std::string& name);

}  // namespace claimtrail::report
