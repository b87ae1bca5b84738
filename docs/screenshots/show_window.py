"""Open the window for a README screenshot as `main.py --lang L --db DB` opens it, then scroll
to the article's body (and optionally select its first quote, turn label tags on).

    XDG_CONFIG_HOME=$(mktemp -d) ../shared/tools/shot docs/screenshots/window-ar_1024x700.png \\
        --size 1024x700 --wait 4 -- .venv/bin/python docs/screenshots/show_window.py \\
        /tmp/demo.hashiya --lang ar

A fresh XDG_CONFIG_HOME gives the first-start layout a new user sees. The project is the one
docs/screenshots/make_demo_project.py builds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BODY = "ينتقل الملف السوري"  # the first words of the reference article's body paragraph


def main() -> int:
    from PySide6.QtCore import QTimer

    from ui.app import application, create_window
    from ui.i18n import install_language

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--lang", choices=("ar", "en"), default="en")
    parser.add_argument("--quote", action="store_true", help="select the first quote")
    parser.add_argument("--label-tags", action="store_true", help="View > Label tags on")
    parser.add_argument("--suggest", action="store_true", help="Review > Suggest (F7) on")
    args = parser.parse_args()

    app = application()
    install_language(app, args.lang)
    window = create_window(args.db, "demo")
    window.show()

    def arrange() -> None:
        session = window.session
        if session is None:
            return
        if args.label_tags and not window.act_label_tags.isChecked():
            window.act_label_tags.trigger()
        at = max(0, session.text.find(BODY))
        window.view.scroll_to(at, at)
        quotes = session.index.of_kind("quote")
        if args.quote and quotes:
            window.view.scroll_to(quotes[0].start, quotes[0].end)
            window.select_span(quotes[0].id)
        if args.suggest:
            window.act_suggest.trigger()

    QTimer.singleShot(800, arrange)
    code = app.exec()
    window.project.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
