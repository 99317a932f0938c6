"""The text of a draft, as one plain object: what each network gets, threads, and the new-draft policy.

A draft has a base text, per-network **variants** (its own text for one network, or a thread: a
list of parts) and target networks. :func:`parts_for` is the one answer to "which text does network
N get": the Write page's previews and counters, pre-flight (through the runner's render), the runner
and ``studio check --draft`` all ask it, so what is previewed is what goes out.

:class:`DraftText` is the mutable working copy the Write page edits (and the saver stores);
:class:`ThreadText` maps a thread's parts to one text whose paragraphs they are, so a grammar check
of the whole thread can be handed back part by part. No Qt here: the CLI and the runner use it too.

Public API (others call these after the merge; keep the names stable):

- ``BASE``: the key of the base text ("" rather than a network id)
- ``parts_for(draft, network) -> tuple[str, ...]``
- ``DraftText.of(draft)``, ``.parts_for(network)``, ``.text_for(network)``, ``.set_text``,
  ``.make_variant``, ``.drop_variant``, ``.split``, ``.join``, ``.set_parts``, ``.set_target``
- ``ThreadText.of(parts)``, ``.text``, ``.offsets``, ``.issues_by_part(issues)``
- ``start_draft(library, client_id) -> Draft``: the one "New draft" policy
- ``default_channels(library, client_id)``, ``remember_channels(library, client_id, networks)``: the
  networks a client's new posts start with
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from studio.model import Draft, Issue

if TYPE_CHECKING:
    from studio.library import Library

BASE = ""  # the base text: what every network without a variant gets
PART_GAP = "\n\n"  # between a thread's parts when they are one text (a check, a join for display)
FIRST_CLIENT = "My brand"  # the client a library without one gets when a post is started


def parts_for(draft: Draft, network: str) -> tuple[str, ...]:
    """What ``network`` gets of ``draft``: its thread's parts, its own variant, or the base text
    (always at least one part)."""
    return DraftText.of(draft).parts_for(network)


@dataclass
class DraftText:
    """The base text, variants, threads and target networks of one draft, being edited.

    ``variants`` maps a network to its own text; ``threads`` a network to its parts. A network is in
    at most one of them (a thread replaces a variant, a join turns the thread back into a variant),
    as in the library, where both are one row of ``variants``.
    """

    text: str = ""
    variants: dict[str, str] = field(default_factory=dict)
    threads: dict[str, list[str]] = field(default_factory=dict)
    targets: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, draft: Draft, known: Iterable[str] | None = None) -> DraftText:
        """The text of ``draft``. With ``known`` (the text networks' ids), targets are limited to
        them; the networks that have a variant or a thread are targets too."""
        variants = {n: v.text for n, v in draft.variants.items() if v.text is not None and not v.parts}
        threads = {n: list(v.parts) for n, v in draft.variants.items() if v.parts}
        targets = list(dict.fromkeys((*draft.networks, *variants, *threads)))
        if known is not None:
            wanted = set(known)
            targets = [n for n in targets if n in wanted]
        return cls(draft.text, variants, threads, targets)

    # -- reading ------------------------------------------------------------------------------

    def parts_for(self, network: str) -> tuple[str, ...]:
        """What ``network`` gets: its thread's parts, else its variant, else the base text."""
        thread = self.threads.get(network)
        if thread:
            return tuple(thread)
        return (self.variants.get(network, self.text),)

    def text_for(self, network: str) -> str:
        """The one text ``network`` gets (a thread: its parts as paragraphs); ``BASE``: the base text."""
        return PART_GAP.join(self.parts_for(network))

    def has_variant(self, network: str) -> bool:
        return network in self.variants

    def has_thread(self, network: str) -> bool:
        return network in self.threads

    # -- editing ------------------------------------------------------------------------------

    def set_text(self, network: str, text: str) -> None:
        """The editor's text for ``network`` (``BASE``: the base text; a network with a thread is
        edited part by part, through :meth:`set_parts`)."""
        if network == BASE:
            self.text = text
        elif network not in self.threads:
            self.variants[network] = text

    def make_variant(self, network: str) -> str:
        """Give ``network`` its own text, starting from the base text; returns it."""
        self.threads.pop(network, None)
        self.variants[network] = self.text
        return self.text

    def drop_variant(self, network: str) -> bool:
        """``network`` uses the base text again; whether it had a variant."""
        return self.variants.pop(network, None) is not None

    def split(self, network: str, numbered: bool, limit: int | None = None) -> list[str]:
        """Split what ``network`` gets into a thread whose parts each fit (a thread already there is
        split again from its parts, without their "i/n" numbers). Returns the parts, ``[]`` when
        there is no text to split (nothing changes then); ``StudioError`` when it cannot be split."""
        from studio.text import split_thread
        from studio.text.threads import join_thread

        text = join_thread(self.threads[network]) if network in self.threads else self.variants.get(network, self.text)
        parts = split_thread(text, network, numbered, limit=limit)
        if parts:
            self.variants.pop(network, None)
            self.threads[network] = parts
        return parts

    def join(self, network: str) -> str | None:
        """Turn ``network``'s thread back into one text, its variant; ``None``: it had no thread."""
        from studio.text.threads import join_thread

        parts = self.threads.pop(network, None)
        if parts is None:
            return None
        self.variants[network] = join_thread(parts)
        return self.variants[network]

    def set_parts(self, network: str, parts: Sequence[str]) -> bool:
        """The edited parts of ``network``'s thread; ``False`` when it has no thread (nothing changes)."""
        if network not in self.threads:
            return False
        self.threads[network] = list(parts)
        return True

    def set_target(self, network: str, on: bool) -> bool:
        """Add or remove ``network`` from the targets; whether that changed them."""
        if on and network not in self.targets:
            self.targets.append(network)
            return True
        if not on and network in self.targets:
            self.targets.remove(network)
            return True
        return False


@dataclass(frozen=True)
class ThreadText:
    """A thread's parts as the paragraphs of one text (``PART_GAP`` between them), for one grammar
    check of the whole thread; ``offsets[i]`` is where part ``i`` starts in ``text`` (code points)."""

    parts: tuple[str, ...]
    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, parts: Sequence[str]) -> ThreadText:
        offsets, at = [], 0
        for part in parts:
            offsets.append(at)
            at += len(part) + len(PART_GAP)
        return cls(tuple(parts), PART_GAP.join(parts), tuple(offsets))

    def issues_by_part(self, issues: Iterable[Issue]) -> list[list[Issue]]:
        """The issues of :attr:`text` handed to the parts they fall in, with positions in the part;
        an issue across two parts (it spans the gap) belongs to neither."""
        found: list[list[Issue]] = [[] for _ in self.parts]
        for issue in issues:
            for index, (offset, part) in enumerate(zip(self.offsets, self.parts, strict=True)):
                if offset <= issue.start and issue.end <= offset + len(part):
                    found[index].append(replace(issue, start=issue.start - offset, end=issue.end - offset))
                    break
        return found


