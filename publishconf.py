"""Production settings: absolute URLs; everything else as in development."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("KATALOG_SITEURL", "https://katalog.przykladowo.example")
RELATIVE_URLS = False

# Where `katalog publish` deploys (docs/publishing.md): rsync:USER@HOST:/PATH/,
# s3://BUCKET/PREFIX or git:REPOSITORY#BRANCH. Empty: build and check only.
CATALOGUE_DEPLOY_TARGET = os.environ.get("KATALOG_DEPLOY", "")
CATALOGUE_DEPLOY_S3_ENDPOINT = os.environ.get("KATALOG_S3_ENDPOINT", "")

# Minify CSS and JS and name them by their content, inside the build (before the offline
# worker lists every file), so browsers may cache them for a year.
CATALOGUE_HASH_ASSETS = True
