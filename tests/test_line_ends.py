"""LineEnds: a format's CRLF/CR text as stored (LF) and its offsets moved to match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storage.formats.common import LineEnds

_TEXTS = st.text(alphabet=st.sampled_from(["\r", "\n", "ق", "ل", " ", "«", "»", "😀"]), max_size=40)


@given(_TEXTS)
def test_every_offset_moves_to_the_same_character_of_the_stored_text(text: str) -> None:
    ends = LineEnds(text)
    assert ends.text == text.replace("\r\n", "\n").replace("\r", "\n")
    # reference: walk the original, dropping the CR of each CRLF
    stored_at: list[int] = []
    dropped = 0
    for i, c in enumerate(text):
        if c == "\r" and text[i + 1 : i + 2] == "\n":
            stored_at.append(i - dropped)  # a CRLF's CR maps to its LF
            dropped += 1
        else:
            stored_at.append(i - dropped)
    stored_at.append(len(text) - dropped)
    assert [ends.map(i) for i in range(len(text) + 1)] == stored_at


def test_a_text_without_cr_is_unchanged() -> None:
    ends = LineEnds("قال الوزير\nإن الطريق سيفتح.")
    assert not ends.changed and ends.map(5) == 5
