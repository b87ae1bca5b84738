"""CoNLL and tokens-jsonl exports stream a long article in blocks cut at line breaks that no
entity crosses: the output is the same as for the whole text at once."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.formats import conll
from tests.hypothesis_budget import examples

WORDS = ["قال", "الرئيس", "بوتين", "وكيري", ".", "،", "«", "»", "؟", "موسكو", "1948م", "\n", "\n\n"]


@st.composite
def documents(draw: st.DrawFn) -> dict:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=120))
    text = " ".join(words).strip() or "نص"
    entities = []
    for _ in range(draw(st.integers(0, 12))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, min(len(text), a + 40)))
        entities.append({"start": a, "end": b, "label": draw(st.sampled_from(["PERS", "GPE"]))})
    return {"id": "d1", "text": text, "entities": entities}


def _write(records: list[dict], fmt: str, clitics: str, sentences: str) -> tuple[str, object]:
    out = io.StringIO()
    result = conll.write_records(records, out, fmt, clitics, sentences=sentences)
    return out.getvalue(), result


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(documents(), min_size=1, max_size=3),
    st.sampled_from(["conll", "tokens-jsonl"]),
    st.sampled_from(["keep", "split"]),
    st.sampled_from(["punct", "lines"]),
)
def test_blocks_give_the_same_output_as_the_whole_text(
    docs: list[dict], fmt: str, clitics: str, sentences: str
) -> None:
    whole = _write(docs, fmt, clitics, sentences)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(conll, "BLOCK_CHARS", 16)
        blocked = _write(docs, fmt, clitics, sentences)
    assert blocked == whole


def test_a_long_article_is_cut_into_many_blocks_at_line_starts() -> None:
    text = "\n".join(f"قال الرئيس بوتين في موسكو {i}." for i in range(5000))
    start = text.index("بوتين", 90_000)
    entity = (start - 7, start + 5, "PERS")  # crosses no line break
    blocks = list(conll._blocks(text, [entity]))
    assert len(blocks) > 2
    assert "".join(b for _, b, _ in blocks) == text
    for offset, block, entities in blocks:
        assert offset == 0 or text[offset - 1] == "\n"
        for s, e, _ in entities:
            assert 0 <= s < e <= len(block)
    assert sum(len(ents) for _, _, ents in blocks) == 1


def test_tokens_jsonl_sentence_numbers_run_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conll, "BLOCK_CHARS", 30)
    text = "\n".join(f"سطر رقم {i} هنا." for i in range(40))
    out = io.StringIO()
    conll.write_records([{"id": "d", "text": text, "entities": []}], out, "tokens-jsonl")
    numbers = [json.loads(line)["sentence"] for line in out.getvalue().splitlines()]
    assert numbers == list(range(40))
