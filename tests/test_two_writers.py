"""Two writers on one file (issue 14): an edit from a stale copy is refused, never silently
overwriting; a link to a span another process deleted is a refusal, not a raw
IntegrityError; a held write lock is a refusal after the busy timeout; data_version tells a
window that another process wrote; reload() brings a session up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.errors import HashiyaError
from annotation.spans import Link, Span, new_id
from storage.project import Project, ProjectBusy, StaleEdit
from storage.session import Change, DocumentSession, EditRefused

TEXT = "صرح المتحدث باسم الوزارة أن «الأسعار ستنخفض الشهر المقبل» وفق تقديرات أولية."


def _at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.fixture
def shared(tmp_path: Path):
    """Two Project objects (as two processes would have) on one file, with a claim, a quote
    and an entity in one document."""
    path = tmp_path / "shared.hashiya"
    doc = Document.create(TEXT, "prices.txt")
    with Project(path, annotator="setup") as project:
        project.add_document(doc)
        q0, q1 = _at("«الأسعار ستنخفض الشهر المقبل»")
        project.insert(
            [
                Span("claim", doc.id, "claim", "CLAIM", q0 + 1, q1 - 1, {"checkworthy": "unsure"}),
                Span("quote", doc.id, "quote", "QUOTE", q0, q1, {"type": "direct"}),
                Span("ent", doc.id, "entity", "PERS", *_at("المتحدث")),
            ]
        )
    first = Project(path, annotator="amina")
    second = Project(path, annotator="youssef")
    yield path, doc, first, second
    first.close()
    second.close()


def _stored(path: Path, span_id: str) -> Span:
    with Project(path, readonly=True) as project:
        return next(s for s in project.spans(project.document_ids()[0]) if s.id == span_id)


def test_lost_update_of_a_claim_from_a_stale_copy_is_refused(shared) -> None:
    path, doc, first, second = shared
    a = DocumentSession(first, doc.id)
    b = DocumentSession(second, doc.id)  # opened before a's edit: a stale copy from then on
    a.set_attrs("claim", checkworthy="yes")
    with pytest.raises(StaleEdit, match="another window or program") as info:
        b.set_attrs("claim", note="ملاحظة")
    assert isinstance(info.value, HashiyaError) and isinstance(info.value, EditRefused)
    assert str(path) in str(info.value)
    assert dict(_stored(path, "claim").attrs)["checkworthy"] == "yes"
    assert "note" not in _stored(path, "claim").attrs or _stored(path, "claim").attrs["note"] == ""
    # after reloading, b's edit keeps a's value
    b.reload()
    b.set_attrs("claim", note="ملاحظة")
    stored = _stored(path, "claim").attrs
    assert (stored["checkworthy"], stored["note"]) == ("yes", "ملاحظة")


def test_undo_of_own_update_still_works_after_versions(shared) -> None:
    _, doc, first, _ = shared
    a = DocumentSession(first, doc.id)
    old = a.set_attrs("claim", checkworthy="yes")
    a.update(old)  # what the window's undo does
    a.relabel(["ent"], "ORG")
    stored = {s.id: s for s in first.spans(doc.id)}
    assert stored["claim"].attrs["checkworthy"] == "unsure"
    assert stored["ent"].label == "ORG"
    assert stored["claim"].version == 2


def test_delete_of_a_span_another_process_changed_is_refused(shared) -> None:
    path, doc, first, second = shared
    a = DocumentSession(first, doc.id)
    b = DocumentSession(second, doc.id)
    a.relabel(["ent"], "ORG")
    with pytest.raises(StaleEdit):
        b.remove(["ent"])
    assert _stored(path, "ent").label == "ORG"
    assert "ent" in b.index  # nothing changed in b's view either


def test_link_to_an_entity_another_process_deleted_is_refused(shared) -> None:
    path, doc, first, second = shared
    a = DocumentSession(first, doc.id)
    b = DocumentSession(second, doc.id)
    a.remove(["ent"])
    with pytest.raises(StaleEdit) as info:
        b.add_links([Link(new_id(), doc.id, "speaker", "quote", "ent")])
    assert not isinstance(info.value, sqlite3.IntegrityError) or isinstance(
        info.value, HashiyaError
    )
    with Project(path, readonly=True) as project:
        assert project.links(doc.id) == []


def test_span_in_a_document_another_process_removed_is_refused(shared) -> None:
    _, doc, first, second = shared
    b = DocumentSession(second, doc.id)
    with first.transaction():
        first.db.execute("DELETE FROM documents WHERE id = ?", [doc.id])
    with pytest.raises(StaleEdit):
        b.add([Span(new_id(), doc.id, "entity", "ORG", *_at("الوزارة"))])


def test_held_write_lock_is_a_refusal_after_the_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "locked.hashiya"
    doc = Document.create(TEXT, "x.txt")
    with Project(path) as setup:
        setup.add_document(doc)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Project(path, busy_timeout=0.2) as project:
            with pytest.raises(ProjectBusy, match="nothing was changed") as info:
                project.set_status(doc.id, "done")
            assert str(path) in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Project(path, readonly=True) as project:
        assert project.document_info(doc.id).status == "new"


def test_short_lock_is_waited_for(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "short.hashiya"
    doc = Document.create(TEXT, "x.txt")
    with Project(path) as setup:
        setup.add_document(doc)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with Project(path, busy_timeout=10) as project:
            project.set_status(doc.id, "done")
            assert project.document_info(doc.id).status == "done"
    finally:
        release.join()
        holder.close()


def test_data_version_tells_that_another_process_wrote(shared) -> None:
    _, doc, first, second = shared
    seen = first.data_version()
    first.set_status(doc.id, "in_progress")  # its own commit does not count
    assert first.data_version() == seen
    second.set_status(doc.id, "done")
    assert first.data_version() != seen


def test_reload_reports_exactly_what_another_process_changed(shared) -> None:
    _, doc, first, second = shared
    a = DocumentSession(first, doc.id)
    changes: list[Change] = []
    a.observers.append(changes.append)
    b = DocumentSession(second, doc.id)
    b.relabel(["ent"], "ORG")
    added = Span(new_id(), doc.id, "entity", "ORG", *_at("الوزارة"))
    b.add([added])
    b.remove(["claim"])
    change = a.reload()
    assert changes == [change]
    assert [s.id for s in change.added] == [added.id]
    assert [s.id for s in change.removed] == ["claim"]
    assert [(old.label, new.label) for old, new in change.updated] == [("PERS", "ORG")]
    assert a.index["ent"].label == "ORG"
    a.relabel(["ent"], "GPE")  # a's copy is current again
    assert a.reload() == Change()
