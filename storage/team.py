"""Team work: hand documents out to annotators (assign), bring their files back as layers of
the lead project (merge), and open a project for reading without writing a byte (snapshot).

Writes go through DocumentSession (validated against the schema, one transaction per file).
See docs/adr/0003-annotator-layers.md for what a layer is.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import secrets
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotation.agreement import AgreementReport, DocumentData, LayerData, agreement
from annotation.documents import Document
from annotation.errors import HashiyaError
from annotation.layers import DEFAULT_LAYER, GOLD, LayerError, check_annotator_name
from annotation.schema import LabelSchema
from annotation.spans import Link, Span
from storage.exporter import layer_spans
from storage.project import Project, ProjectError, _check_existing_file
from storage.session import DocumentSession, EditRefused

PROJECT_SUFFIX = ".hashiya"
# Set in each file `assign` writes: whose file it is, so that merge knows the layer even when
# the annotator's window ran under another OS user name.
ANNOTATOR_SETTING = "team.annotator"
GUIDELINES_TABLE = "guidelines"
# Set in a lead project the first time a file is merged into it (see editing_layer).
MERGED_SETTING = "team.merged"


class TeamError(HashiyaError):
    """An assign or merge refusal; str() is one line naming the file and the reason."""


# --- read-only snapshot --------------------------------------------------------------------
@contextmanager
def snapshot(path: str | Path) -> Iterator[Project]:
    """The project at path, read through a private copy: the file itself (and its -wal) is
    never written, and an older file is upgraded in the copy only. Refusals as Project's."""
    path = Path(path)
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    _check_existing_file(path)
    with tempfile.TemporaryDirectory(prefix="hashiya-snapshot-") as tmp:
        copy = Path(tmp) / "copy.hashiya"
        wal = Path(f"{path}-wal").exists()
        uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?mode=ro&immutable=1")
        try:
            src = sqlite3.connect(uri, uri=True)
            dst = sqlite3.connect(copy)
            try:
                src.backup(dst)
            finally:
                src.close()
                dst.close()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: cannot read the project ({exc})") from None
        project = Project(copy, annotator=GOLD)  # a name merge and agreement skip
        try:
            yield project
        finally:
            project.close()


def editing_layer(project: Project, doc_id: str) -> str | None:
    """The layer the editor opens a document on: the current annotator's in a project that
    other people's files were merged into, when someone else has spans or a status in the
    document (so that the lead never edits their spans by accident); else None, every span
    (a one-person project, even one whose spans carry several names, or an annotator's own
    file from `assign`)."""
    if project.setting(ANNOTATOR_SETTING, "") or not project.setting(MERGED_SETTING, ""):
        return None  # an annotator's own file, or a project nobody merged work into
    started = {n for n, status in project.statuses(doc_id).items() if status != "new"}
    others = (project.layer_names(doc_id) | started) - {project.annotator_name}
    return project.annotator_name if others else None


# --- assign --------------------------------------------------------------------------------
@dataclass
class Assignment:
    shared: list[str]  # document ids every annotator gets
    documents: dict[str, list[str]]  # annotator -> document ids, in project order
    seed: int


def plan_assignment(
    doc_ids: Sequence[str], annotators: Sequence[str], overlap: float, seed: int
) -> Assignment:
    """round(overlap × n) documents, drawn with the seed, go to everyone; the others are
    shuffled and dealt in turn, so every document is annotated at least once."""
    if not annotators:
        raise TeamError("no annotators given")
    if not 0.0 <= overlap <= 1.0:
        raise TeamError(f"overlap {overlap} is not between 0 and 1")
    rng = random.Random(seed)
    shared = set(rng.sample(list(doc_ids), round(overlap * len(doc_ids))))
    rest = [d for d in doc_ids if d not in shared]
    rng.shuffle(rest)
    dealt = {name: set(shared) for name in annotators}
    for i, doc_id in enumerate(rest):
        dealt[annotators[i % len(annotators)]].add(doc_id)
    return Assignment(
        [d for d in doc_ids if d in shared],
        {name: [d for d in doc_ids if d in dealt[name]] for name in annotators},
        seed,
    )


