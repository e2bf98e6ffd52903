"""Publishing: sitemap.xml, robots.txt, the Atom feed, the 404 page and the freshness report.

``feature.py`` joins it to the build; ``assets.py`` hashes CSS and JS for production builds.
"""
