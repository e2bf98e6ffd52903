"""Deployers: a git branch in a local bare repository, rsync to a local folder, and the S3
upload order and headers (through a recording client: no bucket is reachable in tests)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from katalog.deploy import DeployError, Target, deploy_git, deploy_rsync, deploy_s3, parse_target
from katalog.publish import deploy


def site(root: Path, version: str) -> Path:
    """A tiny built site."""
    (root / "theme").mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(f"<h1>{version}</h1>", encoding="utf-8")
    (root / "theme" / "main.0123456789.css").write_text("body{}", encoding="utf-8")
    return root


def git(repo: Path, *args: str) -> str:
    """Output of a git command in ``repo``."""
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rsync:www@serwer:/srv/katalog", Target("rsync", "www@serwer:/srv/katalog/")),
        ("s3://kubelek/katalog/", Target("s3", "kubelek", "katalog")),
        ("s3://kubelek", Target("s3", "kubelek", "")),
        ("git:/srv/strona.git#pages", Target("git", "/srv/strona.git", "pages")),
        (
            "git:git@github.com:cus/katalog.git",
            Target("git", "git@github.com:cus/katalog.git", "gh-pages"),
        ),
    ],
)
def test_targets_are_parsed(text, expected):
    assert parse_target(text) == expected


def test_an_unknown_target_is_refused_in_polish():
    with pytest.raises(DeployError, match="nieznane miejsce publikacji „ftp://x”"):
        parse_target("ftp://x")


def test_git_deploy_commits_on_the_branch_and_keeps_history(tmp_path):
    remote = tmp_path / "strona.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    assert deploy_git(site(tmp_path / "v1", "pierwsza"), str(remote), "gh-pages", "v1") is True
    second = site(tmp_path / "v2", "druga")
    (second / "nowa.html").write_text("nowa", encoding="utf-8")
    assert deploy_git(second, str(remote), "gh-pages", "v2") is True
    assert deploy_git(second, str(remote), "gh-pages", "v3") is False  # nothing changed
    assert git(remote, "log", "--format=%s", "gh-pages").split() == ["v2", "v1"]
    files = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert files == [".nojekyll", "index.html", "nowa.html", "theme/main.0123456789.css"]
    assert git(remote, "show", "gh-pages:index.html") == "<h1>druga</h1>"


def test_publish_deploy_to_git_target(tmp_path):
    remote = tmp_path / "strona.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    deploy(site(tmp_path / "site", "x"), f"git:{remote}#strona")
    assert "index.html" in git(remote, "ls-tree", "--name-only", "strona")


def test_git_deploy_to_a_missing_repository_is_a_deploy_error(tmp_path):
    with pytest.raises(DeployError):
        deploy(site(tmp_path / "site", "x"), f"git:{tmp_path / 'nie-ma.git'}#gh-pages")


def test_rsync_deploy_mirrors_the_site(tmp_path):
    destination = tmp_path / "www"
    destination.mkdir()
    (destination / "stary.html").write_text("stary", encoding="utf-8")
    deploy_rsync(site(tmp_path / "site", "x"), f"{destination}/")
    assert (destination / "index.html").read_text() == "<h1>x</h1>"
    assert (destination / "theme" / "main.0123456789.css").is_file()
    assert not (destination / "stary.html").exists()


class RecordingS3:
    """Stands in for a boto3 S3 client: records uploads, lists and deletes keys in memory."""

    def __init__(self, existing: list[str]) -> None:
        self.keys = set(existing)
        self.uploads: list[tuple[str, dict]] = []
        self.deleted: list[str] = []

    def upload_file(self, filename: str, bucket: str, key: str, ExtraArgs: dict) -> None:
        self.uploads.append((key, ExtraArgs))
        self.keys.add(key)

    def get_paginator(self, name: str) -> RecordingS3:
        return self

    def paginate(self, Bucket: str, Prefix: str) -> list[dict]:
        return [{"Contents": [{"Key": k} for k in sorted(self.keys) if k.startswith(Prefix)]}]

    def delete_objects(self, Bucket: str, Delete: dict) -> None:
        for item in Delete["Objects"]:
            self.deleted.append(item["Key"])
            self.keys.discard(item["Key"])


def test_s3_deploy_uploads_assets_before_pages_and_deletes_stale_keys(tmp_path):
    client = RecordingS3(["katalog/stary.html", "inny/plik.txt"])
    uploaded, deleted = deploy_s3(
        site(tmp_path / "site", "x"), "kubelek", "katalog", client_factory=lambda: client
    )
    assert (uploaded, deleted) == (2, 1)
    keys = [key for key, _args in client.uploads]
    assert keys == ["katalog/theme/main.0123456789.css", "katalog/index.html"]
    css, page = (args for _key, args in client.uploads)
    assert css == {
        "ContentType": "text/css; charset=utf-8",
        "CacheControl": "public, max-age=31536000, immutable",
    }
    assert page == {
        "ContentType": "text/html; charset=utf-8",
        "CacheControl": "public, max-age=300",
    }
    assert client.deleted == ["katalog/stary.html"]


def test_s3_without_boto3_says_how_to_install_it(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_boto3(name, *args, **kwargs):
        if name == "boto3":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_boto3)
    with pytest.raises(DeployError, match=r"katalog-uslug-cus\[s3\]"):
        deploy_s3(site(tmp_path / "site", "x"), "kubelek", "")


TOKEN = "ghp_TajnyToken123"


def test_defect_20_publish_never_prints_the_credentials_of_its_target(
    tmp_path, monkeypatch, capsys
):
    """A token in the deploy URL is replaced by *** in every line publish prints."""
    from katalog.publish import publish

    remote = tmp_path / "strona.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    secret_url = f"https://x-access-token:{TOKEN}@git.example.invalid/cus/strona.git"
    # git itself sends the secret URL to the local repository, so the deploy really runs.
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", f"url.{remote}.insteadOf")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", secret_url)
    mini = Path(__file__).resolve().parent / "fixtures" / "mini"
    overrides = {"CATALOGUE_TODAY": "2026-11-23"}
    result = publish(
        mini, tmp_path / "site", target=f"git:{secret_url}#gh-pages", overrides=overrides,
        check_links=False,
    )  # fmt: skip
    out = capsys.readouterr()
    assert result.deployed, out.err
    assert "index.html" in git(remote, "ls-tree", "--name-only", "gh-pages")
    assert "Opublikowano w git:https://***@git.example.invalid/cus/strona.git#gh-pages." in out.out
    monkeypatch.delenv("GIT_CONFIG_COUNT")
    failed = publish(
        mini, tmp_path / "site2", target=f"git:{secret_url}#gh-pages", overrides=overrides,
        check_links=False,
    )  # fmt: skip
    out = capsys.readouterr()
    assert failed.code == 1 and "Publikacja się nie udała" in out.err
    assert TOKEN not in out.out + out.err
