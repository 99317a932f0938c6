"""The team database: its schema (versioned migrations, like the library's), roles and rules.

Everything lives in the schema ``studio``; ``studio.schema_version`` holds the number of migrations
applied. ``studio team init`` applies the missing ones as the database's owner; a Studio that finds a
newer schema than it knows refuses to write (:func:`check_version`).

Roles: ``studio_member`` (every member), and ``studio_writer``, ``studio_designer``,
``studio_manager``, ``studio_approver``, granted to a member's login role. Row-level security lets a
member see and write only the clients assigned to them (``studio.member_clients``) and their drafts;
a trigger refuses to move a draft to "approved" unless the member holds ``studio_approver``, and
records every status change (who, when) in ``studio.status_changes``. Only managers add clients and
invite members (through ``studio.invite``, a SECURITY DEFINER function, so a manager needs no
CREATEROLE). Passwords never reach the database in clear: Studio sends libpq's SCRAM verifier.

Positions: every write stamps the row with ``nextval('studio.positions')`` while holding a
transaction-level advisory lock, so positions become visible in commit order and "everything after
position N" never skips a row committed late; each statement then ``pg_notify('studio_changes')``.
"""

from __future__ import annotations

import re
from typing import Any

from studio.team import ROLES, TeamError

CHANNEL = "studio_changes"
POSITION_LOCK = 72010012

