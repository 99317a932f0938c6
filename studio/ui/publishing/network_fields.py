"""The Connect-account dialog's per-network part: a short guide to the set-up, and the fields only
some networks have (a Facebook Page's id, a Postiz channel, Mastodon's "let the server publish",
and the media host that Instagram and Threads fetch images from)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from studio.publishing import mediahost
from studio.ui.translation import QT_TRANSLATE_NOOP

# The guided set-up: the steps in one breath each; the README's "Meta, LinkedIn, media host and
# Postiz" section has every click.
GUIDES = {
    "instagram": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "1. At developers.facebook.com create an app (type Business) in development mode and add the "
        "<b>Instagram</b> product (“API setup with Instagram login”). 2. Add your professional account as an "
        "Instagram tester and accept the invitation in Instagram. 3. Generate a token for it "
        "(instagram_business_basic, instagram_business_content_publish) and paste it below. "
        "4. Instagram fetches images from a web address: enter your media host (an S3-compatible bucket)."
    ),
    "threads": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "1. Create a Meta app with the <b>Threads</b> use case (development mode). 2. Add your Threads profile as "
        "a Threads tester and accept it in Threads settings. 3. Generate a long-lived token (threads_basic, "
        "threads_content_publish) and paste it below. 4. For images, enter your media host."
    ),
    "facebook": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "1. Create a Meta app (type Business) in development mode; you must be an admin of the Page. "
        "2. In the Graph API Explorer get a user token with pages_manage_posts and pages_read_engagement, "
        "make it long-lived, then ask for /me/accounts: paste that Page's access_token (it does not expire)."
    ),
    "linkedin": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "1. At linkedin.com/developers create an app for your own company page, add the products “Share on "
        "LinkedIn” and “Sign In with LinkedIn using OpenID Connect”. 2. Use the OAuth token tool "
        "(scopes openid, profile, w_member_social) and paste the token: it lasts 60 days, and Studio warns a "
        "week before it ends."
    ),
    "postiz": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "Your own Postiz server publishes to the networks Studio does not reach (TikTok, YouTube, Pinterest…), "
        "even with Studio closed. Enter the backend's address, the API key from Settings › Developers › Public "
        "API, and the channel (its name or id). Posts are handed over as soon as they are scheduled."
    ),
    "mastodon": QT_TRANSLATE_NOOP(
        "NetworkFields",
        "Create an access token under Preferences › Development (scopes read and write). Tick “Let the server "
        "publish” to hand scheduled posts to the server ahead of time, so they go out with Studio closed."
    ),
}


class NetworkFields(QWidget):
    """Signals: ``edited()`` when any field changes (an earlier test no longer vouches)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = ""
        self.guide = QLabel()
        self.guide.setObjectName("setupGuide")
        self.guide.setWordWrap(True)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.page_id = QLineEdit()
        self.page_id.setPlaceholderText(self.tr("optional: the Page of the token"))
        self.integration = QLineEdit()
        self.integration.setPlaceholderText("Kettles TikTok")
        self.server_schedules = QCheckBox(self.tr("Let the server publish (posts go out with Studio closed)"))
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText(self.tr("https://<account>.r2.cloudflarestorage.com (empty for AWS S3)"))
        self.bucket = QLineEdit()
        self.bucket.setPlaceholderText("studio-media")
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("us-east-1 (R2: auto)"))
        self.key_id = QLineEdit()
        self.secret_key = QLineEdit()
        self.secret_key.setEchoMode(QLineEdit.EchoMode.Password)

        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Page id"), self.page_id)
        self.form.addRow(self.tr("Channel"), self.integration)
        self.form.addRow("", self.server_schedules)
        self.media = QGroupBox(self.tr("Media host"))
        media_form = QFormLayout(self.media)
        media_form.addRow(self.tr("Endpoint"), self.endpoint)
        media_form.addRow(self.tr("Bucket"), self.bucket)
        media_form.addRow(self.tr("Region"), self.region)
        media_form.addRow(self.tr("Access key id"), self.key_id)
        media_form.addRow(self.tr("Secret access key"), self.secret_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.guide)
        layout.addLayout(self.form)
        layout.addWidget(self.media)
        for edit in (self.page_id, self.integration, self.endpoint, self.bucket, self.region, self.key_id,
                     self.secret_key):
            edit.textEdited.connect(self.edited)
        self.server_schedules.toggled.connect(self.edited)
        self.set_network("")

    def set_network(self, network: str) -> None:
        self.network = network
        self.guide.setText(self.tr(GUIDES[network]) if network in GUIDES else "")
        self.guide.setVisible(network in GUIDES)
        self.form.setRowVisible(self.page_id, network == "facebook")
        self.form.setRowVisible(self.integration, network == "postiz")
        self.form.setRowVisible(self.server_schedules, network == "mastodon")
        self.media.setVisible(network in mediahost.NETWORKS)

    def settings(self) -> dict[str, Any]:
        """The account's settings from these fields (nothing secret)."""
        settings: dict[str, Any] = {}
        if self.network == "facebook" and self.page_id.text().strip():
            settings["page_id"] = self.page_id.text().strip()
        if self.network == "postiz" and self.integration.text().strip():
            settings["integration"] = self.integration.text().strip()
        if self.network == "mastodon" and self.server_schedules.isChecked():
            settings["server_schedules"] = True
        if self.network in mediahost.NETWORKS and self.bucket.text().strip():
            settings["media_host"] = {"endpoint": self.endpoint.text().strip(), "bucket": self.bucket.text().strip(),
                                      "region": self.region.text().strip() or "us-east-1"}
        return settings

    def media_keys(self) -> tuple[str, str] | None:
        if self.network not in mediahost.NETWORKS or not self.bucket.text().strip():
            return None
        return self.key_id.text().strip(), self.secret_key.text().strip()

    def prefill(self, settings: Any) -> None:
        """Reconnecting: show what is stored (the media host's keys stay in the keyring)."""
        self.page_id.setText(str(settings.get("page_id") or ""))
        self.integration.setText(str(settings.get("integration") or ""))
        self.server_schedules.setChecked(bool(settings.get("server_schedules")))
        host = settings.get("media_host") or {}
        self.endpoint.setText(str(host.get("endpoint") or ""))
        self.bucket.setText(str(host.get("bucket") or ""))
        self.region.setText(str(host.get("region") or ""))
        self.setEnabled(False)
