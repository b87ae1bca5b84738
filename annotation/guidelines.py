"""A project's annotation guidelines: Markdown text, its sections, and what may be loaded.

Sections are the Markdown headings (ATX: `#` to `######`, outside fenced code). A section is
about a label, attribute or link type when its heading's first word is that name (`## GPE`,
`## GPE — كيان جيوسياسي`, `### claim.checkworthy`); a heading may end in a language tag
`[ar]` or `[en]`, and the section in the interface language is preferred when both exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotation.errors import HashiyaError

MAX_BYTES = 2_000_000
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LANG = re.compile(r"\s*\[(ar|en)\]\s*$")
_CODE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class GuidelinesRefused(HashiyaError):
    """Not something to load as guidelines (one-line reason)."""


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    title: str  # without the language tag
    line: int  # 0-based line of the heading
    code: str  # the label / attribute / link type it documents, or ""
    lang: str  # "ar", "en" or ""

    @property
    def anchor(self) -> str:
        return f"s{self.line}"


def decode_guidelines(data: bytes, name: str) -> str:
    """The text of a Markdown file, or GuidelinesRefused naming the file and the reason."""
    if len(data) > MAX_BYTES:
        raise GuidelinesRefused(f"{name}: larger than {MAX_BYTES // 1_000_000} MB")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GuidelinesRefused(
            f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise GuidelinesRefused(
            f"{name}:{line}: control character U+{ord(bad.group()):04X}: not a Markdown text file"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sections(text: str) -> list[Section]:
    out: list[Section] = []
    fenced = False
    for n, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = _HEADING.match(line)
        if not m:
            continue
        title = m.group(2).strip()
        lang = ""
        tag = _LANG.search(title)
        if tag:
            lang = tag.group(1)
            title = title[: tag.start()].strip()
        first = _CODE.match(title)
        code = (
            first.group(0)
            if first and (first.end() == len(title) or not title[first.end()].isalnum())
            else ""
        )
        out.append(Section(len(m.group(1)), title, n, code, lang))
    return out


def section_for(text: str, code: str, lang: str = "") -> Section | None:
    """The section documenting `code` (a label, `kind.attribute` or link type), preferring the
    interface language, then an untagged one, then any."""
    found = [s for s in sections(text) if s.code == code]
    for wanted in (lang, ""):
        for s in found:
            if s.lang == wanted:
                return s
    return found[0] if found else None


def section_text(text: str, section: Section) -> str:
    """The section's lines up to the next heading of the same or a higher level."""
    lines = text.split("\n")
    end = len(lines)
    for s in sections(text):
        if s.line > section.line and s.level <= section.level:
            end = s.line
            break
    return "\n".join(lines[section.line : end]).strip()


def section_excerpt(text: str, code: str, lang: str = "", limit: int = 160) -> str:
    """The first paragraph of the section about code (without its heading), shortened to
    limit characters: what hovering an annotation shows of the guidelines; "" when none."""
    section = section_for(text, code, lang)
    if section is None:
        return ""
    body = section_text(text, section).split("\n", 1)[1:] or [""]
    paragraph = body[0].strip().split("\n\n", 1)[0].replace("\n", " ").strip()
    return paragraph if len(paragraph) <= limit else paragraph[: limit - 1].rstrip() + "…"
