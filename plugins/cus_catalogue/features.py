"""Which features a build runs, in which order, and the checks ``katalog validate`` shares.

The order matters where one feature works on another's output: asset hashing rewrites pages
and scripts, so it runs before the offline worker hashes every file for its precache list.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .catalogue import Catalogue, load_catalogue
from .feature import Feature
from .site_settings import SettingsInvalid, SiteSettings, setting_problem

EXTRA_SETTING = "CATALOGUE_EXTRA_FEATURES"


def extra_feature(path: str) -> Feature:
    """A site's own feature named ``package.module:ClassName``; ``SettingsInvalid`` if not."""
    module_name, _, class_name = path.partition(":")
    try:
        feature = getattr(importlib.import_module(module_name), class_name)()
    except Exception as error:  # any fault of the site's code: say which setting and why
        detail = f"{path}: {type(error).__name__}: {error}"
        raise SettingsInvalid(
            [setting_problem("bad-setting", EXTRA_SETTING, {"detail": detail})]
        ) from None
    if not isinstance(feature, Feature):
        detail = f"{path}: not a cus_catalogue.feature.Feature"
        raise SettingsInvalid([setting_problem("bad-setting", EXTRA_SETTING, {"detail": detail})])
    return feature


def make_features(settings: SiteSettings) -> list[Feature]:
    """One fresh instance of every feature of this site, in the order they run."""
    from .accessibility.feature import Accessibility, Offline
    from .centres.feature import Centres
    from .crisis import CrisisLines
    from .documents.feature import Documents
    from .eligibility.feature import Eligibility
    from .fees.feature import Fees
    from .languages.feature import ServiceLanguages
    from .news.feature import News
    from .opendata.feature import OpenData
    from .packages.feature import Packages
    from .partners.feature import Partners
    from .plan.feature import MyPlan
    from .publishing.assets import AssetHashing
    from .publishing.feature import Publishing
    from .search.feature import Search

    features: list[Feature] = [CrisisLines(), OpenData(), Search(), Publishing(), Accessibility()]
    features += [MyPlan(), Packages(), Documents(), News(), Partners()]
    features.append(ServiceLanguages())
    features += [Fees(), Eligibility()]  # Eligibility reads the capacity OpenData gave
    features.insert(0, Centres())  # first: other features' pages may show a service's centre
    features += [extra_feature(path) for path in settings.extra_features]
    if settings.hash_assets:
        features.append(AssetHashing())  # rewrites pages and scripts others wrote
    features.append(Offline())  # last: its precache list hashes every file the others wrote
    return features


def inspect_catalogue(
    content: Path, settings: SiteSettings, features: list[Feature] | None = None
) -> Catalogue:
    """Read and check every record, vocabulary and feature table; the problems are sorted."""
    catalogue = load_catalogue(
        content, settings.data_path, today=settings.today, stale_months=settings.stale_months
    )
    for feature in features if features is not None else make_features(settings):
        catalogue.problems += feature.check(catalogue, settings)
    catalogue.problems.sort(key=lambda p: (str(p.file), p.line, p.field, p.code))
    return catalogue
