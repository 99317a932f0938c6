"""The library's schema, as an ordered list of migrations.

``PRAGMA user_version`` is the number of migrations applied. Opening a library applies the missing
ones in order, each in its own transaction, so an old library is upgraded in place and a failed
upgrade leaves it as it was. Append new migrations at the end (never edit a released one): the
publishing area may append columns to its tables the same way.
"""

from __future__ import annotations

import re
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

# A publication's due time in the queue's millisecond form ("...:05.000Z", see
# studio.library.schedules.due_text): "...:05Z" sorted after the clock's "...:05.120Z", so a post
# went out a second (with the app's due timer, up to five) after its time.
_DUE_MILLISECONDS = """
UPDATE publications SET next_attempt_at = substr(next_attempt_at, 1, 19) || '.000Z'
WHERE length(next_attempt_at) = 20 AND next_attempt_at LIKE '%Z';
"""


REACH_NETWORKS = ("instagram", "facebook", "threads", "linkedin", "postiz")


def _reach_networks(conn: sqlite3.Connection) -> None:
    """Accounts on Instagram, Facebook Pages, Threads, LinkedIn and a Postiz server: SQLite cannot
    change a CHECK constraint, so the table is rebuilt (SQLite's documented twelve steps, with
    foreign keys off: see :func:`migrate`). The new table is made from the current one's own SQL,
    so columns another migration added survive."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'accounts'").fetchone()
    table_sql = str(row[0])
    match = re.search(r"CHECK\s*\(\s*network\s+IN\s*\(([^)]*)\)\s*\)", table_sql)
    if match is None:  # pragma: no cover - every library has the constraint since version 1
        raise sqlite3.DatabaseError("accounts.network has no CHECK constraint to extend")
    known = [name.strip().strip("'") for name in match.group(1).split(",")]
    names = ", ".join(f"'{name}'" for name in [*known, *(n for n in REACH_NETWORKS if n not in known)])
    new_sql = table_sql[: match.start(1)] + names + table_sql[match.end(1):]
    new_sql = re.sub(r"^CREATE TABLE\s+\"?accounts\"?", "CREATE TABLE accounts_new", new_sql)
    indexes = [str(r[0]) for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'accounts' AND sql IS NOT NULL"
    )]
    conn.execute(new_sql)
    conn.execute("INSERT INTO accounts_new SELECT * FROM accounts")
    conn.execute("DROP TABLE accounts")
    conn.execute("ALTER TABLE accounts_new RENAME TO accounts")
    for index in indexes:
        conn.execute(index)


_reach_networks.foreign_keys_off = True  # type: ignore[attr-defined]


# review (studio.review): comments anchored to a part's text (with replies: parent_id), approvals
# with the hash and a copy of the content approved (for the "what changed" diff), review packs
# (the content each post had in the pack; the pack's key is derived from a keyring secret, never
# stored here), reply codes already imported, and each client's review settings.
_REVIEW = """
CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES review_comments(id) ON DELETE CASCADE,
    part TEXT NOT NULL DEFAULT 'post',
    start INTEGER NOT NULL DEFAULT 0,
    end INTEGER NOT NULL DEFAULT 0,
    quote TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    outdated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_comments_draft ON review_comments(draft_id, id);

CREATE TABLE review_approvals (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    hash TEXT NOT NULL,
    content TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'studio',
    stale_at TEXT
);
CREATE INDEX review_approvals_draft ON review_approvals(draft_id, id);

CREATE TABLE review_packs (
    id TEXT PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    posts TEXT NOT NULL
);

