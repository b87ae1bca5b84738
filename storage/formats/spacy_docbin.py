"""spaCy DocBin (.spacy), both directions. spaCy is optional at run time: without it these
functions raise ImportError, which the command line reports in one line.

Export: one Doc per document on a blank Arabic pipeline (spacy.blank("ar"): no model is
downloaded), with Hashiya's tokens as words (--clitics split makes proclitics tokens of their
own) and runs of whitespace other than one space as whitespace tokens, so that doc.text is the
stored text exactly.
- doc.spans["sc"]: every entity, nested ones included;
- doc.ents: the entities that do not overlap (longest first, spacy.util.filter_spans); the
  others are counted as kept only in spans["sc"];
- doc.spans["quote"], ["claim"], ["cue"], ["mention"]: the other kinds;
- doc.user_data["hashiya"]: source, status, the links [[type, [start, end, label], [start,
  end, label]]] and span_attrs (attributes, boundary), by character offsets.
A span that starts or ends inside a token is widened to whole tokens (counted; with --clitics
split strip_clitics entities fall on token boundaries).

Import: spans["sc"] (or doc.ents when there is no "sc" group) are the entities, every other
span group's spans get the kind of their label; doc.ents that are not in "sc" are added.
Offsets are doc character offsets (code points).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from storage.atomic import atomic_binary_writer
from storage.formats.common import (
    Context,
    Edge,
    ExportSummary,
    FormatError,
    Graph,
    Incoming,
    Node,
    Tokens,
    apply_span_attrs,
    dedupe,
    fresh_id,
    graph_to_record,
    iter_files,
    new_graph,
    record_to_graph,
    span_attrs,
    top_level,
)

NAME = "spacy"
DEFAULT_OFFSETS = "codepoints"
SUFFIX = ".spacy"
GROUPS = {"quote": "quote", "claim": "claim", "cue": "cue", "mention": "mention"}


def _nlp() -> Any:
    import spacy

    return spacy.blank("ar")


def _words(text: str, toks: Tokens) -> tuple[list[str], list[bool], list[int]]:
    """Words and spaces that rebuild `text` exactly; index of each unit's word."""
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    pos = 0

    def gap(g: str) -> None:
        if not g:
            return
        if words and not spaces[-1] and g[0] == " ":
            spaces[-1] = True
            g = g[1:]
        if g:
            words.append(g)
            spaces.append(False)

    for u in toks.units:
        gap(text[pos : u.start])
        index.append(len(words))
        words.append(u.text)
        spaces.append(False)
        pos = u.end
    gap(text[pos:])
    return words, spaces, index


def to_doc(graph: Graph, ctx: Context, nlp: Any) -> Any:
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    toks = Tokens(graph.text, ctx.clitics, ctx.clitic_exceptions)
    words, spaces, index = _words(graph.text, toks)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != graph.text:  # a tokenizer bug would shift every span: refuse loudly
        raise FormatError(f"{graph.doc_id}: cannot rebuild the text from its tokens")
    groups: dict[str, list[Any]] = {"sc": [], **{g: [] for g in GROUPS}}
    where: dict[str, tuple[int, int, str]] = {}
    placed: list[Node] = []
    for n in graph.nodes:
        placed_at = toks.place(n, ctx.losses)
        if placed_at is None:
            continue
        i, j = placed_at
        span = doc[index[i] : index[j] + 1]
        span.label_ = n.label
        groups["sc" if n.kind == "entity" else n.kind].append(span)
        where[n.id] = (span.start_char, span.end_char, n.label)
        placed.append(
            Node(n.id, n.kind, n.label, span.start_char, span.end_char, n.attrs, n.boundary)
        )
    for name, spans in groups.items():
        doc.spans[name] = spans
    ents = filter_spans(groups["sc"])
    doc.ents = ents
    nested = len(groups["sc"]) - len(ents)
    if nested:
        ctx.losses['nested or overlapping entities kept only in spans["sc"]'] += nested
    doc.user_data["hashiya"] = {
        "source": graph.source,
        "status": graph.status,
        "links": [
            [e.type, list(where[e.source]), list(where[e.target])]
            for e in graph.edges
            if e.source in where and e.target in where
        ],
        "span_attrs": span_attrs(placed),
    }
    return doc


@contextmanager
def _msgpack_codecs_looked_up_once() -> Iterator[None]:
    """srsly looks its msgpack encoders and decoders up at each (de)serialisation, seven times
    per document of a DocBin, in every installed package's entry points and through every
    function registered with catalogue (spaCy's hundreds): 11 s of the 44 s of a
    1,000-article export in the profile, 10 s of 22 of its import. While the DocBin is built or
    read nothing registers codecs, so they are looked up once for the block."""
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    registries = (msgpack_encoders, msgpack_decoders)
    for registry in registries:
        found = registry.get_all()
        registry.get_all = lambda found=found: dict(found)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for registry in registries:
            registry.__dict__.pop("get_all", None)  # the class's method again


