"""Open data: a Frictionless Data Package, an Open Referral HSDS export, and schema.org JSON-LD.

``feature.py`` joins it to the build.
"""
