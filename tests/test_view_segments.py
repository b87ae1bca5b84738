"""How overlapping entities are cut into painted segments (checked against brute force)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.schema import load_default_schema
from annotation.spans import Span
from tests.hypothesis_budget import examples

SCHEMA = load_default_schema()
LABELS = [lab.name for lab in SCHEMA.labels_for("entity")][:5]

spans_st = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(LABELS)), max_size=12
).map(
    lambda items: [
        Span(f"s{i}", "d", "entity", lab, a, a + n) for i, (a, n, lab) in enumerate(items)
    ]
)


def test_segments_match_brute_force(qtbot) -> None:
    from ui.document_view import DocumentView

    view = DocumentView()
    qtbot.addWidget(view)
    view.schema = SCHEMA

    @settings(max_examples=examples(300), deadline=None)
    @given(spans_st)
    def check(spans: list[Span]) -> None:
        segments = view.entity_segments(spans)
        covered = {p for s in spans for p in range(s.start, s.end)}
        painted = [p for a, b, *_ in segments for p in range(a, b)]
        assert sorted(painted) == sorted(covered)  # exactly the union, no overlap
        for a, b, color, underline, _active in segments:
            for p in (a, b - 1):
                here = [s for s in spans if s.start <= p < s.end]
                inner = min(here, key=lambda s: (s.length, s.start))
                outer = max(here, key=lambda s: (s.length, -s.start))
                assert color == SCHEMA.label(inner.label).color
                assert underline == (
                    SCHEMA.label(outer.label).color if outer is not inner else None
                )

    check()
