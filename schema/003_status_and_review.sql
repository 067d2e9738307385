-- claimtrail store, version 3: one stored status per claim, decided from all
-- of its evidence by one function (track/status.hpp), and a fact-checker's
-- review of each evidence link (suggested, confirmed or rejected), with its
-- history. Dates an article's metadata did not give are kept as inferred.

-- Each link is suggested by `track` until a fact-checker confirms or rejects
-- it (`claimtrail evidence confirm|reject`). A rejected link no longer
-- counts; a confirmed one outranks the suggested ones. `track` never changes
-- a review, and never drops a reviewed link.
ALTER TABLE claim_links ADD COLUMN review TEXT NOT NULL DEFAULT 'suggested';  -- suggested | confirmed | rejected
ALTER TABLE claim_links ADD COLUMN why TEXT;                                  -- the comparison's reason, for people

-- Every review, newest last: who, when, why, and the review it replaced.
CREATE TABLE link_reviews (
  id          INTEGER PRIMARY KEY,
  link_id     INTEGER NOT NULL REFERENCES claim_links(id),
  review      TEXT NOT NULL,                   -- confirmed | rejected
  previous    TEXT NOT NULL,                   -- the review before (suggested | confirmed | rejected)
  reviewer    TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX link_reviews_link ON link_reviews(link_id, id);

-- A claim's status as the one function decided it from all its stored
-- evidence (written by `track` and by every review; `diff` writes none).
-- Every command reads it here.
CREATE TABLE claim_status (
  claim_id    INTEGER PRIMARY KEY REFERENCES claims(id),
  status      TEXT NOT NULL,                   -- confirmed | corroborated | updated | contradicted | unaddressed
  overdue     INTEGER NOT NULL DEFAULT 0,      -- unaddressed, and the deadline it names has passed
  deciding_id INTEGER REFERENCES claim_links(id),
  note        TEXT,                            -- e.g. why it could not be judged (a date unknown)
  decided_at  TEXT NOT NULL
);

-- An older store's claims keep the status they showed (the strongest link),
-- until `track` decides again.
INSERT INTO claim_status (claim_id, status, decided_at)
SELECT c.id,
       CASE WHEN EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id AND l.status = 'contradicted') THEN 'contradicted'
            WHEN EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id AND l.status = 'updated') THEN 'updated'
            WHEN EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id AND l.status = 'confirmed') THEN 'confirmed'
            WHEN EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id AND l.status = 'corroborated') THEN 'corroborated'
            ELSE 'unaddressed' END,
       a.tracked_at
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE a.tracked_at IS NOT NULL;

-- An article's publication date when it was inferred (from its dateline and
-- a year found elsewhere, or from an earlier article), and the dateline's
-- own date as written ("May 2"), for articles that give no year at all.
ALTER TABLE articles ADD COLUMN published_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN dateline_date TEXT;
