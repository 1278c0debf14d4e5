"""The public release package (BagIt) is something the public gets: its records, texts, site and
PDFs hold no personal number in full. Built for real from a published tag of a fixture repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
from archive_repo import commit, example_repo, git, git_env

from tests.hostile_support import notice, unmasked

ROOT = Path(__file__).resolve().parents[1]
TAG = "publish/2022-07-01"
MOBILE, ID_NUMBER = "13987654321", "320684198812120036"


def test_public_package_masks_personal_numbers(tmp_path):
    repo = example_repo(tmp_path / "repo")
    body = json.dumps({"zh": f"联系人 张三，手机 {MOBILE}，身份证 {ID_NUMBER}。"}, ensure_ascii=False)
    (repo / "data" / "notices" / "n-2022-40.yml").write_text(
        notice("n-2022-40", number=40, title=f"关于张三（{MOBILE}）的通知", body=body), encoding="utf-8")
    commit(repo, "收录含个人号码的通知", "2022-07-01T10:00:00+08:00")
    git(repo, "tag", "-a", TAG, "-m", "发布", when="2022-07-01T18:00:00+08:00")
    env = {**git_env(), "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "TZ": "Asia/Shanghai"}
    env.pop("SOURCE_DATE_EPOCH", None)
    made = subprocess.run([sys.executable, "-m", "generators", "release", "--data", "data", "--tag", TAG,
                           "--build", "build"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stderr + made.stdout
    bag = repo / "build" / "releases" / TAG
    record = bag / "data" / "records" / "data" / "notices" / "n-2022-40.yml"
    assert record.is_file() and "139＊＊＊＊4321" in record.read_text(encoding="utf-8")
    leaks = []
    for path in sorted(bag.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                text = "".join(page.extract_text() or "" for page in pdf.pages)
        elif path.suffix in {".yml", ".md", ".html", ".json", ".csv", ".txt", ".js", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        if unmasked(text, [MOBILE, ID_NUMBER]):
            leaks.append(os.path.relpath(path, bag))
    assert leaks == []
