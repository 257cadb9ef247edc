"""`plutoeditor compare OLD NEW`: open the compare window on two versions of a policy;
activating a clause opens that version's file in an editor window.

Qt is imported inside the handler only, so the rest of the command line runs without it.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="open the compare window on two versions of a policy",
        description="Show two versions side by side, aligned clause by clause. "
        "Use 'plutoeditor diff' for a report on the command line.",
    )
    parser.add_argument("old", metavar="OLD", help="the older version (.policy.yaml, .txt, .md or .docx)")
    parser.add_argument("new", metavar="NEW", help="the newer version")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from plutoeditor.cli.check import read_policy
    from plutoeditor.cli.safety import NO_DISPLAY, no_display

    # Read here, as every command does: a file that is not a policy is one line and exit 2
    # (in the window it would only be a message there, and offscreen a window that never ends).
    old, new = read_policy(args.old), read_policy(args.new)
    if no_display():
        print(f"plutoeditor: {NO_DISPLAY}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        from plutoeditor.ui.app import make_application
        from plutoeditor.ui.common.crash import install_excepthook
        from plutoeditor.ui.common.translations import install_translator
        from plutoeditor.ui.compare.standalone import open_standalone_compare
    except ImportError as exc:
        print(f"plutoeditor: the compare window needs PySide6 ({exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    app = make_application()
    install_translator(app)
    install_excepthook(app)
    # editor windows opened from it live in it
    standalone = open_standalone_compare(args.old, args.new, read=(old, new))
    app.exec()
    del standalone
    return EXIT_OK
