from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.settings import SETTINGS, Settings, declared


def test_defaults_come_from_the_declarations(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    for setting in SETTINGS:
        assert settings.get(setting.key) == setting.default


def test_values_survive_a_restart_and_listeners_hear_changes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    heard: list[tuple[str, object]] = []
    settings.subscribe(lambda key, value: heard.append((key, value)))
    settings.set("appearance.theme", "dark")
    settings.set("appearance.theme", "dark")  # unchanged: nobody is told twice
    settings.set("grammar.delay_ms", 500)
    assert heard == [("appearance.theme", "dark"), ("grammar.delay_ms", 500)]
    again = Settings(path)
    assert again.get("appearance.theme") == "dark"
    assert again.get("grammar.delay_ms") == 500


@pytest.mark.parametrize(
    ("key", "value"),
    [("appearance.theme", "purple"), ("grammar.delay_ms", "fast"), ("grammar.delay_ms", 5),
     ("publisher.enabled", "yes"), ("grammar.server_url", 3)],
)
def test_bad_values_are_refused_with_the_setting_named(tmp_path: Path, key: str, value: object) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError, match=declared(key).title.split(" (")[0]):
        settings.set(key, value)
    assert settings.get(key) == declared(key).default


def test_a_damaged_file_falls_back_to_defaults_and_keeps_good_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).get("appearance.theme") == "system"
    path.write_text(json.dumps({"appearance.theme": "dark", "grammar.delay_ms": "oops", "unknown": 1}))
    settings = Settings(path)
    assert settings.get("appearance.theme") == "dark"
    assert settings.get("grammar.delay_ms") == declared("grammar.delay_ms").default
