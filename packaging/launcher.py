"""Entry point of the frozen app: the same `keta-viz` command line as the installed package."""

import sys

from keta_viz.cli import main

if __name__ == "__main__":
    sys.exit(main())
