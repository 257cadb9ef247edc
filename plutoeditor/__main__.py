import sys

from plutoeditor.cli.main import main

sys.exit(main())