CREATE TABLE review_imports (
    code_hash TEXT PRIMARY KEY,
    pack_id TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE review_settings (
    client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    approval_required INTEGER NOT NULL DEFAULT 0,
    zone TEXT NOT NULL DEFAULT ''
);
"""


# team (studio/team/): what a library linked to a team database needs. ``team_state`` holds the
# link (URL without password, member name, last seen position); ``team_rows`` maps a local row to
# its team-wide uid, with the server version and the document both sides last agreed on (the base
# of three-way merges), and ``sent``, the pushes not yet confirmed here (a kill between the server's
# commit and ours leaves them, and the next push asks the server whether they landed); ``team_outbox`` is filled by triggers while the library is linked (and not
# while the sync engine itself applies the team's changes: the ``applying`` key), so every path
# that writes a draft or a client, present or future, queues it; ``team_conflicts`` lists the
# conflict copies kept for the notice in the Write page and the Library.
_TEAM_SYNC = """
CREATE TABLE team_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE team_outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    local_id INTEGER NOT NULL
);
CREATE INDEX team_outbox_row ON team_outbox(kind, local_id);
CREATE TABLE team_rows (
    kind TEXT NOT NULL,
    local_id INTEGER NOT NULL,
    uid TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    base TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL DEFAULT '',
    sent TEXT,
    PRIMARY KEY (kind, local_id)
);
CREATE UNIQUE INDEX team_rows_uid ON team_rows(kind, uid);
CREATE TABLE team_conflicts (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    revision_id INTEGER,
    created_at TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0
);
"""

_TEAM_LINKED = ("EXISTS (SELECT 1 FROM team_state WHERE key = 'url') "
                "AND NOT EXISTS (SELECT 1 FROM team_state WHERE key = 'applying')")
_TEAM_SYNC += "".join(
    f"CREATE TRIGGER team_{table}_{event.lower()} AFTER {event} ON {table} WHEN {_TEAM_LINKED}\n"
    f"BEGIN INSERT INTO team_outbox(kind, local_id) VALUES ('{kind}', {'OLD' if event == 'DELETE' else 'NEW'}.{column}); END;\n"
    for table, kind, column, events in (
        ("drafts", "draft", "id", ("INSERT", "UPDATE", "DELETE")),
        ("variants", "draft", "draft_id", ("INSERT", "UPDATE", "DELETE")),
        ("clients", "client", "id", ("INSERT", "UPDATE")),
    )
    for event in events
)


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


# analytics, links (issue 15): per client, whether links get UTM parameters when a post goes out
# (no row: yes, see studio.analytics.links) and the campaign name they carry ('' = the post's first tag).
_CLIENT_LINKS = """
CREATE TABLE client_links (
    client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    utm INTEGER NOT NULL DEFAULT 1,
    campaign TEXT NOT NULL DEFAULT ''
);
"""


# team records (studio/team/records.py): the outbox hears the rows that hang off drafts and clients
# too: accounts' settings, images attached to drafts (an asset's focal point and crops queue every
# draft link of that asset), schedules and their publications' states, review comments and
# approvals (inserted only: an approval is never edited, and "stale" is each library's own finding),
# and the revisions a member saves (edits and restores; imports, creations and the engine's own
# "sync" and conflict revisions stay in each library).
_TEAM_RECORDS = "".join(
    f"CREATE TRIGGER team_{name} AFTER {event} ON {table} WHEN {_TEAM_LINKED}\n"
    f"BEGIN INSERT INTO team_outbox(kind, local_id) {select}; END;\n"
    for name, event, table, select in (
        *((f"accounts_{e.lower()}", e, "accounts", "VALUES ('account', NEW.id)") for e in ("INSERT", "UPDATE")),
        *((f"draft_assets_{e.lower()}", e, "draft_assets",
           f"VALUES ('asset', {'OLD' if e == 'DELETE' else 'NEW'}.rowid)") for e in ("INSERT", "UPDATE", "DELETE")),
        ("assets_update", "UPDATE", "assets", "SELECT 'asset', rowid FROM draft_assets WHERE sha = NEW.sha"),
        *((f"crops_{e.lower()}", e, "crops",
           f"SELECT 'asset', rowid FROM draft_assets WHERE sha = {'OLD' if e == 'DELETE' else 'NEW'}.sha")
          for e in ("INSERT", "UPDATE", "DELETE")),
        *((f"schedules_{e.lower()}", e, "schedules",
           f"VALUES ('schedule', {'OLD' if e == 'DELETE' else 'NEW'}.id)") for e in ("INSERT", "UPDATE", "DELETE")),
        ("publications_update", "UPDATE", "publications", "VALUES ('schedule', NEW.schedule_id)"),
        *((f"review_comments_{e.lower()}", e, "review_comments",
           f"VALUES ('comment', {'OLD' if e == 'DELETE' else 'NEW'}.id)") for e in ("INSERT", "UPDATE", "DELETE")),
        ("review_approvals_insert", "INSERT", "review_approvals", "VALUES ('approval', NEW.id)"),
        ("revisions_insert", "INSERT", "revisions",
         "SELECT 'revision', NEW.id WHERE NEW.reason IN ('edit', 'restore')"),
    )
)


# each client's default channels: the networks a new post starts with, as last chosen in the Write
# page (no row: the network versions of the client's connected accounts).
_CLIENT_CHANNELS = """
CREATE TABLE client_channels (
    client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    networks TEXT NOT NULL DEFAULT '[]'
);
"""


MIGRATIONS: list[Migration] = [_V1, _V2, _V3, _V4_PUBLISHING, _V5_IGNORED_RULES, _V6_DRAFT_IGNORED_RULES,
                               _DUE_MILLISECONDS, _reach_networks, _REVIEW,
                               _TEAM_SYNC, _V_ANALYTICS, _CLIENT_LINKS, _TEAM_RECORDS,
                               _CLIENT_CHANNELS]


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
        # A table rebuild needs foreign keys off (they cannot change inside a transaction), and a
        # check that nothing points nowhere before it commits.
        keys_off = bool(getattr(step, "foreign_keys_off", False))
        keys_were_on = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        if keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            if keys_off and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(f"migration {number} would leave rows pointing nowhere")
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            if keys_off and keys_were_on:
                conn.execute("PRAGMA foreign_keys = ON")
            raise
        conn.execute("COMMIT")
        if keys_off and keys_were_on:
            conn.execute("PRAGMA foreign_keys = ON")
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