def export(records: Iterable[dict[str, Any]], out: Path, ctx: Context) -> ExportSummary:
    nlp = _nlp()
    summary = ExportSummary(files=1)
    with _msgpack_codecs_looked_up_once(), _StreamedDocBin() as docbin:
        for record in records:
            graph = record_to_graph(record, ctx.labels)
            docbin.add(to_doc(graph, ctx, nlp))
            summary.documents += 1
            summary.spans += top_level(graph)
        with atomic_binary_writer(out) as fh:
            docbin.write(fh)
    return summary


# msgpack's largest bin (and so a .spacy file's token table, or any of its byte fields)
MSGPACK_MAX_BIN = 2**32 - 1


class _StreamedDocBin:
    """The file DocBin.to_bytes writes (a zlib-compressed msgpack map; a test compares them
    byte for byte), without holding the documents: each Doc goes through a DocBin of its own,
    whose token table, spaces and packed span groups, user data, categories and flags are
    appended to temporary files, and the map is then written from them through one zlib
    stream. Only the distinct strings are kept in memory. A DocBin of its documents took the
    token table three times over at to_bytes: 2.6 GB for 10,000 news articles, where this
    takes spaCy's own memory and a few MB. spaCy itself reads a .spacy file whole."""

    FIELDS = ("tokens", "spaces", "cats", "flags", "span_groups", "user_data")

    def __init__(self) -> None:
        import tempfile

        from spacy.tokens import DocBin
        from srsly.msgpack import Packer

        self._docbin = DocBin
        empty = DocBin(store_user_data=True)
        self.version, self.attrs = empty.version, empty.attrs
        self.packer = Packer(use_bin_type=True)
        self.spool = {name: tempfile.TemporaryFile() for name in self.FIELDS}
        self.lengths: list[int] = []
        self.strings: set[str] = set()

    def __enter__(self) -> _StreamedDocBin:
        return self

    def __exit__(self, *exc: object) -> None:
        for fh in self.spool.values():
            fh.close()

    def add(self, doc: Any) -> None:
        one = self._docbin(store_user_data=True)
        one.add(doc)
        spool, pack = self.spool, self.packer.pack
        spool["tokens"].write(one.tokens[0].tobytes("C"))
        spool["spaces"].write(one.spaces[0].tobytes("C"))
        spool["cats"].write(pack(one.cats[0]))
        spool["flags"].write(pack(one.flags[0]))
        spool["span_groups"].write(pack(one.span_groups[0]))
        spool["user_data"].write(pack(one.user_data[0]))
        self.lengths.append(len(one.tokens[0]))
        self.strings.update(one.strings)

    def write(self, out: BinaryIO) -> None:
        """The whole file: DocBin.to_bytes's map, its keys in the same order."""
        import numpy

        compressor = zlib.compressobj()
        pack = self.packer.pack

        def emit(data: bytes) -> None:
            out.write(compressor.compress(data))

        def emit_bin(name: str) -> None:
            fh = self.spool[name]
            size = fh.tell()
            if size > MSGPACK_MAX_BIN:
                raise ValueError(
                    f"the export is too large for one .spacy file ({size:,} bytes of {name}; "
                    "spaCy's format holds at most 4 GB each): export it in parts (--split or "
                    "--status)"
                )
            if size < 2**8:
                emit(b"\xc4" + size.to_bytes(1, "big"))
            elif size < 2**16:
                emit(b"\xc5" + size.to_bytes(2, "big"))
            else:
                emit(b"\xc6" + size.to_bytes(4, "big"))
            emit_spooled(name)

        def emit_spooled(name: str) -> None:
            fh = self.spool[name]
            fh.seek(0)
            while chunk := fh.read(1 << 20):
                emit(chunk)

        def emit_array(name: str) -> None:
            emit(self.packer.pack_array_header(len(self.lengths)))
            emit_spooled(name)

        emit(self.packer.pack_map_header(10))
        emit(pack("version") + pack(self.version))
        emit(pack("attrs") + pack(self.attrs))
        emit(pack("tokens"))
        emit_bin("tokens")
        emit(pack("spaces"))
        emit_bin("spaces")
        emit(pack("lengths") + pack(numpy.asarray(self.lengths, dtype="int32").tobytes("C")))
        emit(pack("strings") + pack(sorted(self.strings)))
        for name in ("cats", "flags", "span_groups", "user_data"):
            emit(pack(name))
            emit_array(name)
        out.write(compressor.flush())


