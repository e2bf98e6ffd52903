"""My plan as a feature of the build: the page ``/moj-plan/``, its facts and its messages."""

from __future__ import annotations

from ..feature import Build, Contributions, Feature, SiteWriter
from ..problems import Problem
from .data import plan_data

PAGE_URL = "moj-plan/"
DATA_FILE = "moj-plan/uslugi.json"
MESSAGES_URL = "moj-plan/messages.json"
# The fee estimate module of issue 14; the plan uses it only when the theme has it.
FEES_SCRIPT = "js/fees.js"


class MyPlan(Feature):
    """A resident collects services on the device, prints, shares and sends them as one request."""

    name = "plan"

    def contribute(self, build: Build) -> Contributions:
        """Every page links the plan; its share link and QR code carry the public address."""
        return Contributions(
            context={
                "PLAN_PAGE": PAGE_URL,
                "PLAN_DATA": DATA_FILE,
                "PLAN_MESSAGES": MESSAGES_URL,
                "PLAN_SHARE_URL": build.settings.url(PAGE_URL),
                "PLAN_FEES_SCRIPT": FEES_SCRIPT
                if (build.settings.theme / "static" / FEES_SCRIPT).is_file()
                else "",
            }
        )

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The plan page, the facts it shows about each service and the scripts' messages."""
        site.page(PAGE_URL, "plan/plan.html")
        site.page(MESSAGES_URL, "plan/messages_json.html")
        site.file(DATA_FILE, plan_data(build.services))
        return []