def start_draft(library: Library, client_id: int | None = None) -> Draft:
    """A new empty draft: for ``client_id``, else the first client, else a new client "My brand"
    (so a post can be started in an empty library), for the client's default channels
    (:func:`default_channels`). Ctrl+N and the Library's New button call this."""
    if client_id is None:
        clients = library.list_clients()
        client_id = clients[0].id if clients else library.add_client(FIRST_CLIENT).id
    return library.create_draft(client_id, networks=default_channels(library, client_id))


def default_channels(library: Library, client_id: int) -> list[str]:
    """The networks a new post of the client is for: those last chosen for one of its posts in the
    Write page (:func:`remember_channels`), else the network versions of its connected accounts."""
    import json

    from studio.library.clients import target_networks
    from studio.publishing.renditions import target_of

    rows = library.query("SELECT networks FROM client_channels WHERE client_id = ?", (client_id,))
    known = set(target_networks())
    if rows:
        return [n for n in json.loads(rows[0]["networks"]) if n in known]
    versions = (target_of(account.network, account.settings) for account in library.list_accounts(client_id))
    return [n for n in dict.fromkeys(versions) if n in known]


def remember_channels(library: Library, client_id: int, networks: Iterable[str]) -> None:
    """The client's new posts start with ``networks`` from now on."""
    import json

    with library.transaction() as conn:
        conn.execute("INSERT INTO client_channels(client_id, networks) VALUES (?, ?) "
                     "ON CONFLICT(client_id) DO UPDATE SET networks = excluded.networks",
                     (client_id, json.dumps(list(dict.fromkeys(networks)))))
