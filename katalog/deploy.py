"""Deployers: copy a checked site to where it is served. The target is one string in the
settings (``CATALOGUE_DEPLOY_TARGET``, from ``KATALOG_DEPLOY`` in publishconf.py):

- ``rsync:USER@HOST:/srv/www/katalog/`` (or a local folder) over SSH with rsync;
- ``s3://BUCKET/PREFIX`` to an S3-compatible bucket (needs the optional ``boto3``);
- ``git:REPOSITORY#BRANCH`` as a commit on a branch for static hosting (e.g. gh-pages).

Every deployer uploads assets before pages, so a page never names a file not yet there.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _
from cus_catalogue.publishing.assets import HASHED

from .gitutil import git

# "https://user:token@host/..." or "https://token@host/...": whatever stands before the "@".
_URL_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"


class DeployError(Exception):
    """The site could not be deployed; the message says why."""


@dataclass(frozen=True)
class Target:
    """A parsed deploy target."""

    method: str  # rsync | s3 | git
    location: str  # rsync destination, bucket, or repository
    path: str = ""  # S3 key prefix, or git branch


def redact(text: str) -> str:
    """The text with the credentials of every URL in it replaced by ``***``, for printing."""
    return _URL_CREDENTIALS.sub("***@", text)


def parse_target(text: str) -> Target:
    """``rsync:DEST``, ``s3://BUCKET/PREFIX`` or ``git:REPO#BRANCH`` (branch default gh-pages)."""
    text = text.strip()
    if text.startswith("s3://"):
        bucket, _slash, prefix = text.removeprefix("s3://").partition("/")
        if not bucket:
            raise DeployError(_("the S3 target needs a bucket: s3://BUCKET/PREFIX"))
        return Target("s3", bucket, prefix.strip("/"))
    if text.startswith("rsync:"):
        destination = text.removeprefix("rsync:")
        if not destination:
            raise DeployError(_("the rsync target needs a destination: rsync:USER@HOST:/PATH/"))
        return Target("rsync", destination.rstrip("/") + "/")
    if text.startswith("git:"):
        repository, _hash, branch = text.removeprefix("git:").rpartition("#")
        if not repository:
            repository, branch = branch, ""
        if not repository:
            raise DeployError(_("the git target needs a repository: git:REPOSITORY#BRANCH"))
        return Target("git", repository, branch or "gh-pages")
    raise DeployError(
        _("unknown deploy target “{target}”: use rsync:..., s3://... or git:...").format(
            target=redact(text)
        )
    )


def deploy_rsync(site: Path, destination: str, ssh: str = "ssh -o BatchMode=yes") -> None:
    """Two passes: new assets first (nothing deleted), then pages, deleting what is gone."""
    base = ["rsync", "--recursive", "--links", "--times", "--compress", "--checksum", "-e", ssh]
    for extra in (["--exclude=*.html"], ["--delete"]):
        result = subprocess.run(
            [*base, *extra, f"{site}/", destination], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise DeployError(result.stderr.strip() or "rsync failed")


def _content_type(path: Path) -> str:
    """The Content-Type a browser needs; text with its charset."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    textual = kind.startswith("text/") or kind.endswith(("json", "javascript", "xml"))
    return f"{kind}; charset=utf-8" if textual else kind


def deploy_s3(
    site: Path,
    bucket: str,
    prefix: str,
    endpoint: str = "",
    client_factory: Callable[[], Any] | None = None,
) -> tuple[int, int]:
    """Upload every file (pages last), then delete keys under the prefix the site no longer has.
    Returns (uploaded, deleted)."""
    if client_factory is None:
        try:
            import boto3  # optional: pip install 'katalog-uslug-cus[s3]'
        except ImportError as error:
            raise DeployError(
                _("S3 deploy needs boto3: pip install 'katalog-uslug-cus[s3]'")
            ) from error
        client = boto3.client("s3", endpoint_url=endpoint or None)
    else:
        client = client_factory()
    key_prefix = f"{prefix}/" if prefix else ""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.suffix == ".html")  # stable: assets first, pages last
    keys = set()
    for path in files:
        key = key_prefix + path.relative_to(site).as_posix()
        keys.add(key)
        cache = LONG_CACHE if HASHED.search(path.name) else SHORT_CACHE
        client.upload_file(
            str(path),
            bucket,
            key,
            ExtraArgs={"ContentType": _content_type(path), "CacheControl": cache},
        )
    stale = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=key_prefix):
        stale += [item["Key"] for item in page.get("Contents", []) if item["Key"] not in keys]
    for start in range(0, len(stale), 1000):
        chunk = [{"Key": key} for key in stale[start : start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": chunk})
    return len(files), len(stale)


def deploy_git(site: Path, repository: str, branch: str, message: str | None = None) -> bool:
    """Commit the site on top of ``branch`` (created when missing) and push it.
    Returns False when the site is unchanged and nothing was pushed."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": os.environ.get("GIT_AUTHOR_NAME", "katalog publish"),
        "GIT_AUTHOR_EMAIL": os.environ.get("GIT_AUTHOR_EMAIL", "katalog@localhost"),
        "GIT_COMMITTER_NAME": os.environ.get("GIT_COMMITTER_NAME", "katalog publish"),
        "GIT_COMMITTER_EMAIL": os.environ.get("GIT_COMMITTER_EMAIL", "katalog@localhost"),
    }
    message = message or _("Publish the catalogue, {when}").format(
        when=dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    )
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        git(work, "init", "--quiet", env=env)
        git(work, "fetch", "--quiet", "--depth=1", repository, branch, check=False, env=env)
        has_branch = bool(git(work, "rev-parse", "--verify", "--quiet", "FETCH_HEAD", check=False))
        if has_branch:
            git(work, "checkout", "--quiet", "-B", branch, "FETCH_HEAD", env=env)
            git(work, "rm", "-r", "--quiet", "--ignore-unmatch", ".", env=env)
        else:
            git(work, "checkout", "--quiet", "--orphan", branch, env=env)
        shutil.copytree(site, work, dirs_exist_ok=True)
        (work / ".nojekyll").write_bytes(b"")  # serve files and folders as they are
        git(work, "add", "--all", env=env)
        if has_branch and not git(work, "status", "--porcelain", env=env).strip():
            return False
        git(work, "commit", "--quiet", "-m", message, env=env)
        git(work, "push", "--quiet", repository, f"HEAD:refs/heads/{branch}", env=env)
    return True