def assign(
    lead: Project,
    annotators: Sequence[str],
    out_dir: str | Path,
    overlap: float = 0.2,
    seed: int | None = None,
    with_annotations: bool = False,
) -> tuple[Assignment, dict[str, Path]]:
    """Write out_dir/NAME.hashiya for each annotator: the lead's label schema, settings and
    guidelines, and the documents assigned to them (status new). with_annotations copies the
    lead's annotations of those documents (its default export layer) into the annotator's
    layer. Refuses before writing anything when a target file exists."""
    for name in annotators:
        try:
            check_annotator_name(name)
        except LayerError as exc:
            raise TeamError(str(exc)) from None
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise TeamError(f"{out}: is a file; --out needs a folder")
    targets = {name: out / f"{name}{PROJECT_SUFFIX}" for name in annotators}
    for path in targets.values():
        if path.exists():
            raise TeamError(f"{path}: exists already (an annotator's work is never overwritten)")
    plan = plan_assignment(
        lead.document_ids(), annotators, overlap, secrets.randbelow(2**31) if seed is None else seed
    )
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    try:
        for name, path in targets.items():
            _write_annotator_file(lead, name, path, plan.documents[name], with_annotations)
            written[name] = path
    except BaseException:
        for path in [*written.values(), targets[name]]:
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(FileNotFoundError):  # never created
                    p.unlink()
        raise
    return plan, written


_DOCUMENTS_PER_INSERT = 256


def _write_annotator_file(
    lead: Project, name: str, path: Path, doc_ids: list[str], with_annotations: bool
) -> None:
    with Project(path, annotator=name) as target, target.transaction():
        target.save_schema(lead.schema())
        for key, value in lead.db.execute("SELECT key, value FROM settings ORDER BY key"):
            target.set_setting(key, value)
        target.set_setting(ANNOTATOR_SETTING, name)
        _copy_guidelines(lead, target)
        # documents a batch at a time (the search index takes a batch in one statement),
        # in the lead's order; then, asked for, each one's annotations
        for i in range(0, len(doc_ids), _DOCUMENTS_PER_INSERT):
            chunk = doc_ids[i : i + _DOCUMENTS_PER_INSERT]
            target.add_documents([replace(lead.document(d), status="new") for d in chunk])
        if not with_annotations:
            return
        for doc_id in doc_ids:
            chosen = layer_spans(lead, doc_id, DEFAULT_LAYER)
            if chosen is None:  # several annotators, not curated: nothing to pre-annotate with
                continue
            spans, links = chosen
            DocumentSession(target, doc_id).add(
                [replace(s, annotator=name) for s in spans],
                [replace(lk, annotator=name) for lk in links],
                action="assign",
            )


def _copy_guidelines(lead: Project, target: Project) -> None:
    """The guidelines table, when this version of the project file has one."""
    if GUIDELINES_TABLE not in lead.db.table_names():
        return
    rows = lead.db.execute(f"SELECT * FROM {GUIDELINES_TABLE}").fetchall()
    if rows:
        marks = ",".join("?" * len(rows[0]))
        target.db.conn.executemany(
            f"INSERT OR REPLACE INTO {GUIDELINES_TABLE} VALUES ({marks})", rows
        )


# --- merge ---------------------------------------------------------------------------------
@dataclass
class MergedFile:
    path: Path
    layers: dict[str, int] = field(default_factory=dict)  # annotator -> spans in their layer
    documents: int = 0


@dataclass
class MergeReport:
    merged: list[MergedFile] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one line each, naming the file

    @property
    def ok(self) -> bool:
        return not self.refused