_V1 = f"""
CREATE SCHEMA IF NOT EXISTS studio;
CREATE TABLE studio.schema_version (version integer NOT NULL);
INSERT INTO studio.schema_version VALUES (0);
CREATE SEQUENCE studio.positions;

CREATE TABLE studio.members (
    name text PRIMARY KEY,
    roles text[] NOT NULL DEFAULT '{{}}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE studio.clients (
    uid uuid PRIMARY KEY,
    name text NOT NULL,
    data jsonb NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    position bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    changed_by text NOT NULL DEFAULT '',
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clients_name ON studio.clients (lower(name));
CREATE INDEX clients_position ON studio.clients (position);
CREATE TABLE studio.member_clients (
    member text NOT NULL REFERENCES studio.members ON DELETE CASCADE,
    client_uid uuid NOT NULL REFERENCES studio.clients ON DELETE CASCADE,
    PRIMARY KEY (member, client_uid)
);
CREATE TABLE studio.drafts (
    uid uuid PRIMARY KEY,
    client_uid uuid NOT NULL REFERENCES studio.clients,
    status text NOT NULL DEFAULT 'draft',
    data jsonb NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    position bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    changed_by text NOT NULL DEFAULT '',
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_position ON studio.drafts (position);
CREATE INDEX drafts_client ON studio.drafts (client_uid);
CREATE TABLE studio.status_changes (
    id bigserial PRIMARY KEY,
    draft_uid uuid NOT NULL REFERENCES studio.drafts ON DELETE CASCADE,
    from_status text,
    to_status text NOT NULL,
    member text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_changes_draft ON studio.status_changes (draft_uid, id);

-- Each push, by its id: a Studio killed between the server's commit and its own asks here
-- whether its push landed, and merges against what it sent instead of an older base.
CREATE TABLE studio.pushes (
    push_id uuid PRIMARY KEY,
    uid uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    member text NOT NULL DEFAULT session_user,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pushes_member_at ON studio.pushes (member, at);

-- Due posts, claimed by any machine whose keyring holds the account's secret (studio/team/queue.py).
CREATE TABLE studio.queue (
    id bigserial PRIMARY KEY,
    client_uid uuid NOT NULL REFERENCES studio.clients,
    draft_uid uuid REFERENCES studio.drafts,
    account text NOT NULL,
    network text NOT NULL DEFAULT '',
    body jsonb NOT NULL DEFAULT '{{}}',
    due_at timestamptz NOT NULL,
    state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'sending', 'published',
        'failed-retry', 'failed-permanent', 'uncertain', 'cancelled')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    lease_owner text,
    lease_expires_at timestamptz,
    fence bigint NOT NULL DEFAULT 0,
    idempotency_key text NOT NULL UNIQUE,
    remote_id text,
    remote_url text,
    last_error text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_due ON studio.queue (state, due_at);

-- Who writes: position, version, author and time are the server's, never the client's word.
CREATE FUNCTION studio.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = studio, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({POSITION_LOCK});
    NEW.position := nextval('studio.positions');
    NEW.changed_by := session_user;
    NEW.changed_at := now();
    IF TG_OP = 'UPDATE' THEN NEW.version := OLD.version + 1; ELSE NEW.version := 1; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER clients_stamp BEFORE INSERT OR UPDATE ON studio.clients
    FOR EACH ROW EXECUTE FUNCTION studio.stamp();
CREATE TRIGGER drafts_stamp BEFORE INSERT OR UPDATE ON studio.drafts
    FOR EACH ROW EXECUTE FUNCTION studio.stamp();

-- One wake-up per statement (listeners pull by position; the payload says nothing more).
CREATE FUNCTION studio.announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE TRIGGER clients_announce AFTER INSERT OR UPDATE ON studio.clients
    FOR EACH STATEMENT EXECUTE FUNCTION studio.announce();
CREATE TRIGGER drafts_announce AFTER INSERT OR UPDATE ON studio.drafts
    FOR EACH STATEMENT EXECUTE FUNCTION studio.announce();

-- The clients the member in session is assigned to (SECURITY DEFINER: the policies' one question).
CREATE FUNCTION studio.my_clients() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = studio, pg_temp AS $$
    SELECT client_uid FROM studio.member_clients WHERE member = session_user
$$;

CREATE FUNCTION studio.check_status() RETURNS trigger LANGUAGE plpgsql
SET search_path = studio, pg_temp AS $$
BEGIN
    IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'approved')
       AND NOT pg_has_role(session_user, 'studio_approver', 'MEMBER') THEN
        RAISE EXCEPTION 'Only an approver can approve a draft; % is not one.', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER drafts_check_status BEFORE INSERT OR UPDATE ON studio.drafts
    FOR EACH ROW EXECUTE FUNCTION studio.check_status();

CREATE FUNCTION studio.audit_status() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = studio, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status THEN
        INSERT INTO studio.status_changes (draft_uid, from_status, to_status, member)
        VALUES (NEW.uid, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status, session_user);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER drafts_audit_status AFTER INSERT OR UPDATE ON studio.drafts
    FOR EACH ROW EXECUTE FUNCTION studio.audit_status();

-- A manager's new client is assigned to them at once (else they could not see what they made).
CREATE FUNCTION studio.assign_creator() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = studio, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM studio.members WHERE name = session_user) THEN
        INSERT INTO studio.member_clients VALUES (session_user, NEW.uid) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER clients_assign_creator AFTER INSERT ON studio.clients
    FOR EACH ROW EXECUTE FUNCTION studio.assign_creator();

-- Members: a login role with a SCRAM verifier (never a clear password), group roles, clients.
CREATE FUNCTION studio.invite(member text, verifier text, wanted text[], client_names text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = studio, pg_temp AS $$
DECLARE
    role_name text;
    missing text;
BEGIN
    IF NOT pg_has_role(session_user, 'studio_manager', 'MEMBER') THEN
        RAISE EXCEPTION 'Only a manager can invite members.' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT n INTO missing FROM unnest(client_names) AS n
        WHERE NOT EXISTS (SELECT 1 FROM studio.clients c WHERE lower(c.name) = lower(n)) LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'There is no client called "%" in the team database.', missing
            USING ERRCODE = 'no_data_found';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', member, verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', member, verifier);
    END IF;
    EXECUTE format('GRANT studio_member TO %I', member);
    FOREACH role_name IN ARRAY wanted LOOP
        EXECUTE format('GRANT %I TO %I', 'studio_' || role_name, member);
    END LOOP;
    INSERT INTO studio.members (name, roles) VALUES (member, wanted)
        ON CONFLICT (name) DO UPDATE SET roles = excluded.roles;
    INSERT INTO studio.member_clients
        SELECT member, c.uid FROM studio.clients c WHERE lower(c.name) IN (SELECT lower(n) FROM unnest(client_names) n)
        ON CONFLICT DO NOTHING;
END $$;

ALTER TABLE studio.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE studio.drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE studio.member_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE studio.status_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE studio.queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE studio.pushes ENABLE ROW LEVEL SECURITY;
CREATE POLICY pushes_own ON studio.pushes TO studio_member
    USING (member = session_user) WITH CHECK (member = session_user);
CREATE POLICY clients_read ON studio.clients FOR SELECT TO studio_member
    USING (uid IN (SELECT studio.my_clients()));
CREATE POLICY clients_update ON studio.clients FOR UPDATE TO studio_member
    USING (uid IN (SELECT studio.my_clients()));
CREATE POLICY clients_insert ON studio.clients FOR INSERT TO studio_manager WITH CHECK (true);
CREATE POLICY drafts_own ON studio.drafts TO studio_member
    USING (client_uid IN (SELECT studio.my_clients()))
    WITH CHECK (client_uid IN (SELECT studio.my_clients()));
CREATE POLICY member_clients_read ON studio.member_clients FOR SELECT TO studio_member
    USING (member = session_user OR pg_has_role(session_user, 'studio_manager', 'MEMBER'));
CREATE POLICY status_changes_read ON studio.status_changes FOR SELECT TO studio_member
    USING (draft_uid IN (SELECT uid FROM studio.drafts));
CREATE POLICY queue_own ON studio.queue TO studio_member
    USING (client_uid IN (SELECT studio.my_clients()))
    WITH CHECK (client_uid IN (SELECT studio.my_clients()));

GRANT USAGE ON SCHEMA studio TO studio_member;
GRANT SELECT ON studio.schema_version, studio.members, studio.member_clients, studio.status_changes
    TO studio_member;
GRANT SELECT, UPDATE ON studio.clients TO studio_member;
GRANT INSERT ON studio.clients TO studio_manager;
GRANT SELECT, INSERT, UPDATE ON studio.drafts TO studio_member;
GRANT SELECT, INSERT, UPDATE ON studio.queue TO studio_member;
GRANT SELECT, INSERT, DELETE ON studio.pushes TO studio_member;
GRANT USAGE ON SEQUENCE studio.queue_id_seq TO studio_member;
REVOKE ALL ON FUNCTION studio.invite(text, text, text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION studio.invite(text, text, text[], text[]) TO studio_manager;
"""



