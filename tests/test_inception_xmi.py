"""The INCEpTION export's own XMI writer (storage.formats.inception.xmi_bytes) writes, byte for
byte, what dkpro-cassis writes for the same CAS (`to_cas(...).to_xmi()`): on the interchange
test document, on a project filled the way the window fills it, and on generated documents
with astral characters, control characters, XML's special characters and every kind of span
and attribute value."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from interop_support import make_project

from annotation.schema import load_default_schema
from storage.exporter import export_records
from storage.formats import inception
from storage.formats.common import Context, Edge, Graph, Node, record_to_graph
from storage.formats.interop import _context
from tests.hypothesis_budget import examples
from tests.test_export import rich  # noqa: F401 - the fixture: a project with every kind


@pytest.fixture(scope="module")
def ts():
    return inception.typesystem()


def _both(graph: Graph, ctx: Context, ts) -> tuple[bytes, bytes]:
    return inception.xmi_bytes(graph, ctx), inception.to_cas(graph, ctx, ts).to_xmi().encode()


def test_the_interchange_document_and_a_rich_project(tmp_path: Path, ts, request) -> None:
    projects = [make_project(tmp_path), request.getfixturevalue("rich")]
    seen = 0
    for project in projects:
        ctx = _context(project, "inception", None)
        for record in export_records(project):
            ours, theirs = _both(record_to_graph(record, ctx.labels), ctx, ts)
            assert ours == theirs
            seen += 1
    assert seen >= 3


_PIECES = st.sampled_from(
    [
        "قال", "بوتين", " ", "\n", "\r\n", "\t", "😀", "🇸🇦", "𝕏", "&", "<", ">", '"', "'",
        "\x1a", "\x07", "\ufeff", "\ufffe", "«", "»", "ـ", "َ", "١٠٪", ".", "AT&T",
    ]
)  # fmt: skip
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.lists(_PIECES, max_size=4).map("".join)
)
_KINDS = ("entity", "quote", "claim", "cue", "mention")
_ATTRS = ("type", "checkworthy", "note", "claimant_article", "extra", "عربي")


@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    text = draw(st.lists(_PIECES, min_size=1, max_size=40).map("".join))
    nodes = []
    for i in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(_KINDS))
        names = draw(st.lists(st.sampled_from(_ATTRS), max_size=3, unique=True))
        attrs = {name: draw(_VALUES) for name in names}
        attrs = {k: v for k, v in attrs.items() if v is not None or kind != "entity"}
        boundary = draw(st.sampled_from(["token", "exact", "strip_clitics"]))
        nodes.append(Node(f"n{i}", kind, draw(st.sampled_from(["PERS", "GPE"])), start, end,
                          attrs, boundary))  # fmt: skip
    edges = []
    if len(nodes) > 1:
        for _ in range(draw(st.integers(0, 4))):
            a, b = draw(st.permutations(range(len(nodes))))[:2]
            kind = draw(st.sampled_from(["speaker", "cue", "claimant", "in_quote"]))
            edges.append(Edge(kind, nodes[a].id, nodes[b].id))
    source = draw(st.lists(_PIECES, max_size=5).map("".join))
    status = draw(st.sampled_from(["new", "in_progress", "done"]))
    return Graph("doc-x", text, source, status, nodes, edges)


@settings(max_examples=examples(200), deadline=None)
@given(graphs(), st.sampled_from(["keep", "split"]))
def test_generated_documents(ts, graph: Graph, clitics: str) -> None:
    ctx = Context(load_default_schema(), "utf16", clitics=clitics)
    ours, theirs = _both(graph, ctx, ts)
    assert ours == theirs


def test_the_export_reads_back_with_cassis(tmp_path: Path) -> None:
    import zipfile

    import cassis

    from storage.formats.interop import export_project

    project = make_project(tmp_path)
    export_project(project, "inception", tmp_path / "out")
    (path,) = (tmp_path / "out").glob("*.zip")
    with zipfile.ZipFile(path) as zf:
        xmi = next(n for n in zf.namelist() if n.endswith(".xmi"))
        ts = cassis.load_typesystem(zf.read("TypeSystem.xml").decode("utf-8"))
        cas = cassis.load_cas_from_xmi(zf.read(xmi).decode("utf-8"), typesystem=ts)
    text = project.document(project.document_ids()[0]).text
    assert cas.sofa_string == text
    names = [fs.get_covered_text() for fs in cas.select(inception.NE)]
    assert "بوتين" in names and "موسكو" in names
