"""DocumentSession: validated edits, exact change notifications, removal and restore."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.spans import Link, Span, new_id
from storage.project import Project
from storage.session import Change, DocumentSession, EditRefused, Removal

TEXT = (
    "قالت وزيرة الخارجية السويدية آن ليند في ستوكهولم إن «الحوار هو السبيل الوحيد»، "
    "وأضافت أن بلادها سترسل مساعدات بقيمة عشرة ملايين دولار."
)


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


@pytest.fixture
def doc(project: Project) -> Document:
    d = Document.create(TEXT, "sweden.txt")
    project.add_document(d)
    return d


@pytest.fixture
def session(project: Project, doc: Document) -> DocumentSession:
    return DocumentSession(project, doc.id)


@pytest.fixture
def changes(session: DocumentSession) -> list[Change]:
    seen: list[Change] = []
    session.observers.append(seen.append)
    return seen


def _span(
    doc: Document, word: str, kind: str = "entity", label: str = "PERS", **attrs: str
) -> Span:
    s, e = _at(word)
    return Span(new_id(), doc.id, kind, label, s, e, attrs, "token", "tester")


def _quote(doc: Document) -> Span:
    s, e = _at("«الحوار هو السبيل الوحيد»")
    return Span(new_id(), doc.id, "quote", "QUOTE", s, e, {"type": "direct"}, "token", "tester")


def _db_state(project: Project, doc_id: str) -> tuple[list[Span], list[Link]]:
    return project.spans(doc_id), project.links(doc_id)


def _index_state(session: DocumentSession) -> tuple[list[Span], list[Link]]:
    spans = sorted(session.index.all(), key=lambda s: (s.start, -s.end, s.id))
    return spans, sorted(session.index.links(), key=lambda lk: lk.id)


# --- add -------------------------------------------------------------------------------------
def test_add_commits_indexes_and_notifies(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    anne = _span(doc, "آن ليند")
    place = _span(doc, "ستوكهولم", label="GPE")
    change = session.add([anne, place])
    assert change == Change(added=[anne, place])
    assert changes == [Change(added=[anne, place])]
    assert session.index[anne.id] == anne and session.index[place.id] == place
    assert project.spans(doc.id) == sorted([anne, place], key=lambda s: s.start)
    # a fresh session reads the same thing back from the file
    assert _index_state(DocumentSession(project, doc.id)) == _index_state(session)


def test_add_spans_and_links_together(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    anne, quote = _span(doc, "آن ليند"), _quote(doc)
    cue = _span(doc, "قالت", "cue", "CUE")
    links = [
        Link(new_id(), doc.id, "speaker", quote.id, anne.id),
        Link(new_id(), doc.id, "cue", quote.id, cue.id),
    ]
    session.add([anne, quote, cue], links)
    assert changes == [Change(added=[anne, quote, cue], links_added=links)]
    assert sorted(project.links(doc.id), key=lambda lk: lk.id) == sorted(
        links, key=lambda lk: lk.id
    )
    assert session.index.links_from(quote.id, "speaker") == [links[0]]


def test_add_links_later(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    anne, quote = _span(doc, "آن ليند"), _quote(doc)
    session.add([anne, quote])
    link = Link(new_id(), doc.id, "speaker", quote.id, anne.id)
    change = session.add_links([link])
    assert change == Change(links_added=[link])
    assert changes[-1] == Change(links_added=[link])
    assert project.links(doc.id) == [link]
    assert session.index.links_to(anne.id) == [link]
    assert project.edit_log(doc.id)[-1]["action"] == "link"


# --- refusals --------------------------------------------------------------------------------
def _refused(
    session: DocumentSession,
    project: Project,
    doc: Document,
    changes: list[Change],
    match: str,
    spans: list[Span] = (),
    links: list[Link] = (),
) -> None:  # type: ignore[assignment]
    before_db, before_index = _db_state(project, doc.id), _index_state(session)
    log_len = len(project.edit_log())
    with pytest.raises(EditRefused, match=match):
        session.add(spans, links)
    assert _db_state(project, doc.id) == before_db
    assert _index_state(session) == before_index
    assert len(project.edit_log()) == log_len
    assert changes == []


def test_span_past_the_text_end_refused(session, project, doc, changes) -> None:
    good = _span(doc, "آن ليند")
    bad = Span(new_id(), doc.id, "entity", "PERS", len(TEXT) - 2, len(TEXT) + 1)
    _refused(session, project, doc, changes, "past the text", [good, bad])


def test_span_ending_exactly_at_the_text_end_accepted(session, doc) -> None:
    span = Span(new_id(), doc.id, "entity", "CARDINAL", len(TEXT) - 6, len(TEXT))
    session.add([span])
    assert span.id in session.index


def test_unknown_label_refused(session, project, doc, changes) -> None:
    _refused(
        session, project, doc, changes, "unknown label", [_span(doc, "آن ليند", label="PERSON")]
    )


def test_label_of_the_wrong_kind_refused(session, project, doc, changes) -> None:
    _refused(
        session,
        project,
        doc,
        changes,
        "QUOTE is for quote, not entity",
        [_span(doc, "آن ليند", label="QUOTE")],
    )
    _refused(
        session,
        project,
        doc,
        changes,
        "is for entity",
        [_span(doc, "الحوار", kind="quote", label="PERS")],
    )


def test_bad_attribute_value_refused(session, project, doc, changes) -> None:
    quote = replace(_quote(doc), attrs={"type": "whispered"})
    _refused(session, project, doc, changes, "quote.type cannot be 'whispered'", [quote])
    _refused(
        session, project, doc, changes, "no attribute", [replace(_quote(doc), attrs={"tone": "x"})]
    )


def test_span_of_another_document_refused(session, project, doc, changes) -> None:
    other = replace(_span(doc, "آن ليند"), doc_id="doc-other")
    _refused(session, project, doc, changes, "another document", [other])


def test_existing_span_id_refused(session, project, doc, changes) -> None:
    anne = _span(doc, "آن ليند")
    session.add([anne])
    changes.clear()
    _refused(session, project, doc, changes, "exists already", [replace(anne, label="NORP")])


def test_link_joining_wrong_kinds_refused(session, project, doc, changes) -> None:
    anne, place, quote = _span(doc, "آن ليند"), _span(doc, "ستوكهولم", label="GPE"), _quote(doc)
    session.add([anne, place, quote])
    changes.clear()
    _refused(
        session,
        project,
        doc,
        changes,
        "cannot join a entity to a entity",
        links=[Link(new_id(), doc.id, "speaker", anne.id, place.id)],
    )
    _refused(
        session,
        project,
        doc,
        changes,
        "cannot join a entity to a quote",
        links=[Link(new_id(), doc.id, "speaker", anne.id, quote.id)],
    )
    _refused(
        session,
        project,
        doc,
        changes,
        "unknown link type",
        links=[Link(new_id(), doc.id, "author", quote.id, anne.id)],
    )


def test_link_to_a_missing_span_refused(session, project, doc, changes) -> None:
    quote = _quote(doc)
    session.add([quote])
    changes.clear()
    _refused(
        session,
        project,
        doc,
        changes,
        "not in the document",
        links=[Link(new_id(), doc.id, "speaker", quote.id, "no-such-span")],
    )
    # the span and its link in one batch: the whole batch is refused
    anne = _span(doc, "آن ليند")
    _refused(
        session,
        project,
        doc,
        changes,
        "not in the document",
        [anne],
        [Link(new_id(), doc.id, "speaker", "missing", anne.id)],
    )


# --- update / relabel / set_attrs ------------------------------------------------------------
def test_update_relabel_set_attrs(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    place, quote = _span(doc, "ستوكهولم", label="LOC"), _quote(doc)
    session.add([place, quote])
    changes.clear()

    old = session.relabel([place.id], "GPE")
    assert old == [place]
    new_place = replace(place, label="GPE")
    assert changes == [Change(updated=[(place, new_place)])]
    assert session.index[place.id] == new_place
    assert project.spans(doc.id, ["entity"]) == [new_place]

    old = session.set_attrs(quote.id, type="indirect")
    new_quote = replace(quote, attrs={"type": "indirect"})
    assert old == [quote]
    assert changes[-1] == Change(updated=[(quote, new_quote)])
    assert project.spans(doc.id, ["quote"]) == [new_quote]

    actions = [r["action"] for r in project.edit_log(doc.id)]
    assert actions[-2:] == ["relabel", "attrs"]


def test_update_refusals(session, project, doc, changes) -> None:
    place, quote = _span(doc, "ستوكهولم", label="LOC"), _quote(doc)
    session.add([place, quote])
    changes.clear()
    before = _db_state(project, doc.id), _index_state(session)
    with pytest.raises(EditRefused, match="is for quote"):
        session.relabel([place.id], "QUOTE")
    with pytest.raises(EditRefused, match="unknown label"):
        session.relabel([place.id], "CITY")
    with pytest.raises(EditRefused, match="cannot be"):
        session.set_attrs(quote.id, type="sung")
    with pytest.raises(EditRefused, match="keeps the kind and range"):
        session.update([replace(place, end=place.end - 1)])
    with pytest.raises(EditRefused, match="not in the document"):
        session.update([replace(place, id="ghost")])
    # one bad span in a batch refuses the batch
    with pytest.raises(EditRefused):
        session.update([replace(place, label="GPE"), replace(quote, attrs={"type": "sung"})])
    assert (_db_state(project, doc.id), _index_state(session)) == before
    assert changes == []


# --- remove / restore ------------------------------------------------------------------------
def _quote_scene(session: DocumentSession, doc: Document) -> dict[str, object]:
    anne = _span(doc, "آن ليند")
    place = _span(doc, "ستوكهولم", label="GPE")
    quote = _quote(doc)
    cue = _span(doc, "قالت", "cue", "CUE")
    claim = Span(
        new_id(),
        doc.id,
        "claim",
        "CLAIM",
        *_at("سترسل مساعدات بقيمة عشرة ملايين دولار"),
        {"checkworthy": "yes", "type": "statistic"},
        "token",
        "tester",
    )
    speaker = Link("l-speaker", doc.id, "speaker", quote.id, anne.id)
    cue_link = Link("l-cue", doc.id, "cue", quote.id, cue.id)
    claimant = Link("l-claimant", doc.id, "claimant", claim.id, anne.id)
    session.add([anne, place, quote, cue, claim], [speaker, cue_link, claimant])
    return dict(
        anne=anne,
        place=place,
        quote=quote,
        cue=cue,
        claim=claim,
        speaker=speaker,
        cue_link=cue_link,
        claimant=claimant,
    )


def test_removal_for_collects_every_touching_link(session: DocumentSession, doc: Document) -> None:
    s = _quote_scene(session, doc)
    removal = session.removal_for([s["anne"].id])
    assert removal.spans == (s["anne"],)
    assert set(removal.links) == {s["speaker"], s["claimant"]}
    removal = session.removal_for([s["quote"].id, s["anne"].id, s["quote"].id])
    assert removal.spans == (s["quote"], s["anne"])
    assert set(removal.links) == {s["speaker"], s["cue_link"], s["claimant"]}
    assert len(removal.links) == 3  # the shared link is listed once
    assert session.removal_for([s["place"].id]) == Removal((s["place"],), ())


def test_dependents_finds_quotes_and_claims_that_refer_to_an_entity(
    session: DocumentSession, doc: Document
) -> None:
    s = _quote_scene(session, doc)
    assert {d.id for d in session.dependents([s["anne"].id])} == {s["quote"].id, s["claim"].id}
    assert session.dependents([s["cue"].id]) == [s["quote"]]
    assert session.dependents([s["anne"].id, s["quote"].id, s["claim"].id]) == []
    assert session.dependents([s["place"].id]) == []
    assert session.dependents([s["quote"].id]) == []  # the quote links out, nothing links in


def test_remove_then_restore_is_identical(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    s = _quote_scene(session, doc)
    before_db, before_index = _db_state(project, doc.id), _index_state(session)
    changes.clear()

    removal = session.remove([s["anne"].id, s["cue"].id])
    assert changes == [Change(removed=[s["anne"], s["cue"]], links_removed=list(removal.links))]
    assert set(removal.links) == {s["speaker"], s["cue_link"], s["claimant"]}
    assert project.links(doc.id) == []
    assert {x.id for x in project.spans(doc.id)} == {s["place"].id, s["quote"].id, s["claim"].id}
    assert session.index.links() == []
    assert s["anne"].id not in session.index
    assert session.index.links_of(s["quote"].id) == []

    change = session.restore(removal)
    assert change == Change(added=[s["anne"], s["cue"]], links_added=list(removal.links))
    assert changes[-1] == change
    assert _db_state(project, doc.id) == before_db
    assert _index_state(session) == before_index
    assert _index_state(DocumentSession(project, doc.id)) == before_index
    assert [r["action"] for r in project.edit_log(doc.id)][-2:] == ["delete", "restore"]


def test_restore_by_another_annotator_keeps_authorship(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    with Project(path, annotator="amina") as first:
        d = Document.create(TEXT, "sweden.txt")
        first.add_document(d)
        first_session = DocumentSession(first, d.id)
        quote = replace(_quote(d), annotator="amina")
        anne = replace(_span(d, "آن ليند"), annotator="amina")
        first_session.add([quote, anne], [Link("l1", d.id, "speaker", quote.id, anne.id)])
    with Project(path, annotator="youssef") as second:
        session = DocumentSession(second, d.id)
        before = _db_state(second, d.id)
        assert {x.annotator for x in before[0]} == {"amina"}
        session.restore(session.remove([anne.id]))
        assert _db_state(second, d.id) == before


def test_remove_unknown_span_raises_and_changes_nothing(session, project, doc, changes) -> None:
    _quote_scene(session, doc)
    changes.clear()
    before = _db_state(project, doc.id)
    with pytest.raises(KeyError):
        session.remove(["ghost"])
    assert _db_state(project, doc.id) == before
    assert changes == []


def test_remove_links(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    s = _quote_scene(session, doc)
    changes.clear()
    removed = session.remove_links([s["speaker"].id, "no-such-link"])
    assert removed == [s["speaker"]]
    assert changes == [Change(links_removed=[s["speaker"]])]
    assert {lk.id for lk in project.links(doc.id)} == {"l-cue", "l-claimant"}
    assert session.index.link("l-speaker") is None
    assert session.index.links_to(s["anne"].id) == [s["claimant"]]
    # the spans stay
    assert len(project.spans(doc.id)) == 5
    assert project.edit_log(doc.id)[-1]["action"] == "unlink"
    # and the link can be put back
    session.add_links(removed)
    assert {lk.id for lk in project.links(doc.id)} == {"l-speaker", "l-cue", "l-claimant"}


def test_observer_list_may_change_during_notification(
    session: DocumentSession, doc: Document
) -> None:
    seen: list[str] = []

    def once(change: Change) -> None:
        seen.append("once")
        session.observers.remove(once)

    session.observers.extend([once, lambda c: seen.append("always")])
    session.add([_span(doc, "آن ليند")])
    session.add([_span(doc, "ستوكهولم", label="GPE")])
    assert seen == ["once", "always", "always"]


def test_change_spans_touched() -> None:
    a = Span("a", "d", "entity", "PERS", 0, 2)
    b = Span("b", "d", "entity", "PERS", 3, 5)
    c = Span("c", "d", "entity", "PERS", 6, 8)
    change = Change(added=[a], removed=[b], updated=[(c, replace(c, label="ORG"))])
    assert change.spans_touched() == [a, b, replace(c, label="ORG")]


def test_reload_labels_after_a_rename(
    session: DocumentSession, project: Project, doc: Document, changes: list[Change]
) -> None:
    anne = _span(doc, "آن ليند")
    session.add([anne])
    changes.clear()
    project.save_schema(
        project.schema().with_label_changed("PERS", name="PERSON"), {"PERS": "PERSON"}
    )
    session.reload_labels()
    assert session.index[anne.id].label == "PERSON"
    assert changes == [Change(updated=[(anne, replace(anne, label="PERSON"))])]
    session.relabel([anne.id], "PERSON")  # valid against the new schema


def test_link_type_limit_is_enforced_when_editing(project) -> None:
    """A quote has at most one speaker (max_per_source in the schema)."""
    from annotation.documents import Document
    from annotation.spans import Link, Span
    from storage.session import DocumentSession, EditRefused

    doc = Document.create("قال بوتين وكيري «نعم»", "limit.txt")
    project.add_document(doc)
    session = DocumentSession(project, doc.id)
    quote = Span("q1", doc.id, "quote", "QUOTE", 17, 20, {"type": "direct"})
    a = Span("e1", doc.id, "entity", "PERS", 4, 9)
    b = Span("e2", doc.id, "entity", "PERS", 10, 15)
    session.add([quote, a, b], [Link("l1", doc.id, "speaker", "q1", "e1")])
    with pytest.raises(EditRefused, match="at most 1 speaker"):
        session.add_links([Link("l2", doc.id, "speaker", "q1", "e2")])
    assert [lk.target for lk in project.links(doc.id)] == ["e1"]
    session.remove_links(["l1"])
    session.add_links([Link("l2", doc.id, "speaker", "q1", "e2")])
    assert [lk.target for lk in project.links(doc.id)] == ["e2"]
