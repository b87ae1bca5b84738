"""Guidelines: Markdown kept in the project, sections per label, what may be loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from annotation.guidelines import (
    GuidelinesRefused,
    decode_guidelines,
    section_for,
    section_text,
    sections,
)
from storage.guidelines import read_guidelines, write_guidelines
from storage.project import Project

MANUAL = """# دليل التوسيم

مقدمة قصيرة.

## PERS — شخص [ar]
اسم شخص كامل: «الرئيس بشار الأسد» يوسم الاسم فقط.

## PERS — person [en]
A person's name; titles stay outside.

```
## GPE inside a code fence is not a heading
```

## GPE
Countries, cities: لبنان، بيروت.

### claim.checkworthy
Yes when a fact-checker could check it.

## Quotes
Everything about quotes.
"""


def test_sections_find_labels_attributes_and_languages() -> None:
    found = sections(MANUAL)
    assert [(s.level, s.code, s.lang) for s in found] == [
        (1, "", ""),
        (2, "PERS", "ar"),
        (2, "PERS", "en"),
        (2, "GPE", ""),
        (3, "claim.checkworthy", ""),
        (2, "Quotes", ""),
    ]
    assert section_for(MANUAL, "PERS", "en").title == "PERS — person"
    assert section_for(MANUAL, "PERS", "ar").title == "PERS — شخص"
    assert section_for(MANUAL, "PERS").lang == "ar"  # no untagged one: the first
    assert section_for(MANUAL, "ORG") is None
    gpe = section_text(MANUAL, section_for(MANUAL, "GPE"))
    assert gpe.startswith("## GPE") and "claim.checkworthy" in gpe and "Quotes" not in gpe


def test_decode_accepts_utf8_markdown_and_refuses_the_rest() -> None:
    assert decode_guidelines(b"\xef\xbb\xbf# T\r\nline\r\n", "g.md") == "# T\nline\n"
    with pytest.raises(GuidelinesRefused, match=r"^g\.md: not UTF-8 text \(byte 2"):
        decode_guidelines(b"# " + "دليل".encode("cp1256"), "g.md")
    with pytest.raises(GuidelinesRefused, match=r"^g\.md:2: control character U\+0000"):
        decode_guidelines(b"# T\nab\x00c", "g.md")
    with pytest.raises(GuidelinesRefused, match="larger than"):
        decode_guidelines(b"a" * 2_000_001, "g.md")


def test_write_is_logged_and_unchanged_text_writes_nothing(project: Project) -> None:
    assert read_guidelines(project) == ""
    assert write_guidelines(project, MANUAL) is True
    assert read_guidelines(project) == MANUAL
    log = [e for e in project.edit_log() if e["action"] == "guidelines"]
    assert len(log) == 1
    assert write_guidelines(project, MANUAL) is False
    assert len([e for e in project.edit_log() if e["action"] == "guidelines"]) == 1


def test_cli_round_trip_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.hashiya"
    Project(db, annotator="t").close()
    src, out = tmp_path / "manual.md", tmp_path / "out.md"
    src.write_text(MANUAL, encoding="utf-8")
    assert main.main(["guidelines", "--db", str(db), "--load", str(src)]) == 0
    assert main.main(["guidelines", "--db", str(db), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == MANUAL
    capsys.readouterr()
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    before = db.read_bytes()
    assert main.main(["guidelines", "--db", str(db), "--load", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert db.read_bytes() == before
    with Project(db) as project:
        assert read_guidelines(project) == MANUAL
