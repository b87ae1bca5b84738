"""storage.formats.json_values: each JSON value of an interchange file with the line it starts
on, read as a stream (any chunk boundaries give the same values and lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.formats import json_values
from storage.formats.json_values import JsonFileError, iter_json_file, iter_json_values

_VALUES = st.lists(
    st.dictionaries(
        st.sampled_from(["text", "label", "id", "tokens"]),
        st.one_of(
            st.integers(),
            st.booleans(),
            st.none(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(alphabet='قلم \n«»"\\😀', max_size=6),
            st.lists(st.integers(), max_size=3),
        ),
        min_size=1,
    ),
    min_size=1,
    max_size=8,
)
_GAPS = st.lists(st.sampled_from(["\n", "\r\n", " ", "\n\n", "\t", ""]), min_size=8, max_size=8)


def _lines_expected(content: str, starts: list[int]) -> list[int]:
    return [content.count("\n", 0, s) + 1 for s in starts]


def _split(content: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(content) + 1) for c in cuts})
    return [content[a:b] for a, b in zip([0, *points], [*points, len(content)], strict=True)]


def _values_file(
    values: list[dict[str, object]], gaps: list[str], pretty: bool
) -> tuple[str, list[int]]:
    content, starts = "", []
    for value, gap in zip(values, gaps, strict=False):
        content += gap or " "
        starts.append(len(content))
        content += json.dumps(value, ensure_ascii=False, indent=2 if pretty else None)
    return content, starts


def _array_file(values: list[dict[str, object]], gaps: list[str]) -> tuple[str, list[int]]:
    content, starts = "[", []
    for i, (value, gap) in enumerate(zip(values, gaps, strict=False)):
        content += ("," if i else "") + gap
        starts.append(len(content))
        content += json.dumps(value, ensure_ascii=False, indent=1)
    return content + "\n]\n", starts


@given(_VALUES, _GAPS, st.booleans(), st.lists(st.integers(min_value=0), max_size=12))
def test_every_value_comes_with_the_line_it_starts_on_whatever_the_chunks(
    values: list[dict[str, object]], gaps: list[str], pretty: bool, cuts: list[int]
) -> None:
    content, starts = _values_file(values, gaps, pretty)
    expected = list(zip(_lines_expected(content, starts), values, strict=True))
    assert list(iter_json_values(content)) == expected
    assert list(json_values._values(_split(content, cuts))) == expected


@given(_VALUES, _GAPS, st.lists(st.integers(min_value=0), max_size=12))
def test_the_elements_of_one_array_come_with_their_lines_whatever_the_chunks(
    values: list[dict[str, object]], gaps: list[str], cuts: list[int]
) -> None:
    content, starts = _array_file(values, gaps)
    expected = list(zip(_lines_expected(content, starts), values, strict=True))
    assert list(json_values._values(_split(content, cuts))) == expected


def test_a_file_is_read_a_chunk_at_a_time_with_its_bom_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_values, "CHUNK_BYTES", 7)  # every value and character cut
    records = [{"id": f"d{i}", "text": f"قال الوزير {i} 😀", "n": 10**i} for i in range(30)]
    path = tmp_path / "tasks.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    )
    assert list(iter_json_file(path)) == [(i + 1, r) for i, r in enumerate(records)]


def test_broken_json_gives_the_values_before_it_then_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    path.write_text('{"id": 1}\n{"id": 2}\n{"id": 3, "text": }\n{"id": 4}\n', encoding="utf-8")
    got = []
    with pytest.raises(JsonFileError, match=r"^line 3: not valid JSON \(Expecting value\)"):
        for line, value in iter_json_file(path):
            got.append((line, value))
    assert got == [(1, {"id": 1}), (2, {"id": 2})]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"id": 1},\n{"id": 2}\n', r"^line 3: not valid JSON \(the array is not closed\)"),
        ('[{"id": 1}]\n{"id": 2}\n', r"^line 2: more JSON after the top-level array"),
        ('{"id": 1}\n{"text": "cut', r"^line 2: not valid JSON \(Unterminated string"),
        ('{"id": 1}\n\n{"a": [1, 2', r"^line 3: not valid JSON \(Expecting"),
        ('{"id": 1}\n{"a": [1\n{"id": 3}\n', r"^line 2: not valid JSON \(.* at line 3\)"),
    ],
)
def test_what_cannot_be_read_is_named_by_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    monkeypatch.setattr(json_values, "CHUNK_BYTES", 5)
    path = tmp_path / "tasks.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(JsonFileError, match=message):
        list(iter_json_file(path))


def test_bytes_that_are_not_utf8_are_named_by_their_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_values, "CHUNK_BYTES", 4)
    data = '{"text": "قلم"}\n'.encode()
    path = tmp_path / "tasks.jsonl"
    path.write_bytes(data + b'{"text": "\xff"}\n')
    with pytest.raises(JsonFileError, match=rf"undecodable byte at offset {len(data) + 10}\)"):
        list(iter_json_file(path))


def test_a_value_that_never_ends_is_refused_before_it_fills_the_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_values, "CHUNK_BYTES", 64)
    monkeypatch.setattr(json_values, "LONGEST_VALUE", 1000)
    path = tmp_path / "tasks.jsonl"
    path.write_text('{"id": 1}\n{"text": "' + "ق" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(JsonFileError, match=r"^line 2: a JSON value longer than"):
        list(iter_json_file(path))
