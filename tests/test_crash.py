"""A killed window loses nothing it showed: tag through the real window in a child process,
SIGKILL it, and find every annotation (and the undo of one) in the project file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.gui

CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSettings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {cfg!r})
    from ui.app import application, create_window
    app = application()
    win = create_window({db!r}, "killed")
    win.show()
    win.io.import_paths([Path({article!r})], modal=False)
    while win.session is None:
        app.processEvents()
    text = win.session.text
    for word, label in (("موسكو", "GPE"), ("بوتين", "PERS"), ("الكرملين", "ORG")):
        i = text.index(word)
        win.view.select_range(i, i + len(word))
        win.tagging.tag_selection(label)
    win.docs.undo_stack.undo()          # the ORG entity is taken back
    win.set_status("in_progress")
    app.processEvents()
    print("shown", flush=True)
    app.exec()                     # never returns: the test kills us
    """
)


def test_sigkill_after_edits_loses_nothing(tmp_path) -> None:
    from storage.project import Project

    article = tmp_path / "a.txt"
    article.write_text("التقى بوتين في موسكو ممثلي الكرملين.", encoding="utf-8")
    db = tmp_path / "killed.hashiya"
    script = CHILD.format(
        root=str(ROOT), cfg=str(tmp_path / "cfg"), db=str(db), article=str(article)
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "shown"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with Project(db, annotator="check") as project:
        (doc_id,) = project.document_ids()
        text = project.document(doc_id).text
        spans = {(text[s.start : s.end], s.label) for s in project.spans(doc_id)}
        assert spans == {("موسكو", "GPE"), ("بوتين", "PERS")}
        assert project.document_info(doc_id).status == "in_progress"
