"""Entry script of the frozen (PyInstaller) application.

`plutoeditor [FILE]` opens the window and `plutoeditor COMMAND ...` runs a command, exactly
like the console script; `plutoeditor --smoke-test FILE` opens the window on FILE, lets it
show, and quits with 0 - CI uses it to prove the frozen app can start its window.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--smoke-test"]:
        from plutoeditor.ui.smoke import run_smoke

        return run_smoke(args[1] if len(args) > 1 else None)
    from plutoeditor.cli.main import main as cli_main

    return cli_main(args, exit_when_done=True)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app must not re-run main() in child processes
    sys.exit(main())
