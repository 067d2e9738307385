-- claimtrail store, version 4: how many claims hold each term of the
-- full-text index, kept beside it. The index's own vocabulary table
-- (claims_vocab) counts a term by reading its whole posting list, which for
-- a common word in a store of 100,000 articles takes milliseconds, and
-- `track` asks for every word of every claim it follows. The store adds a
-- claim's distinct terms here in the transaction that indexes the claim, and
-- takes them away in the one that drops it from the index.
CREATE TABLE term_docs (
  term  TEXT PRIMARY KEY,
  docs  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO term_docs (term, docs) SELECT term, doc FROM claims_vocab;
