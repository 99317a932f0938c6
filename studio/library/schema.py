"""The library's schema, as an ordered list of migrations.

``PRAGMA user_version`` is the number of migrations applied. Opening a library applies the missing
ones in order, each in its own transaction, so an old library is upgraded in place and a failed
upgrade leaves it as it was. Append new migrations at the end (never edit a released one): the
publishing area may append columns to its tables the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = str | Callable[[sqlite3.Connection], None]

# 1: the first schema: clients, accounts, drafts, variants, assets, schedules, publications.
_V1 = """
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT '#4f7cff',
    language TEXT NOT NULL DEFAULT 'en-US',
    brand_rules TEXT NOT NULL DEFAULT '{}',
    dictionary TEXT NOT NULL DEFAULT '[]',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX clients_name ON clients(name COLLATE NOCASE);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    network TEXT NOT NULL CHECK (network IN ('mastodon', 'bluesky', 'telegram', 'webhook', 'folder')),
    handle TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    server_url TEXT NOT NULL DEFAULT '',
    secret_ref TEXT NOT NULL DEFAULT '',
    slots TEXT NOT NULL DEFAULT '[]',
    settings TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accounts_client ON accounts(client_id);

CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    text TEXT NOT NULL DEFAULT '',
    language TEXT,
    networks TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX drafts_client_updated ON drafts(client_id, updated_at);
CREATE INDEX drafts_status_updated ON drafts(status, updated_at);
CREATE INDEX drafts_updated ON drafts(updated_at);

CREATE TABLE draft_tags (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag, draft_id)
) WITHOUT ROWID;
CREATE INDEX draft_tags_draft ON draft_tags(draft_id);

CREATE TABLE draft_networks (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    PRIMARY KEY (network, draft_id)
) WITHOUT ROWID;
CREATE INDEX draft_networks_draft ON draft_networks(draft_id);

CREATE TABLE variants (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    text TEXT,
    parts TEXT,
    PRIMARY KEY (draft_id, network)
);

CREATE TABLE assets (
    sha TEXT PRIMARY KEY,
    ext TEXT NOT NULL,
    size INTEGER NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    focal_x REAL NOT NULL DEFAULT 0.5,
    focal_y REAL NOT NULL DEFAULT 0.5,
    created_at TEXT NOT NULL
);

CREATE TABLE draft_assets (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    sha TEXT NOT NULL REFERENCES assets(sha),
    position INTEGER NOT NULL DEFAULT 0,
    alt_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (draft_id, sha)
);
CREATE INDEX draft_assets_sha ON draft_assets(sha);

