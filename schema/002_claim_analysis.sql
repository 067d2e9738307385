-- claimtrail store, version 2: each claim's statement analysis, kept.
-- `track` compares claims by their analysis (match/claim_analysis.hpp: the
-- statement's words, numbers, dates, negation, modality, voice and clauses,
-- and the words of its cue). It is made once, when a claim is stored (ingest,
-- reextract), and read back by track instead of analysing the text again.
ALTER TABLE claims ADD COLUMN analysis BLOB;  -- compact bytes, versioned (see match/claim_analysis.hpp)

-- The claims of an older store are analysed here, once, as ingest would have
-- (the text against its article's publication date, the cue): the store lends
-- this migration that function. After it no claim lacks its analysis.
UPDATE claims SET analysis = claimtrail_claim_analysis(
  text, cue, (SELECT a.published FROM articles a WHERE a.id = claims.article_id));