def expand_project_paths(paths: Iterable[str | Path]) -> list[Path]:
    """A folder becomes its *.hashiya files (sorted, not recursive); files stay as given."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob(f"*{PROJECT_SUFFIX}") if p.is_file())
            out.extend(found if found else [path])
        else:
            out.append(path)
    return out


def merge(lead: Project, paths: Iterable[str | Path]) -> MergeReport:
    report = MergeReport()
    for path in expand_project_paths(paths):
        if path.resolve() == lead.path.resolve():
            report.refused.append(f"{path}: is the lead project itself")
            continue
        if path.is_dir():
            report.refused.append(f"{path}: is a folder without {PROJECT_SUFFIX} files")
            continue
        try:
            report.merged.append(merge_file(lead, path))
        except (TeamError, ProjectError) as exc:
            report.refused.append(" ".join(str(exc).split()))
    return report


def schema_difference(a: LabelSchema, b: LabelSchema) -> str | None:
    """What makes two label schemas different for merging (colours, keys and titles do not
    count), or None."""

    def essence(schema: LabelSchema) -> dict[str, Any]:
        d = schema.to_dict()
        return {
            "kind": {k["name"] for k in d["kinds"]},
            "label": {(lab["name"], lab["kind"]) for lab in d["labels"]},
            "attribute": {
                (x["kind"], x["name"], tuple(x["values"]) if x["values"] is not None else None)
                for x in d["attributes"]
            },
            "link type": {
                (x["name"], tuple(x["from"]), tuple(x["to"]), x["max_per_source"])
                for x in d["link_types"]
            },
        }

    ea, eb = essence(a), essence(b)
    for what in ea:
        differing = sorted(ea[what] ^ eb[what], key=repr)
        if differing:
            item = differing[0]
            if what == "kind":
                name = item
            elif what == "attribute":
                name = f"{item[0]}.{item[1]}"
            else:
                name = item[0]
            return f"{what} {name} differs"
    return None


def _layer_id(annotator: str, original: str) -> str:
    """A merged span's or link's id: stable for (annotator, original id), so merging again
    rewrites the same ids, and never the id the lead's own copy of a pre-annotation has."""
    return hashlib.sha256(f"{annotator}\x1f{original}".encode()).hexdigest()[:12]


def merge_file(lead: Project, path: Path) -> MergedFile:
    """Replace, for every document of the file, the layer of each annotator in it with their
    spans, links and status from the file. All or nothing per file."""
    result = MergedFile(path)
    with snapshot(path) as source:
        difference = schema_difference(lead.schema(), source.schema())
        if difference is not None:
            raise TeamError(f"{path}: not merged: another label schema ({difference})")
        owner = source.setting(ANNOTATOR_SETTING, "")
        doc_ids = source.document_ids()
        for doc_id in doc_ids:
            doc = source.document(doc_id)
            if not lead.has_sha(doc.sha256):
                raise TeamError(
                    f"{path}: not merged: document {doc.source} ({doc.id}) is not in the lead "
                    "project (no document with the same text, by SHA-256)"
                )
        layers = _layers_of(source, doc_ids, owner, path)
        try:
            with lead.transaction():
                for doc_id in doc_ids:
                    _merge_document(lead, source, doc_id, layers, owner, result)
                if not lead.setting(MERGED_SETTING, ""):
                    lead.set_setting(MERGED_SETTING, "yes")
        except EditRefused as exc:
            raise TeamError(f"{path}: not merged: {exc}") from None
    result.documents = len(doc_ids)
    return result


def _layers_of(source: Project, doc_ids: list[str], owner: str, path: Path) -> list[str]:
    """The annotators whose layers the file brings: its owner (a file `assign` wrote), else
    every annotator with spans or a status in it; the gold layer is never merged."""
    if owner:
        names = {owner}
    else:
        rows = source.db.execute(
            "SELECT n.name FROM annotators n WHERE EXISTS (SELECT 1 FROM annotations a "
            "WHERE a.annotator_id = n.id) OR EXISTS (SELECT 1 FROM document_status s "
            "WHERE s.annotator_id = n.id)"
        ).fetchall()
        names = {r[0] for r in rows} - {GOLD}
    for name in names:
        try:
            check_annotator_name(name)
        except LayerError as exc:
            raise TeamError(f"{path}: not merged: {exc}") from None
    if not names and doc_ids:
        raise TeamError(f"{path}: not merged: nobody annotated or set a status in it")
    return sorted(names)


