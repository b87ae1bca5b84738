"""Writing files so that a failure never leaves a half-written one: temp file beside the
target, fsync, rename over it, fsync the folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, TextIO


@contextmanager
def atomic_writer(out_path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Yield a text file (UTF-8, LF); on success it replaces out_path, keeping the replaced
    file's permissions. On any error the previous file is left as it was and the temporary
    file is removed. Raises OSError when the folder is not writable."""
    with _atomic_file(out_path, binary=False) as fh:
        yield fh  # type: ignore[misc]


@contextmanager
def atomic_binary_writer(out_path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """atomic_writer for bytes."""
    with _atomic_file(out_path, binary=True) as fh:
        yield fh  # type: ignore[misc]


def write_bytes_atomic(data: bytes, out_path: str | os.PathLike[str]) -> None:
    with atomic_binary_writer(out_path) as fh:
        fh.write(data)


@contextmanager
def _atomic_file(out_path: str | os.PathLike[str], binary: bool) -> Iterator[TextIO | BinaryIO]:
    out = Path(out_path)
    try:
        mode = out.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        os.chmod(tmp_name, mode)
        fh: TextIO | BinaryIO
        with (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        ) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, out)
    except BaseException:
        with suppress(OSError):  # the temporary file may already be gone
            os.unlink(tmp_name)
        raise
    _fsync_dir(out.parent)


def write_text_atomic(content: str, out_path: str | os.PathLike[str]) -> None:
    with atomic_writer(out_path) as fh:
        fh.write(content)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):  # some file systems cannot fsync a folder; the rename stands
            os.fsync(fd)
    finally:
        os.close(fd)
