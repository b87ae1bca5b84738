"""One window per project: a QLockFile beside the project file (``<project>.lock``).

A second window on the same project is refused with a message naming the process that holds
it. A lock left by a process that no longer runs (killed, crashed, power cut) is stale: Qt
finds its process gone and takes the lock over, so the user never has to delete it by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from annotation.errors import HashiyaError


class ProjectLocked(HashiyaError):
    """The project is open in another Hashiya window."""


def lock_path(project_path: str | Path) -> Path:
    path = Path(project_path)
    return path.with_name(path.name + ".lock")


class ProjectLock:
    def __init__(self, project_path: str | Path) -> None:
        self.path = lock_path(project_path)
        self._lock = QLockFile(str(self.path))
        # Never stale by age alone: a long session must keep its lock. Only a lock whose
        # process is gone is stale (QLockFile checks the PID and host written in it).
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock or raise ProjectLocked with a one-line reason."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            return
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()  # (pid, host, application) when readable
            holder = f" (process {info[0]} on {info[1]})" if isinstance(info, tuple) else ""
            raise ProjectLocked(
                f"{self.path.with_suffix('')}: this project is already open in another Hashiya "
                f"window{holder}; close that window first"
            )
        raise ProjectLocked(f"{self.path}: cannot create the lock file ({error.name})")

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()
