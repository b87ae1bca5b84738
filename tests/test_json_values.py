"""iter_json_values: each JSON value of an interchange file with the line it starts on."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from storage.formats.common import iter_json_values

_VALUES = st.lists(
    st.dictionaries(
        st.sampled_from(["text", "label", "id"]),
        st.one_of(st.integers(), st.text(alphabet="قلم \n«»", max_size=6)),
        min_size=1,
    ),
    min_size=1,
    max_size=8,
)
_GAPS = st.lists(st.sampled_from(["\n", "\r\n", " ", "\n\n", "\t"]), min_size=8, max_size=8)


def _lines_expected(content: str, starts: list[int]) -> list[int]:
    return [content.count("\n", 0, s) + 1 for s in starts]


@given(_VALUES, _GAPS, st.booleans())
def test_every_value_comes_with_the_line_it_starts_on(
    values: list[dict[str, object]], gaps: list[str], pretty: bool
) -> None:
    content, starts = "", []
    for value, gap in zip(values, gaps, strict=False):
        content += gap
        starts.append(len(content))
        content += json.dumps(value, ensure_ascii=False, indent=2 if pretty else None)
    found = list(iter_json_values(content))
    assert [v for _, v in found] == values
    assert [line for line, _ in found] == _lines_expected(content, starts)


@given(_VALUES, _GAPS)
def test_the_elements_of_one_array_come_with_their_lines(
    values: list[dict[str, object]], gaps: list[str]
) -> None:
    content, starts = "[", []
    for i, (value, gap) in enumerate(zip(values, gaps, strict=False)):
        content += ("," if i else "") + gap
        starts.append(len(content))
        content += json.dumps(value, ensure_ascii=False, indent=1)
    content += "\n]\n"
    found = list(iter_json_values(content))
    assert [v for _, v in found] == values
    assert [line for line, _ in found] == _lines_expected(content, starts)
