-- claimtrail store, version 1: articles, sources, claims and what became of them.
-- Applied in one transaction by the store; PRAGMA user_version records it.

CREATE TABLE articles (
  id              INTEGER PRIMARY KEY,
  doc             TEXT NOT NULL,              -- the name it was ingested under
  outlet          TEXT,
  url             TEXT,
  headline        TEXT,
  published       TEXT,                       -- ISO date (YYYY-MM-DD), when known
  dateline_place  TEXT,
  content_hash    TEXT NOT NULL UNIQUE,       -- of the analysed text
  text            TEXT NOT NULL,              -- the analysed text (offsets refer to it)
  previous_id     INTEGER REFERENCES articles(id),  -- the earlier version (same URL)
  parser          TEXT NOT NULL,              -- parser version that produced its claims
  ingested_at     TEXT NOT NULL,
  tracked_at      TEXT                        -- when `track` last compared it with later articles
);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

-- A named person or organisation is one row across all articles; unnamed
-- sources and documents are one row per article entity and keep their
-- descriptors.
CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,          -- normalised name, or "article:<id>:<entity>"
  name         TEXT NOT NULL,
  category     TEXT NOT NULL,
  descriptors  TEXT NOT NULL DEFAULT '{}',    -- JSON: affiliation, rank, role, count
  merged_into  INTEGER REFERENCES sources(id), -- set by `source merge`
  surname      TEXT                          -- a named person's last name, to link "Doe" to "Jane Doe"
);
CREATE INDEX sources_surname ON sources(surname) WHERE surname IS NOT NULL;

CREATE TABLE claims (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id),
  ordinal       INTEGER NOT NULL,             -- order in the article
  kind          TEXT NOT NULL,                -- direct | indirect | mixed | according_to | unattributed
  parent_id     INTEGER REFERENCES claims(id),
  in_headline   INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,                -- the statement (content)
  spans         TEXT NOT NULL,                -- JSON [[start, end], ...] byte offsets
  cue           TEXT,
  cue_spans     TEXT,                         -- JSON [[start, end], ...]
  source_id     INTEGER REFERENCES sources(id),
  source_text   TEXT,                         -- the source as written
  source_spans  TEXT,
  category      TEXT,                         -- the source category (correctable)
  anonymous     INTEGER NOT NULL DEFAULT 0,
  hedges        TEXT NOT NULL DEFAULT '[]',   -- JSON list of hedge words
  dates         TEXT NOT NULL DEFAULT '[]',   -- JSON: dates in the statement, resolved
  norm          TEXT NOT NULL,                -- normalised words, for matching and search
  rejected      INTEGER NOT NULL DEFAULT 0,   -- `claim fix --reject`
  parser        TEXT NOT NULL,
  UNIQUE (article_id, ordinal)
);
CREATE INDEX claims_source ON claims(source_id);

-- Full-text index over the normalised statements (external content).
CREATE VIRTUAL TABLE claims_fts USING fts5(norm, content='claims', content_rowid='id', detail='none');
-- Each article adds a small segment; merge them in larger batches.
INSERT INTO claims_fts (claims_fts, rank) VALUES ('automerge', 8);
-- How many statements hold each word: matching searches with the rarest.
CREATE VIRTUAL TABLE claims_vocab USING fts5vocab(claims_fts, 'row');
-- The store fills the index once per article, in the article's transaction
-- (a trigger per row would make FTS5 write a segment per claim).

CREATE TABLE non_responses (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  kind        TEXT NOT NULL,                  -- no_response | declined | no_comment
  who_text    TEXT,
  source_id   INTEGER REFERENCES sources(id),
  text        TEXT NOT NULL,
  spans       TEXT NOT NULL
);
CREATE INDEX non_responses_article ON non_responses(article_id);

CREATE TABLE source_descriptions (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  source_id   INTEGER REFERENCES sources(id),  -- the group described
  members     TEXT NOT NULL,                   -- JSON [{count, text}]
  total       INTEGER,
  reason      TEXT,
  text        TEXT NOT NULL
);
CREATE INDEX source_descriptions_article ON source_descriptions(article_id);

-- What `track` and `diff` found: an earlier claim and the later claim that
-- speaks to it.
CREATE TABLE claim_links (
  id          INTEGER PRIMARY KEY,
  claim_id    INTEGER NOT NULL REFERENCES claims(id),
  later_id    INTEGER NOT NULL REFERENCES claims(id),
  status      TEXT NOT NULL,                   -- confirmed | corroborated | updated | contradicted
  score       REAL NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  found_at    TEXT NOT NULL,
  UNIQUE (claim_id, later_id)
);
CREATE INDEX claim_links_later ON claim_links(later_id);

-- A fact-checker's rulings, newest last; each row keeps the one it replaced.
CREATE TABLE verdicts (
  id          INTEGER PRIMARY KEY,
  claim_id    INTEGER NOT NULL REFERENCES claims(id),
  verdict     TEXT NOT NULL,                   -- confirmed | refuted | disputed | unverified
  note        TEXT NOT NULL,
  evidence    TEXT,
  previous_id INTEGER REFERENCES verdicts(id),
  created_at  TEXT NOT NULL
);
CREATE INDEX verdicts_claim ON verdicts(claim_id, id);

-- Corrections (source merges, claim fixes), kept as history.
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY,
  action      TEXT NOT NULL,                   -- source_merge | claim_fix
  target      INTEGER NOT NULL,                -- the source or claim id
  before      TEXT NOT NULL,                   -- JSON
  after       TEXT NOT NULL,                   -- JSON
  created_at  TEXT NOT NULL
);
