"""View preferences of one user, kept in QSettings (never in the shared project file): zoom,
window geometry, the last document open in each project, the last folder of each file dialog.

Reading a project never writes to it; these are what used to be written on open or zoom.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_ZOOM = 16


class ViewPreferences:
    def __init__(self, settings: QSettings, project_path: Path) -> None:
        self.settings = settings
        digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()
        self._project_key = f"projects/{digest[:16]}"

    def _int(self, key: str, default: int) -> int:
        value = self.settings.value(key, default)
        try:
            return int(str(value))
        except ValueError:
            return default

    @property
    def zoom(self) -> int:
        return self._int("view/zoom", DEFAULT_ZOOM)

    @zoom.setter
    def zoom(self, size: int) -> None:
        self.settings.setValue("view/zoom", int(size))

    @property
    def label_tags(self) -> bool:
        """View > Label tags: each entity's label name drawn at its start."""
        return str(self.settings.value("view/label_tags", "false")).lower() in ("true", "1")

    @label_tags.setter
    def label_tags(self, shown: bool) -> None:
        self.settings.setValue("view/label_tags", bool(shown))

    @property
    def min_confidence(self) -> float | None:
        """Suggestions below this confidence are not shown (0 shows them all; None, never
        chosen: each kind's default, annotation.proposals.DEFAULT_MIN_CONFIDENCE)."""
        value = self.settings.value("suggestions/min_confidence", None)
        if value is None:
            return None
        try:
            return float(str(value))
        except ValueError:
            return None

    @min_confidence.setter
    def min_confidence(self, value: float) -> None:
        self.settings.setValue("suggestions/min_confidence", float(value))

    @property
    def last_document(self) -> str:
        return str(self.settings.value(f"{self._project_key}/last_document", "") or "")

    @last_document.setter
    def last_document(self, doc_id: str) -> None:
        self.settings.setValue(f"{self._project_key}/last_document", doc_id)

    def last_folder(self, purpose: str) -> str:
        """The folder last used for purpose ("import", "import_folder", "export",
        "open_project"...), for every project of this user; the home folder at first or when
        that folder is gone."""
        folder = str(self.settings.value(f"folders/{purpose}", "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def remember_folder(self, purpose: str, folder: str | Path) -> None:
        self.settings.setValue(f"folders/{purpose}", str(folder))

    @property
    def last_export_format(self) -> str:
        """The format last exported in ("" at first): the Export dialog offers it again."""
        return str(self.settings.value("export/format", "") or "")

    @last_export_format.setter
    def last_export_format(self, fmt: str) -> None:
        self.settings.setValue("export/format", fmt)

    @property
    def last_import_format(self) -> str:
        """The other tool's format last imported from ("" at first): offered again."""
        return str(self.settings.value("import/format", "") or "")

    @last_import_format.setter
    def last_import_format(self, fmt: str) -> None:
        self.settings.setValue("import/format", fmt)

    @property
    def last_export_dir(self) -> str:
        return self.last_folder("export")

    @last_export_dir.setter
    def last_export_dir(self, folder: str) -> None:
        self.remember_folder("export", folder)

    def state(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.settings.setValue(key, value)

    def sync(self) -> None:
        self.settings.sync()