def from_doc(doc: Any, ctx: Context, source_default: str) -> dict[str, Any]:
    info = doc.user_data.get("hashiya", {}) if isinstance(doc.user_data, dict) else {}
    source = info.get("source")
    graph = new_graph(doc.text, source if isinstance(source, str) else source_default)
    if isinstance(info.get("status"), str):
        graph.status = info["status"]
    by_key: dict[tuple[int, int, str], Node] = {}

    def add(span: Any, group: str) -> None:
        key = (span.start_char, span.end_char, span.label_)
        if key in by_key:
            return
        try:
            kind = ctx.kind_of(span.label_)
        except FormatError as exc:
            raise FormatError(f'spans["{group}"]: {exc}') from None
        node = Node(fresh_id(), kind, span.label_, span.start_char, span.end_char)
        by_key[key] = node
        graph.nodes.append(node)

    groups = dict(doc.spans.items())
    for name, group in groups.items():
        for span in group:
            add(span, name)
    for span in doc.ents:
        add(span, "ents")
    for item in info.get("links") or []:
        try:
            type_name, a, b = item
            graph.edges.append(Edge(str(type_name), by_key[tuple(a)].id, by_key[tuple(b)].id))
        except (KeyError, TypeError, ValueError):
            ctx.losses["links whose spans are not in the doc left out"] += 1
    apply_span_attrs(graph.nodes, info.get("span_attrs"))
    dedupe(graph, ctx.losses)
    return graph_to_record(graph, ctx.losses)


def read(paths: Iterable[Path], ctx: Context) -> Iterator[Incoming]:
    nlp = _nlp()
    for path in iter_files(paths, (".spacy",)):
        try:
            with _msgpack_codecs_looked_up_once(), path.open("rb") as fh:
                docbin = _SpooledDocBin(fh)
        except FileNotFoundError:
            yield Incoming(path, None, refusal="no such file")
            continue
        except _NotADocBin as exc:
            yield Incoming(path, None, refusal=f"not a spaCy DocBin ({exc})")
            continue
        except zlib.error:
            yield Incoming(path, None, refusal="not a spaCy DocBin (not zlib-compressed)")
            continue
        except Exception as exc:  # msgpack raises many types for a broken file
            yield Incoming(path, None, refusal=f"not a spaCy DocBin ({type(exc).__name__})")
            continue
        # each Doc unpacks its user data and span groups: the codecs stay looked up meanwhile
        with docbin, _msgpack_codecs_looked_up_once():
            if not docbin.count:
                yield Incoming(path, None, refusal="the DocBin contains no documents")
            for number, doc in enumerate(docbin.docs(nlp.vocab), 1):
                if isinstance(doc, Exception):
                    yield Incoming(path, number, refusal=f"doc {number}: not readable ({doc})")
                    continue
                try:
                    yield Incoming(path, number, from_doc(doc, ctx, f"{path.name}:{number}"))
                except FormatError as exc:
                    yield Incoming(path, number, refusal=f"doc {number}: {exc}")


class _NotADocBin(ValueError):
    """What is wrong with a file read as a DocBin, in a few words."""


