"""`python -m keta_viz` runs the same command line as `keta-viz`."""

from .cli import main

raise SystemExit(main())