def _record_table(name: str, writers: str) -> str:
    """One more synced row kind (:mod:`studio.team.records`): shaped like ``studio.drafts``, stamped
    and announced the same way, row-level security by client, and written by ``writers``."""
    return f"""
CREATE TABLE studio.{name} (
    uid uuid PRIMARY KEY,
    client_uid uuid NOT NULL REFERENCES studio.clients,
    data jsonb NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    position bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    changed_by text NOT NULL DEFAULT '',
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX {name}_position ON studio.{name} (position);
CREATE TRIGGER {name}_stamp BEFORE INSERT OR UPDATE ON studio.{name}
    FOR EACH ROW EXECUTE FUNCTION studio.stamp();
CREATE TRIGGER {name}_announce AFTER INSERT OR UPDATE ON studio.{name}
    FOR EACH STATEMENT EXECUTE FUNCTION studio.announce();
ALTER TABLE studio.{name} ENABLE ROW LEVEL SECURITY;
CREATE POLICY {name}_read ON studio.{name} FOR SELECT TO studio_member
    USING (client_uid IN (SELECT studio.my_clients()));
CREATE POLICY {name}_insert ON studio.{name} FOR INSERT TO {writers}
    WITH CHECK (client_uid IN (SELECT studio.my_clients()));
CREATE POLICY {name}_update ON studio.{name} FOR UPDATE TO {writers}
    USING (client_uid IN (SELECT studio.my_clients()))
    WITH CHECK (client_uid IN (SELECT studio.my_clients()));
GRANT SELECT ON studio.{name} TO studio_member;
GRANT INSERT, UPDATE ON studio.{name} TO {writers};
"""


