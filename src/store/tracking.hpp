// What `track` asks of the store: an article's claims and candidate claims
// (through the full-text index) with their stored analyses, how common each
// indexed term is, the indexed words of an article, and the links it found.
// The comparison itself is track/'s.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "match/claim_analysis.hpp"
#include "store/queries.hpp"

namespace claimtrail::store {

// A claim with its analysis as stored at ingest or reextraction (one the
// store lacks, which this claimtrail never leaves, is made again from the
// claim's text, cue and publication date).
struct AnalysedClaim {
  ClaimRecord claim;
  match::ClaimAnalysis analysis;
};

// An article's claims (not rejected), in order, as find_claims gives them,
// with their analyses.
std::vector<AnalysedClaim> analysed_claims_of(Store& s, std::int64_t article);

// One full-text search for claims that may speak to a claim of `base`.
struct CandidateSearch {
  std::string query;        // an FTS5 query (terms quoted with fts_quote)
  std::int64_t base = 0;    // the article of the claim: its own claims are left out
  std::string published;    // its publication date: only later articles (or, undated, later ids)
  std::int64_t limit = 30;  // claims returned at most
  std::int64_t pool = 240;  // best-ranked index matches looked at
};
// The matching claims of later articles, not rejected, best-ranked first,
// with their text, cue, source text, category, kind and article (doc,
// outlet, url, published) and their analyses; other fields are left empty.
std::vector<AnalysedClaim> candidate_claims(Store& s, const CandidateSearch& search);

// How many claims hold an indexed term (a normalised word, "m202409" for a
// month, "y2024" for a year): 0 when none.
std::int64_t term_frequency(Store& s, const std::string& term);

// The highest claim id: an upper bound of the claims the index has held.
std::int64_t max_claim_id(Store& s);

// The index's words of an article's claims (not rejected): each claim's
// normalised statement (words separated by spaces) and its cue's words.
struct IndexedStatement {
  std::string norm;
  std::vector<std::string> cue_words;
};
std::vector<IndexedStatement> indexed_statements_of(Store& s, std::int64_t article);

// A later claim speaking to a claim, as `track` found it.
struct LinkInput {
  std::int64_t claim = 0, later = 0;
  std::string status;  // confirmed | corroborated | updated | contradicted | restated | open
  double score = 0;
  std::string old_value, new_value;  // empty: none
  std::string why;
};
// What one `track` of an article records, in one transaction: the links
// found (replacing what the same two claims had, but never a fact-checker's
// review); the suggested links of `claims` it no longer finds are dropped
// (reviewed ones stay); then each of `claims` gets the status `decide`
// makes of all its stored evidence; the article is marked tracked now.
void record_tracking(Store& s, std::int64_t article, const std::vector<std::int64_t>& claims,
                     const std::vector<LinkInput>& links, const StatusDecider& decide);

// The steps of SQLite's query plan (EXPLAIN QUERY PLAN) of a full-text
// search: the candidate search of track/diff, or the claim search of
// `claims --search`. (For tests: matching reads the index, never every claim.)
enum class IndexSearch { candidates, claims };
std::vector<std::string> search_plan(Store& s, IndexSearch search);

}  // namespace claimtrail::store
