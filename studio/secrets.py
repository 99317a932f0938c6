"""Account secrets in the OS keyring: the only module that touches ``keyring``.

One service name (``studio``), one entry per account. The library stores only the entry's user name
(``secret_ref``), never the secret, so a library folder, a log or an export can be shared without
leaking a token. Users get the keyring their system offers: the Secret Service (GNOME Keyring,
KWallet) on Linux, the Keychain on macOS, the Credential Locker on Windows.
"""

from __future__ import annotations

import logging
import uuid

from studio.errors import StudioError

log = logging.getLogger(__name__)

SERVICE = "studio"

_NO_KEYRING_HINT = (
    "Studio keeps account secrets in the system keyring. On Linux, start a Secret Service "
    "(GNOME Keyring or KWallet), or install keyrings.alt and set PYTHON_KEYRING_BACKEND "
    "(see the README, 'Accounts and secrets')."
)


class SecretError(StudioError):
    """The keyring is missing, locked or refused the request."""


class SecretMissing(SecretError):
    """The account's entry is not in the keyring (removed by hand, another machine, another user)."""


def new_ref(network: str) -> str:
    """A fresh keyring user name for a new account: ``<network>:<random>``, never derived from the secret."""
    return f"{network}:{uuid.uuid4().hex}"


def _keyring():  # type: ignore[no-untyped-def]
    import keyring

    return keyring


def backend_name() -> str:
    """The keyring backend in use, in words (for ``studio accounts list`` and the About box)."""
    backend = _keyring().get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _fail(action: str, error: Exception) -> SecretError:
    import keyring.errors

    if isinstance(error, keyring.errors.NoKeyringError):
        return SecretError("No system keyring is available.", _NO_KEYRING_HINT)
    if isinstance(error, keyring.errors.KeyringLocked):
        return SecretError("The system keyring is locked.", "Unlock it and try again.")
    # The exception text from a backend never contains the secret itself (we pass it as a value,
    # backends report the service and user), but stay terse anyway.
    return SecretError(f"The system keyring could not {action} the secret ({type(error).__name__}).", _NO_KEYRING_HINT)


def store(ref: str, secret: str) -> None:
    """Save ``secret`` under ``ref`` (replacing any earlier one)."""
    if not secret:
        raise SecretError("The secret is empty.", "Paste the token or password again.")
    try:
        _keyring().set_password(SERVICE, ref, secret)
    except Exception as error:  # keyring backends raise many types; all become one message
        raise _fail("save", error) from None
    log.info("Stored a secret in the keyring for %s", ref)


def load(ref: str) -> str:
    """The secret saved under ``ref``; :class:`SecretMissing` when there is none."""
    try:
        secret = _keyring().get_password(SERVICE, ref)
    except Exception as error:
        raise _fail("read", error) from None
    if not secret:
        raise SecretMissing(
            "This account's secret is not in the system keyring.",
            "Reconnect the account to enter its token or password again.",
        )
    return str(secret)


def delete(ref: str) -> None:
    """Remove the secret saved under ``ref``; no error when it is already gone."""
    import keyring.errors

    try:
        _keyring().delete_password(SERVICE, ref)
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as error:
        raise _fail("remove", error) from None
    log.info("Removed the keyring secret for %s", ref)