def _merge_document(
    lead: Project,
    source: Project,
    doc_id: str,
    layers: list[str],
    owner: str,
    result: MergedFile,
) -> None:
    doc: Document = source.document(doc_id)
    statuses = source.statuses(doc_id)
    for name in layers:
        if owner:  # the whole file is the owner's (pre-annotations they kept included)
            spans = [s for s in source.spans(doc_id) if s.annotator != GOLD]
            links = source.links(doc_id)
        else:
            spans = source.spans(doc_id, annotator=name)
            links = source.links(doc_id, annotator=name)
        ids = {s.id for s in spans}
        new_spans = [replace(s, id=_layer_id(name, s.id), annotator=name) for s in spans]
        new_links = [
            Link(
                _layer_id(name, lk.id),
                lk.doc_id,
                lk.type,
                _layer_id(name, lk.source),
                _layer_id(name, lk.target),
                name,
            )
            for lk in links
            if lk.source in ids and lk.target in ids
        ]
        session = DocumentSession(lead, doc_id, layer=name)
        old = session.index.all()
        if _same_layer(old, session.index.links(), new_spans, new_links):
            result.layers[name] = result.layers.get(name, 0) + len(new_spans)
        else:
            if old:
                session.remove([s.id for s in old], action="merge")
            if new_spans or new_links:
                session.add(new_spans, new_links, action="merge")
            result.layers[name] = result.layers.get(name, 0) + len(new_spans)
        status = statuses.get(name) or (doc.status if owner else None)
        if status is not None and lead.status_of(doc_id, name) != status:
            lead.set_status(doc_id, status, annotator=name)


def _same_layer(
    old: list[Span], old_links: list[Link], spans: list[Span], links: list[Link]
) -> bool:
    """Merging again what is already there writes nothing (not even the edit log)."""
    return {s.id: s for s in old} == {s.id: s for s in spans} and {
        (lk.id, lk.type, lk.source, lk.target) for lk in old_links
    } == {(lk.id, lk.type, lk.source, lk.target) for lk in links}


# --- agreement -----------------------------------------------------------------------------
def agreement_documents(
    project: Project, annotators: Sequence[str] | None = None
) -> Iterator[DocumentData]:
    """The documents at least two annotators (gold never counts) marked done, each with the
    layers of those who did, in project order: read one at a time as they are asked for, so a
    corpus's shared documents are never all in memory."""
    rows = project.db.execute(
        "SELECT s.doc_id, n.name FROM document_status s JOIN annotators n "
        "ON n.id = s.annotator_id JOIN documents d ON d.id = s.doc_id "
        "WHERE s.status = 'done' AND n.name != ? ORDER BY d.position, n.name",
        [GOLD],
    )
    for doc_id, group in groupby(rows, key=itemgetter(0)):
        names = [name for _, name in group if annotators is None or name in annotators]
        if len(names) < 2:
            continue
        doc = project.document(doc_id)
        spans = project.spans(doc_id)
        links = project.links(doc_id)
        layers = {}
        for name in names:
            mine = tuple(s for s in spans if s.annotator == name)
            ids = {s.id for s in mine}
            layers[name] = LayerData(mine, tuple(lk for lk in links if lk.source in ids))
        yield DocumentData(doc_id, doc.source, doc.text, layers)


def agreement_report(
    project: Project,
    kinds: Sequence[str] = ("entities", "quotes", "claims"),
    annotators: Sequence[str] | None = None,
) -> AgreementReport:
    return agreement(agreement_documents(project, annotators), kinds, annotators)
