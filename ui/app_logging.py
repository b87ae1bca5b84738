"""Logging for the window: a rotating file in the user's data directory, and an exception hook
that logs any uncaught exception and tells the user in a message box instead of dying silently.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from storage.paths import data_dir

LOG_NAME = "hashiya.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("hashiya")


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def configure_logging(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the application's log records to a rotating file (1 MB × 3); returns its path.
    Called once per process; a second call with the same path changes nothing."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path.resolve()
        ):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


Notifier = Callable[[str, str], None]  # (title, message)


def install_excepthook(notify: Notifier, path: Path | None = None) -> Callable[..., None]:
    """Replace sys.excepthook: log the exception with its traceback, then notify the user
    (a message box in the window). Returns the previous hook."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("uncaught exception\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        try:
            notify(
                "Unexpected error",
                f"{exc_type.__name__}: {exc}\n\nThe details are in the log: {path or log_path()}",
            )
        except Exception:  # never let the hook itself raise
            log.exception("could not show the error")

    sys.excepthook = hook
    return previous