# 2: what hangs off clients and drafts (studio/team/records.py). Designers write images (an asset
# attached to a draft, with its focal point, crops and alt text); managers write accounts' settings
# (never a secret) and schedules with their publications' states; every member writes comments;
# an approval is inserted only by an approver (a trigger says so in words, as for a draft's status)
# and never changed; a revision (a member's saved state) is only ever added. An image's bytes are stored once per SHA-256 in ``studio.blobs``, readable by
# whoever sees an asset row that names it.
_V2_RECORDS = (
    _record_table("accounts", "studio_manager")
    + _record_table("assets", "studio_designer")
    + _record_table("schedules", "studio_manager")
    + _record_table("comments", "studio_member")
    + _record_table("approvals", "studio_member")
    + _record_table("revisions", "studio_member")
    + """
REVOKE UPDATE ON studio.revisions FROM studio_member;
DROP POLICY revisions_update ON studio.revisions;
REVOKE UPDATE ON studio.approvals FROM studio_member;
DROP POLICY approvals_update ON studio.approvals;
CREATE FUNCTION studio.check_approval() RETURNS trigger LANGUAGE plpgsql
SET search_path = studio, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'studio_approver', 'MEMBER') THEN
        RAISE EXCEPTION 'Only an approver can approve a draft; % is not one.', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER approvals_check BEFORE INSERT OR UPDATE ON studio.approvals
    FOR EACH ROW EXECUTE FUNCTION studio.check_approval();

CREATE TABLE studio.blobs (
    sha text PRIMARY KEY CHECK (sha ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL,
    data bytea NOT NULL,
    added_by text NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE studio.blobs ALTER COLUMN data SET STORAGE EXTERNAL;  -- images are compressed already
ALTER TABLE studio.blobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY blobs_read ON studio.blobs FOR SELECT TO studio_member
    USING (sha IN (SELECT data->>'sha' FROM studio.assets));
CREATE POLICY blobs_insert ON studio.blobs FOR INSERT TO studio_designer
    WITH CHECK (added_by = session_user AND sha = encode(sha256(data), 'hex'));
GRANT SELECT ON studio.blobs TO studio_member;
GRANT INSERT ON studio.blobs TO studio_designer;
""")

MIGRATIONS: list[str] = [_V1, _V2_RECORDS]

_GROUPS = ("member", *ROLES)
_NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


def check_member_name(name: str) -> str:
    """A member's name as their PostgreSQL role: lower-case letters, digits and ``_``."""
    cleaned = name.strip().lower()
    if not _NAME.match(cleaned) or cleaned.startswith(("pg_", "studio_")):
        raise TeamError(
            f"“{name}” cannot be a member's name.",
            "Use 2 to 41 lower-case letters, digits or _, starting with a letter (e.g. dewi or budi_s).",
        )
    return cleaned


def check_roles(roles: list[str]) -> list[str]:
    wanted = [role.strip().lower() for role in roles if role.strip()]
    unknown = [role for role in wanted if role not in ROLES]
    if unknown or not wanted:
        raise TeamError(
            f"Unknown role: {', '.join(unknown)}." if unknown else "A member needs at least one role.",
            f"Use one or more of: {', '.join(ROLES)}.",
        )
    return list(dict.fromkeys(wanted))


def server_version(conn: Any) -> int:
    """The number of migrations the team database holds (0: not a team database yet)."""
    row = conn.execute("SELECT to_regclass('studio.schema_version') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    return int(conn.execute("SELECT version FROM studio.schema_version").fetchone()[0])


def check_version(conn: Any) -> int:
    """The server's schema version, or :class:`TeamError` when it is missing or newer than ours."""
    found = server_version(conn)
    if found == 0:
        raise TeamError("This database is not a Studio team database.", "Run `studio team init URL` first.")
    if found > len(MIGRATIONS):
        raise TeamError(
            "The team database was upgraded by a newer Studio.", "Update Studio to sync with it."
        )
    if found < len(MIGRATIONS):
        raise TeamError(
            "The team database is older than this Studio.",
            "Ask whoever set it up to run `studio team init URL` again: it upgrades it.",
        )
    return found


def migrate(conn: Any) -> int:
    """Create the group roles and apply the missing migrations, each in one transaction; returns
    the version. ``conn`` is the owner's connection (autocommit off)."""
    for group in _GROUPS:
        conn.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'studio_{group}') THEN "
            f"CREATE ROLE studio_{group} NOLOGIN; END IF; END $$"
        )
    for group in ROLES:  # whoever sets the team up may do everything
        conn.execute(f'GRANT studio_{group} TO "{_quote(current_user(conn))}"')
    conn.commit()
    current = server_version(conn)
    if current > len(MIGRATIONS):
        raise TeamError("The team database was upgraded by a newer Studio.", "Update Studio first.")
    for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (POSITION_LOCK + 1,))
            if server_version(conn) >= number:  # another init got there first
                continue
            conn.execute(step)
            conn.execute("UPDATE studio.schema_version SET version = %s", (number,))
    conn.commit()
    return server_version(conn)


