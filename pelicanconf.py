"""Development settings: the example catalogue, built with relative URLs for local preview."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Katalog usług społecznych"
SITEURL = ""
RELATIVE_URLS = True
DEFAULT_LANG = "pl"
TIMEZONE = "Europe/Warsaw"
PATH = "content"
THEME = str(ROOT / "themes" / "cus")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["cus_catalogue"]
CATALOGUE_DATA_PATH = str(ROOT / "data")

# The catalogue has no blog: our generator writes every page, Pelican's own lists stay off.
DIRECT_TEMPLATES: list[str] = []
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
ARTICLE_SAVE_AS = PAGE_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
READERS = {"html": None, "md": None, "rst": None}
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION: list[str] = []
THEME_STATIC_DIR = "theme"
