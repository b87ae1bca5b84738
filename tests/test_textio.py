"""Decoding article files: accepted encodings, newline normalisation, refusals."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotation.arabic import is_word_char
from annotation.textio import InputRefused, decode_text, normalize_newlines

SENTENCE = "قال وزير الخارجية إنّ المفاوضات ستُستأنف يوم الأحد في العاصمة."
# Everything that must survive decoding untouched: diacritics, tatweel, NBSP, RLM/LRM, ALM,
# ZWJ/ZWNJ, emoji (with a ZWJ sequence and a skin tone), Arabic-Indic and Persian digits, tab.
SPECIAL = (
    "مُحَمَّدٌ قـــال\u00a0اليوم \u200fنعم\u200e ok \u061c"
    "\u200dلا\u200c 🙂 👩\u200d💻 👍🏽 ١٢٣٬٤٥٦٫٧ ۱۲۳\tنهاية"
)


# --- accepted encodings ----------------------------------------------------------------------
def test_utf8() -> None:
    assert decode_text(SENTENCE.encode("utf-8"))[:2] == (SENTENCE, "utf-8")


def test_utf8_bom_is_dropped() -> None:
    text, enc, _ = decode_text(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"))
    assert text == SENTENCE
    assert enc == "utf-8-sig"
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    data = bom + (SENTENCE + "\r\n" + SPECIAL).encode(codec)
    text, enc, _ = decode_text(data)
    assert text == SENTENCE + "\n" + SPECIAL
    assert enc == "utf-16"
    assert not text.startswith("\ufeff")


def test_cp1256() -> None:
    body = SENTENCE + "\r\nوقال متحدث باسم الوزارة: «لا تعليق»."
    data = body.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really exercises the fallback
    text, enc, _ = decode_text(data)
    assert text == normalize_newlines(body)
    assert enc == "windows-1256"


def test_cp1256_with_a_few_latin_words_is_still_arabic() -> None:
    body = "أعلنت شركة Apple عن هاتف جديد في مؤتمر صحفي بالرياض يوم الثلاثاء."
    text, enc, _ = decode_text(body.encode("cp1256"))
    assert (text, enc) == (body, "windows-1256")


# --- newlines --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سطر\r\nسطر", "سطر\nسطر"),
        ("سطر\rسطر", "سطر\nسطر"),
        ("سطر\nسطر", "سطر\nسطر"),
        ("أ\r\r\nب\n\rج", "أ\n\nب\n\nج"),
        ("نص\r\n", "نص\n"),
    ],
)
def test_newlines_become_lf(raw: str, expected: str) -> None:
    assert normalize_newlines(raw) == expected
    assert decode_text(raw.encode("utf-8"))[0] == expected


def test_every_other_character_unchanged() -> None:
    body = SPECIAL + "\r\n" + SENTENCE + "\f\v"
    text = decode_text(body.encode("utf-8")).text
    assert text == SPECIAL + "\n" + SENTENCE + "\f\v"
    assert len(text) == len(body) - 1
    for ch in "\u064f\u0651\u0640\u00a0\u200f\u200e\u061c\u200d\u200c🙂🏽١٦۱\t":
        assert ch in text


_ARABIC_ALPHABET = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى")
        + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
        + list(" \n\r\t.،؛؟!«»:\u00a0\u200f\u200e٠١٢٣٤٥٦٧٨٩0123456789🙂")
    ),
    min_size=1,
    max_size=200,
)


@given(_ARABIC_ALPHABET)
def test_utf8_and_utf16_round_trip_up_to_newlines(body: str) -> None:
    if not body.strip():
        with pytest.raises(InputRefused):
            decode_text(body.encode("utf-8"))
        return
    expected = normalize_newlines(body)
    assert decode_text(body.encode("utf-8"))[0] == expected
    assert decode_text(codecs.BOM_UTF8 + body.encode("utf-8"))[0] == expected
    assert decode_text(body.encode("utf-16"))[0] == expected
    assert "\r" not in expected


# --- refusals --------------------------------------------------------------------------------
def test_empty_refused() -> None:
    with pytest.raises(InputRefused, match="empty"):
        decode_text(b"")


@pytest.mark.parametrize("data", [b" ", b"\n\n\r\n", b" \t \n", "\u00a0 \u3000".encode()])
def test_whitespace_only_refused(data: bytes) -> None:
    with pytest.raises(InputRefused, match="only whitespace"):
        decode_text(data)


def test_bom_followed_by_nothing_refused() -> None:
    for data in (codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \r\n", codecs.BOM_UTF16_LE):
        with pytest.raises(InputRefused):
            decode_text(data)


def test_nul_bytes_refused() -> None:
    with pytest.raises(InputRefused, match="NUL"):
        decode_text(SENTENCE.encode("utf-8") + b"\x00" + SENTENCE.encode("utf-8"))


def test_utf16_without_bom_refused() -> None:
    # UTF-16 without a BOM is full of NULs for ASCII and we do not guess byte order.
    with pytest.raises(InputRefused):
        decode_text(("Reuters: " + SENTENCE).encode("utf-16-le"))


def test_nul_inside_utf16_refused() -> None:
    with pytest.raises(InputRefused, match="NUL"):
        decode_text(codecs.BOM_UTF16_LE + (SENTENCE + "\x00").encode("utf-16-le"))


@pytest.mark.parametrize("stray", ["\x1a", "\x07", "\x1b[0m", "\ufeff", "\x85"])
def test_isolated_control_character_is_kept(stray: str) -> None:
    body = SENTENCE + stray + SENTENCE
    assert decode_text(body.encode("utf-8")).text == body


def test_high_share_of_control_characters_is_binary() -> None:
    body = "".join(c + "\x07\x1a" for c in SENTENCE)
    with pytest.raises(InputRefused, match="binary"):
        decode_text(body.encode("utf-8"))


@pytest.mark.parametrize("seed", [1, 2, 3, 2024])
def test_random_bytes_refused(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(InputRefused):
        decode_text(data)


def test_random_bytes_without_nul_refused() -> None:
    data = bytes(b for b in random.Random(7).randbytes(8192) if b != 0)
    assert b"\x00" not in data
    with pytest.raises(InputRefused):
        decode_text(data)


def test_latin1_french_refused_not_decoded_as_cp1256() -> None:
    french = "Le président a déclaré à la presse qu'il était très préoccupé par la situation."
    data = french.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    data.decode("cp1256")  # would "work", which is exactly what must not happen
    with pytest.raises(InputRefused, match="not UTF-8"):
        decode_text(data)


@pytest.mark.parametrize(
    "bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_odd_length_refused(bom: bytes, codec: str) -> None:
    data = bom + SENTENCE.encode(codec) + b"\x41"
    assert len(data) % 2 == 1
    with pytest.raises(InputRefused, match="UTF-16"):
        decode_text(data)


def test_utf8_bom_with_invalid_body_refused() -> None:
    with pytest.raises(InputRefused, match="UTF-8"):
        decode_text(codecs.BOM_UTF8 + SENTENCE.encode("cp1256"))


def test_refusal_messages_are_one_line() -> None:
    bad = [b"", b"  ", b"a\x00b", random.Random(5).randbytes(300), "é".encode("latin-1") * 20]
    for data in bad:
        with pytest.raises(InputRefused) as info:
            decode_text(data)
        assert "\n" not in str(info.value)
        assert str(info.value)


def test_is_word_char() -> None:
    for c in "بـ\u064e1١a\u200d\u200c":
        assert is_word_char(c), repr(c)
    for c in " .،«»\u00a0\u200f🙂":
        assert not is_word_char(c), repr(c)


def test_every_unusual_character_is_unprintable() -> None:
    """unusual_characters skips its regex for a text printable but for its line breaks: that
    holds only while no character the regex finds is printable, nor the line break."""
    from annotation.textio import _UNUSUAL, unusual_characters

    found = [chr(c) for c in range(0x110000) if _UNUSUAL.match(chr(c))]
    assert found and not any(c.isprintable() for c in found)
    assert not _UNUSUAL.match("\n")
    for c in found:
        text = f"قال الوزير:\n«{c}نعم»"
        assert unusual_characters(text).counts == {c: 1}
    assert unusual_characters("سطر أول\nسطر ثان").counts == {}