def current_user(conn: Any) -> str:
    return str(conn.execute("SELECT session_user").fetchone()[0])


def _quote(name: str) -> str:
    return name.replace('"', '""')


# Rights per role, on the existing tables (issue #12, "Roles"). A draft is one JSON document, so a
# trigger compares the old and the new document field by field and refuses a field the member's
# roles do not cover; ``studio.field_rights`` says which role owns which field (later steps add
# rows; a field it does not name is anyone's). Every refusal is SQLSTATE 42501 with a sentence as
# the message and ``studio-refused role=R field=F`` as the detail, which the app maps
# (studio/team/rights.py). Status moves: into "approved" only an approver; into "scheduled" a
# manager or an approver; back to "in review" anyone (an edit of an approved post sends it back);
# a published post only to "archived".
_RIGHTS = """
CREATE TABLE studio.field_rights (
    tbl text NOT NULL,
    field text NOT NULL,
    role text NOT NULL,
    label text NOT NULL,
    PRIMARY KEY (tbl, field)
);
INSERT INTO studio.field_rights (tbl, field, role, label) VALUES
    ('drafts', 'text', 'writer', 'change the text of posts'),
    ('drafts', 'variants', 'writer', 'change the network versions and threads of posts'),
    ('drafts', 'tags', 'writer', 'change the tags of posts'),
    ('drafts', 'notes', 'writer', 'change the notes of posts'),
    ('drafts', 'language', 'writer', 'change the language of posts'),
    ('drafts', 'networks', 'writer', 'change the networks of posts'),
    ('drafts', 'ignored_rules', 'writer', 'change the ignored rules of posts'),
    ('drafts', 'assets', 'designer', 'change the images of posts'),
    ('drafts', 'images', 'designer', 'change the images of posts'),
    ('drafts', 'crops', 'designer', 'change the crops of posts'),
    ('drafts', 'focal_points', 'designer', 'change the focal points of posts'),
    ('drafts', 'alt_texts', 'designer', 'change the alt text of posts'),
    ('drafts', 'schedules', 'manager', 'schedule posts'),
    ('drafts', 'accounts', 'manager', 'change the accounts of posts');
GRANT SELECT ON studio.field_rights TO studio_member;

CREATE FUNCTION studio.may(wanted text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, 'studio_' || wanted, 'MEMBER')
$$;

CREATE FUNCTION studio.client_name(client uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = studio, pg_temp AS $$
    SELECT coalesce((SELECT name FROM studio.clients WHERE uid = client), 'this client')
$$;

-- "Only an approver can approve posts for Acme." (the message), the role and field (the detail).
CREATE FUNCTION studio.refuse(wanted text, field text, what text, client uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Only % % can % for %.', CASE WHEN wanted ~ '^[aeiou]' THEN 'an' ELSE 'a' END, wanted,
        what, studio.client_name(client)
        USING ERRCODE = 'insufficient_privilege',
              DETAIL = format('studio-refused role=%s field=%s', wanted, field),
              HINT = 'Ask a member with that role, or a manager to give you the role.';
END $$;

-- Missing, null, "", [] and {} are one "nothing": two Studios may write an empty field either way.
CREATE FUNCTION studio.value_of(doc jsonb, key text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN doc -> key IS NULL OR doc -> key IN ('null', '""', '[]', '{}') THEN 'null'::jsonb
                ELSE doc -> key END
$$;

CREATE FUNCTION studio.check_rights() RETURNS trigger LANGUAGE plpgsql
SET search_path = studio, pg_temp AS $$
DECLARE
    key text;
    owner record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT (studio.may('writer') OR studio.may('manager')) THEN
            PERFORM studio.refuse('writer', 'text', 'add posts', NEW.client_uid);
        END IF;
        RETURN NEW;
    END IF;
    FOR key IN SELECT jsonb_object_keys(OLD.data) UNION SELECT jsonb_object_keys(NEW.data) LOOP
        IF studio.value_of(OLD.data, key) IS DISTINCT FROM studio.value_of(NEW.data, key) THEN
            SELECT role, label INTO owner FROM studio.field_rights WHERE tbl = TG_TABLE_NAME AND field = key;
            IF FOUND AND NOT studio.may(owner.role) THEN
                PERFORM studio.refuse(owner.role, key, owner.label, NEW.client_uid);
            END IF;
        END IF;
    END LOOP;
    IF NEW.client_uid IS DISTINCT FROM OLD.client_uid AND NOT studio.may('manager') THEN
        PERFORM studio.refuse('manager', 'client', 'move posts to another client', OLD.client_uid);
    END IF;
    IF NEW.deleted AND NOT OLD.deleted AND NOT (studio.may('writer') OR studio.may('manager')) THEN
        PERFORM studio.refuse('writer', 'deleted', 'delete posts', OLD.client_uid);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER drafts_check_rights BEFORE INSERT OR UPDATE ON studio.drafts
    FOR EACH ROW EXECUTE FUNCTION studio.check_rights();

-- The workflow and the roles of status moves (replaces step 1's approver-only check).
CREATE OR REPLACE FUNCTION studio.check_status() RETURNS trigger LANGUAGE plpgsql
SET search_path = studio, pg_temp AS $$
DECLARE
    allowed text[];
    what text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status <> 'archived' THEN
        RAISE EXCEPTION 'A published post for % can only be archived, not moved back to %.',
            studio.client_name(NEW.client_uid), replace(NEW.status, '_', ' ')
            USING ERRCODE = 'insufficient_privilege', DETAIL = 'studio-refused role=workflow field=status';
    END IF;
    allowed := CASE NEW.status
        WHEN 'approved' THEN ARRAY['approver']
        WHEN 'scheduled' THEN ARRAY['manager', 'approver']
        WHEN 'in_review' THEN ARRAY['writer', 'designer', 'manager', 'approver']
        WHEN 'published' THEN ARRAY['writer', 'designer', 'manager', 'approver']
        WHEN 'failed' THEN ARRAY['writer', 'designer', 'manager', 'approver']
        ELSE ARRAY['writer', 'manager', 'approver'] END;
    IF NOT EXISTS (SELECT 1 FROM unnest(allowed) AS r WHERE studio.may(r)) THEN
        what := CASE NEW.status WHEN 'approved' THEN 'approve posts' WHEN 'scheduled' THEN 'schedule posts'
                ELSE 'move posts to ' || replace(NEW.status, '_', ' ') END;
        PERFORM studio.refuse(allowed[1], 'status', what, NEW.client_uid);
    END IF;
    RETURN NEW;
END $$;

-- Clients and their settings are the managers'.
CREATE FUNCTION studio.check_client_rights() RETURNS trigger LANGUAGE plpgsql
SET search_path = studio, pg_temp AS $$
BEGIN
    IF (NEW.name, NEW.data, NEW.deleted) IS DISTINCT FROM (OLD.name, OLD.data, OLD.deleted)
       AND NOT studio.may('manager') THEN
        PERFORM studio.refuse('manager', 'client', 'change the client settings', OLD.uid);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER clients_check_rights BEFORE UPDATE ON studio.clients
    FOR EACH ROW EXECUTE FUNCTION studio.check_client_rights();
"""

MIGRATIONS.append(_RIGHTS)  # a step of its own, kept apart from the steps above