class _Inflating:
    """A zlib-compressed file read as its decompressed bytes, a piece at a time."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.inflater, self.pending = fh, zlib.decompressobj(), b""

    def read(self, size: int = -1) -> bytes:
        want = size if size >= 0 else 1 << 20
        while len(self.pending) < want and not self.inflater.eof:
            data = self.inflater.unconsumed_tail or self.fh.read(1 << 20)
            if not data:
                raise _NotADocBin("the file ends early")
            self.pending += self.inflater.decompress(data, max(want - len(self.pending), 1 << 16))
        out, self.pending = self.pending[:want], self.pending[want:]
        return out


class _SpooledDocBin:
    """What DocBin.from_bytes reads of a .spacy file, read as a stream: the map's token and
    space tables, and each document's span groups and user data, go to temporary files; the
    rest (attributes, strings, lengths, categories, flags) is small and kept. Each Doc is then
    made by spaCy's own DocBin.get_docs from a DocBin of that one document. DocBin.from_bytes
    held the file three times over (compressed, decompressed, unpacked): 1.37 GB for a
    10,000-article file."""

    def __init__(self, fh: BinaryIO) -> None:
        import tempfile

        import numpy
        from srsly.msgpack import Unpacker

        self.tokens, self.spaces = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        self.items = {
            "span_groups": tempfile.TemporaryFile(),
            "user_data": tempfile.TemporaryFile(),
        }
        self.item_ends: dict[str, list[int]] = {"span_groups": [], "user_data": []}
        self.absent: dict[str, list[bool]] = {"span_groups": [], "user_data": []}
        self.fields: dict[str, Any] = {}
        try:
            unpacker = Unpacker(_Inflating(fh), raw=False, read_size=1 << 20)
            for _ in range(unpacker.read_map_header()):
                key = unpacker.unpack()
                if key in ("tokens", "spaces"):
                    self._spool_bin(unpacker, self.tokens if key == "tokens" else self.spaces)
                elif key in self.items:
                    self._spool_items(unpacker, key)
                else:
                    self.fields[key] = unpacker.unpack()
            self.attrs: list[int] = list(self.fields["attrs"])
            self.lengths: list[int] = numpy.frombuffer(self.fields["lengths"], "int32").tolist()
            self.count = len(self.lengths)
            self._check()
        except BaseException:
            self.close()
            raise

    def _check(self) -> None:
        """The tables and lists agree with the lengths (else from_bytes would fail too)."""
        from spacy.attrs import ORTH

        tokens = sum(self.lengths)
        if min(self.lengths, default=0) < 0 or ORTH not in self.attrs:
            raise _NotADocBin("bad lengths or attributes")
        if self.tokens.tell() != tokens * len(self.attrs) * 8 or self.spaces.tell() != tokens:
            raise _NotADocBin("the token tables do not match the lengths")
        for key in ("cats", "flags"):
            if key in self.fields and len(self.fields[key]) != self.count:
                raise _NotADocBin(f"{key} do not match the documents")
        for key, ends in self.item_ends.items():
            if ends and len(ends) != self.count:
                raise _NotADocBin(f"{key} do not match the documents")

    def _spool_bin(self, unpacker: Any, out: Any) -> None:
        kind = unpacker.read_bytes(1)
        width = {b"\xc4": 1, b"\xc5": 2, b"\xc6": 4}.get(kind)
        if width is None:  # DocBin writes its tables as msgpack bin, whatever their size
            raise _NotADocBin("a table is not binary data")
        left = int.from_bytes(unpacker.read_bytes(width), "big")
        while left:
            piece = unpacker.read_bytes(min(left, 1 << 20))
            if not piece:
                raise _NotADocBin("the file ends early")
            out.write(piece)
            left -= len(piece)

    def _spool_items(self, unpacker: Any, key: str) -> None:
        out, ends, absent = self.items[key], self.item_ends[key], self.absent[key]
        for _ in range(unpacker.read_array_header()):
            item = unpacker.unpack()
            absent.append(item is None)
            out.write(item or b"")
            ends.append(out.tell())

    def _item(self, key: str, i: int) -> bytes | None:
        ends, absent = self.item_ends[key], self.absent[key]
        if i >= len(ends) or absent[i]:
            return None
        out = self.items[key]
        start = ends[i - 1] if i else 0
        out.seek(start)
        return out.read(ends[i] - start)

    def docs(self, vocab: Any) -> Iterator[Any]:
        """Each document's Doc, or the error that kept it from being read."""
        import numpy
        from spacy.tokens import DocBin

        width = len(self.attrs)
        cats = self.fields.get("cats") or [{} for _ in range(self.count)]
        flags = self.fields.get("flags") or [{} for _ in range(self.count)]
        strings = set(self.fields.get("strings") or ())
        self.tokens.seek(0)
        self.spaces.seek(0)
        for i, length in enumerate(self.lengths):
            one = DocBin(store_user_data=True)
            one.attrs = self.attrs  # type: ignore[assignment]  # ids, as DocBin keeps them
            one.strings = strings if i == 0 else set()  # the vocab keeps them after the first
            tokens = numpy.frombuffer(self.tokens.read(length * width * 8), dtype="uint64")
            one.tokens = [tokens.reshape((length, width))]
            spaces = numpy.frombuffer(self.spaces.read(length), dtype=bool)
            one.spaces = [spaces.reshape((length, 1))]
            one.cats, one.flags = [cats[i]], [flags[i]]
            one.span_groups = [self._item("span_groups", i) or b""]
            one.user_data = [self._item("user_data", i)]
            try:
                yield next(iter(one.get_docs(vocab)))
            except Exception as exc:  # a document's own bytes are broken (spaCy's error)
                yield ValueError(f"{type(exc).__name__}")

    def close(self) -> None:
        for fh in (self.tokens, self.spaces, *self.items.values()):
            fh.close()

    def __enter__(self) -> _SpooledDocBin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
