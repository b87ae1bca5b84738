"""Who is annotating: asked once on first start, kept per user, never asked again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.app import ANNOTATOR_SETTING, annotator_name


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)


def test_asked_once_with_the_os_user_proposed_then_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("USER", "amal")
    asked: list[str] = []
    settings = _settings(tmp_path)
    assert annotator_name(settings, lambda d: asked.append(d) or "أمل") == "أمل"
    assert asked == ["amal"]
    assert _settings(tmp_path).value(ANNOTATOR_SETTING) == "أمل"
    assert annotator_name(_settings(tmp_path), lambda d: asked.append(d) or "x") == "أمل"
    assert asked == ["amal"]  # not asked again


def test_a_bad_name_is_explained_and_asked_again_and_cancel_opens_nothing(tmp_path: Path) -> None:
    answers = iter(["gold", "a,b", "bilal"])
    warnings: list[str] = []
    name = annotator_name(
        _settings(tmp_path), lambda d: next(answers), lambda title, text: warnings.append(text)
    )
    assert name == "bilal" and len(warnings) == 2 and "reserved" in warnings[0]
    assert annotator_name(_settings(tmp_path / "other"), lambda d: None) is None