CREATE TABLE schedules (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES accounts(id),
    network TEXT NOT NULL DEFAULT '',
    scheduled_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX schedules_when ON schedules(scheduled_at);
CREATE INDEX schedules_draft ON schedules(draft_id);

CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    schedule_id INTEGER NOT NULL UNIQUE REFERENCES schedules(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'sending', 'published',
        'failed-retry', 'failed-permanent', 'uncertain', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    lease_owner TEXT,
    lease_expires_at TEXT,
    idempotency_key TEXT,
    remote_id TEXT,
    remote_url TEXT,
    last_error TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX publications_due ON publications(state, next_attempt_at);
"""

# 2: full-text search over text, variants, tags, notes and the client's name (rowid = draft id),
# filled from the drafts already there.
_V2 = """
CREATE VIRTUAL TABLE drafts_fts USING fts5(
    text, variants, tags, notes, client, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO drafts_fts(rowid, text, variants, tags, notes, client)
SELECT d.id, d.text,
       coalesce((SELECT group_concat(coalesce(v.text, '') || ' ' || coalesce(v.parts, ''), ' ')
                 FROM variants v WHERE v.draft_id = d.id), ''),
       d.tags, d.notes, c.name
FROM drafts d JOIN clients c ON c.id = d.client_id;
"""

# 3: revisions (texts stored once per draft and compressed), snippets, crops and custom presets.
_V3 = """
CREATE TABLE revision_blobs (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (draft_id, hash)
) WITHOUT ROWID;

CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT 'edit',
    created_at TEXT NOT NULL
);
CREATE INDEX revisions_draft ON revisions(draft_id, id);

ALTER TABLE clients ADD COLUMN snippets TEXT NOT NULL DEFAULT '[]';

CREATE TABLE crops (
    sha TEXT NOT NULL REFERENCES assets(sha) ON DELETE CASCADE,
    preset_id TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    rotation REAL NOT NULL DEFAULT 0,
    flip_h INTEGER NOT NULL DEFAULT 0,
    flip_v INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sha, preset_id)
);

CREATE TABLE custom_presets (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

# 4 (publishing): the parts of a thread already sent (JSON list of {remote_id, remote_url, extra}),
# so a retry resumes after the last part instead of posting the thread again; when the last
# attempt started.
_V4_PUBLISHING = """
ALTER TABLE publications ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE publications ADD COLUMN last_attempt_at TEXT;
"""

# 5: LanguageTool rules a client's posts are never checked for ("ignore the rule in all of the
# client's posts"), a JSON list of rule ids beside the dictionary.
_V5_IGNORED_RULES = """
ALTER TABLE clients ADD COLUMN ignored_rules TEXT NOT NULL DEFAULT '[]';
"""

# 6: rules ignored "in this post" are kept with the post, as the client's are with the client.
_V6_DRAFT_IGNORED_RULES = """
ALTER TABLE drafts ADD COLUMN ignored_rules TEXT NOT NULL DEFAULT '[]';
"""

# analytics: each published post's counters at fixed ages (1 h, 24 h, 7 d, 30 d) or entered/imported
# by hand (NULL = the network did not say, never 0); the fetch attempts that failed (a gap, retried
# with the publishing backoff until the stage's window closes); each account's followers per day;
# costs and revenue per client and campaign for ROI.
_V_ANALYTICS = """
CREATE TABLE metric_snapshots (
    id INTEGER PRIMARY KEY,
    publication_id INTEGER REFERENCES publications(id) ON DELETE CASCADE,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    stage TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('api', 'csv', 'manual')),
    taken_at TEXT NOT NULL,
    likes INTEGER, reposts INTEGER, replies INTEGER, quotes INTEGER, comments INTEGER,
    shares INTEGER, saves INTEGER, link_clicks INTEGER, reach INTEGER, impressions INTEGER, views INTEGER
);
CREATE INDEX metric_snapshots_draft ON metric_snapshots(draft_id, taken_at);
CREATE UNIQUE INDEX metric_snapshots_stage ON metric_snapshots(publication_id, stage)
    WHERE publication_id IS NOT NULL AND source = 'api';

CREATE TABLE metric_attempts (
    publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (publication_id, stage)
);

CREATE TABLE follower_counts (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    followers INTEGER NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (account_id, day)
);

CREATE TABLE campaign_money (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    campaign TEXT NOT NULL,
    cost REAL,
    revenue REAL,
    conversions INTEGER,
    currency TEXT NOT NULL DEFAULT '',
    UNIQUE (client_id, campaign)
);
"""

MIGRATIONS: list[Migration] = [_V1, _V2, _V3, _V4_PUBLISHING, _V5_IGNORED_RULES, _V6_DRAFT_IGNORED_RULES,
                               _V_ANALYTICS]


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> int:
    """Apply the migrations ``conn`` lacks, each in one transaction; returns the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). A library newer than this
    program is left alone and reported by the caller.
    """
    steps = MIGRATIONS if migrations is None else migrations
    current = version(conn)
    for number, step in enumerate(steps[current:], start=current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return version(conn)


def _statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit our transaction)."""
    statements: list[str] = []
    buffer = ""
    for char in script:
        buffer += char
        if char == ";" and sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
