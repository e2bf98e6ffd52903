"""Production settings: absolute URLs; everything else as in development."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("KATALOG_SITEURL", "https://katalog.przykladowo.example")
RELATIVE_URLS = False
