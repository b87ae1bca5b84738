"""The window's parts on their own, without a MainWindow: the document controller and its undo
commands, the key router, the pick interaction, the project lock, logging."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.spans import Span, new_id

TEXT = "وقال المتحدث إن بوتين سيلتقي كيري في موسكو."


@pytest.fixture
def docs(project, qapp):
    from ui.document_controller import DocumentController

    project.add_document(Document.create(TEXT, "a.txt"))
    controller = DocumentController(project)
    controller.reload_documents()
    controller.open(controller.documents()[0].id)
    return controller


def entity(doc_id: str, start: int, end: int, label: str = "PERS") -> Span:
    return Span(new_id(), doc_id, "entity", label, start, end, {}, "token", "tester")


def test_commands_talk_to_the_controller_and_reach_the_database(docs) -> None:
    from ui.commands import AddSpans, SetStatus

    seen = []
    docs.changed.connect(seen.append)
    doc_id = docs.doc_id
    i = TEXT.index("بوتين")
    assert docs.push(AddSpans(docs, doc_id, [entity(doc_id, i, i + 5)], text="tag PERS"))
    assert docs.project.span_count(doc_id, "entity") == 1
    assert len(seen) == 1 and seen[0].added[0].start == i
    assert docs.documents()[0].entity_count == 1
    assert docs.push(SetStatus(docs, doc_id, "new", "done"))
    assert docs.project.document_info(doc_id).status == "done"
    docs.undo_stack.undo()
    docs.undo_stack.undo()
    assert docs.project.span_count(doc_id, "entity") == 0
    assert docs.status(doc_id) == "new"


def test_a_failing_edit_is_reported_and_not_left_on_the_undo_stack(docs) -> None:
    from ui.commands import AddSpans

    failures = []
    docs.editFailed.connect(lambda what, why: failures.append((what, why)))
    doc_id = docs.doc_id
    bad = entity(doc_id, 0, len(TEXT) + 10)  # past the end of the text: refused by the session
    assert not docs.push(AddSpans(docs, doc_id, [bad], text="tag PERS"))
    assert failures and failures[0][0] == "tag PERS"
    assert docs.undo_stack.count() == 0 and not docs.undo_stack.canUndo()
    assert docs.project.span_count(doc_id, "entity") == 0


def test_an_unexpected_exception_in_redo_is_logged_and_not_stacked(docs, caplog) -> None:
    from ui.commands import Command

    class Broken(Command):
        def apply(self) -> None:
            raise RuntimeError("disk on fire")

    with caplog.at_level(logging.ERROR):
        assert not docs.push(Broken(docs, "broken edit"))
    assert docs.undo_stack.count() == 0
    assert "disk on fire" in caplog.text


def test_key_router_asks_in_the_written_order() -> None:
    from ui.key_routing import KeyRouter

    calls = []
    router = KeyRouter()
    router.route(
        "Esc",
        ("pick", lambda: calls.append("pick") or False),
        ("suggestions", lambda: calls.append("suggestions") or True),
        ("selection", lambda: calls.append("selection") or True),
    )
    assert router.dispatch("Esc") == "suggestions"
    assert calls == ["pick", "suggestions"]
    assert router.order("Esc") == ["pick", "suggestions", "selection"]
    assert router.dispatch("Enter") is None
    assert "Esc: pick → suggestions → selection" in router.describe()


def test_pick_interaction_goes_speaker_then_cue_then_ends() -> None:
    from ui.attribution_pick import PickInteraction

    pick = PickInteraction("speaker", "q1")
    assert pick.accepts_click_on(entity("d", 0, 4))
    assert not pick.accepts_click_on(
        Span("q1", "d", "quote", "QUOTE", 0, 9, {}, "token", "")
    )  # not itself
    cue = pick.next()
    assert cue == PickInteraction("cue", "q1")
    assert not cue.accepts_click_on(entity("d", 0, 4))  # a cue is selected, not clicked
    assert cue.next() is None
    assert PickInteraction("claimant", "c1").next() is None


def test_view_preferences_are_per_user_and_per_project(tmp_path, qapp) -> None:
    from PySide6.QtCore import QSettings

    from ui.view_prefs import ViewPreferences

    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    a = ViewPreferences(settings, tmp_path / "a.hashiya")
    b = ViewPreferences(settings, tmp_path / "b.hashiya")
    a.zoom = 20
    a.last_document = "doc-a"
    assert b.zoom == 20  # zoom is the user's, in every project
    assert b.last_document == ""  # the last document is per project
    assert a.last_document == "doc-a"


def test_the_project_lock_refuses_a_second_holder_and_takes_over_a_stale_one(tmp_path) -> None:
    from ui.project_lock import ProjectLock, ProjectLocked, lock_path

    db = tmp_path / "p.hashiya"
    first = ProjectLock(db)
    first.acquire()
    with pytest.raises(ProjectLocked, match="already open in another Hashiya window"):
        ProjectLock(db).acquire()
    first.release()
    # a lock left by a process that was killed: stale, taken over
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(lock_path(db))!r}); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"  # exits without unlocking: the file stays, its process is gone
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    assert lock_path(db).exists()
    again = ProjectLock(db)
    again.acquire()
    assert again.held
    again.release()


def test_logging_goes_to_a_rotating_file_and_the_hook_tells_the_user(tmp_path) -> None:
    from ui.app_logging import configure_logging, install_excepthook

    path = configure_logging(tmp_path / "logs" / "hashiya.log")
    shown = []
    previous = install_excepthook(lambda title, text: shown.append((title, text)), path)
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(Path(path).resolve()):
                root.removeHandler(handler)
                handler.close()
    assert shown and "ValueError: boom" in shown[0][1] and str(path) in shown[0][1]
    assert "ValueError: boom" in path.read_text(encoding="utf-8")
