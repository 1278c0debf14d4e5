"""Release packages: a BagIt bag of a published tag, reproducible, verifiable, without classified records.

Builds real packages (the site and documents commands run) from a fixture repository.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from archive_repo import commit, example_repo, git, git_env

from generators.releases.compare import compare_trees
from generators.releases.verify import verify_bag

ROOT = Path(__file__).resolve().parent.parent
TAG = "publish/2022-07-01"

SECRET = """\
type: notice
id: n-2022-30
kind: notice
document_number: 海安委办〔2022〕30号
issuer: office
date: 2022-06-30
title: {zh: 关于重大隐患挂牌督办的通知, en: Notice on listing a major hazard for supervision}
addressees: {zh: 各区镇, en: All towns}
body: {zh: 涉密内容。, en: Classified content.}
classification: 秘密
archival: {year: 2022, retention: Y, item_number: 30}
"""
# One file, one classified and one public notice: the public package keeps the public one.
PUBLIC = """\
type: notice
id: n-2022-31
kind: notice
document_number: 海安委办〔2022〕31号
issuer: office
date: 2022-06-30
title: {zh: 关于报送半年工作总结的通知, en: Notice on sending the half-year summary}
addressees: {zh: 各区镇, en: All towns}
body: {zh: 请各区镇报送半年工作总结。, en: Towns are asked to send their half-year summary.}
classification: 公开
archival: {year: 2022, retention: D10, item_number: 31}
"""
MIXED = "notices/2022-06-30.yml"


def as_list(*records: str) -> str:
    return "# 六月底的两份通知\n" + "".join("- " + record.replace("\n", "\n  ").rstrip(" ") for record in records)


def run(*args: str, cwd: Path, tz: str = "Asia/Shanghai") -> subprocess.CompletedProcess:
    env = {**git_env(), "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "TZ": tz}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def release(repo: Path, *extra: str, tz: str = "Asia/Shanghai") -> Path:
    result = run("release", "--data", "data", "--tag", TAG, "--build", "build", *extra, cwd=repo, tz=tz)
    assert result.returncode == 0, result.stderr + result.stdout
    name = TAG + ("-restricted" if "--restricted" in extra else "")
    return repo / "build" / "releases" / name


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = example_repo(tmp_path_factory.mktemp("release") / "repo")
    (repo / "data" / MIXED).write_text(as_list(SECRET, PUBLIC), encoding="utf-8")
    commit(repo, "收录六月底的两份通知", "2022-06-30T16:00:00+08:00")  # a commit message is public history
    git(repo, "tag", "-a", TAG, "-m", "七月发布", when="2022-07-01T10:00:00+08:00")
    # work after the tag must not reach the package
    (repo / "data" / "notices" / "n-2022-21.yml").write_text("type: broken\n", encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def bag(repo: Path) -> Path:
    return release(repo)


def test_bag_info_and_manifests(bag: Path) -> None:
    assert (bag / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = dict(line.split(": ", 1) for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines())
    assert info["Bagging-Date"] == "2022-07-01"  # the tag's date, not today's
    assert info["External-Identifier"] == TAG
    assert info["External-Description"] == "七月发布"
    assert info["Source-Organization"] == "南通市海门区安全生产委员会办公室"
    assert "1 classified records left out" in info["Internal-Sender-Description"]
    for algorithm in ("sha256", "sha512"):
        assert (bag / f"manifest-{algorithm}.txt").is_file() and (bag / f"tagmanifest-{algorithm}.txt").is_file()
    lines = (bag / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    assert any(line.endswith("  data/site/index.html") for line in lines)
    assert any(line.endswith("  data/site/en/index.html") for line in lines)


def test_payload_holds_site_pdfa_records_catalogue(bag: Path) -> None:
    data = bag / "data"
    pdfs = sorted(p.name for p in (data / "documents").iterdir())
    assert {"n-2022-20.pdf", "n-2022-20-v2.pdf", "n-2022-21.pdf"} <= set(pdfs)
    assert all(name.endswith(".pdf") for name in pdfs)  # Word files are not archival formats
    with pikepdf.open(data / "documents" / "n-2022-20-v2.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") in {"1", "2", "3"}, "the archived PDFs are PDF/A"
    records = data / "records"
    assert (records / "data" / "notices" / "n-2022-20-v2.yml").is_file()
    body = records / "content" / "notices" / "n-2022-20.zh.md"
    assert body.read_text(encoding="utf-8") == "第一季度评估进展情况。\n"
    assert "type: broken" not in (records / "data" / "notices" / "n-2022-21.yml").read_text(encoding="utf-8")
    text = (data / "metadata" / "archival.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_id = {row["记录编号 record_id"]: row for row in rows}
    assert [row["件号 item_number"] for row in rows] == ["0020", "0021", "0022", "0031"]  # by item number
    revised = by_id["n-2022-20-v2"]
    assert revised["档号 reference_code"] == "J053-WS·2022-D30-0022"
    assert (revised["全宗号 fonds"], revised["年度 year"], revised["保管期限 retention"]) == ("J053", "2022", "D30")
    assert revised["文号 document_number"] == "海安委办〔2022〕20号"
    assert revised["日期 date"] == "2022-05-20"
    assert revised["文件 pdf"] == "data/documents/n-2022-20-v2.pdf"
    assert all(row["文件 pdf"] == f"data/documents/{row['记录编号 record_id']}.pdf" for row in rows)  # its own
    assert by_id["n-2022-20"]["状态 status"] == "已被替代 superseded"
    assert by_id["n-2022-21"]["状态 status"] == "已撤回 withdrawn"
    catalogue = json.loads((data / "metadata" / "archival.json").read_text(encoding="utf-8"))
    assert catalogue["fonds"] == "J053" and catalogue["classified_left_out"] == 1
    assert [item["record_id"] for item in catalogue["items"]] == [row["记录编号 record_id"] for row in rows]


def test_classified_records_are_left_out(bag: Path) -> None:
    everything = "\n".join(str(p) for p in bag.rglob("*"))
    assert "n-2022-30" not in everything
    for path in bag.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".csv", ".json", ".yml", ".md", ".txt"}:
            assert "挂牌督办" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_public_records_of_a_mixed_file_are_in_the_package(bag: Path) -> None:
    """Withhold records, not files: the file is there with its public record only, as written."""
    kept = (bag / "data" / "records" / "data" / MIXED).read_text(encoding="utf-8")
    assert kept == "# 六月底的两份通知\n" + "- " + PUBLIC.replace("\n", "\n  ").rstrip(" ")
    rows = (bag / "data" / "metadata" / "archival.csv").read_text(encoding="utf-8-sig")
    assert "n-2022-31" in rows and (bag / "data" / "documents" / "n-2022-31.pdf").is_file()


def test_restricted_package_holds_everything(repo: Path) -> None:
    restricted = release(repo, "--restricted")
    assert "id: n-2022-30" in (restricted / "data" / "records" / "data" / MIXED).read_text(encoding="utf-8")
    assert (restricted / "data" / "documents" / "n-2022-30.pdf").is_file()
    assert "n-2022-30" in (restricted / "data" / "metadata" / "archival.csv").read_text(encoding="utf-8")
    assert "RESTRICTED" in (restricted / "bag-info.txt").read_text(encoding="utf-8")
    assert verify_bag(restricted).ok


def test_package_is_reproducible(repo: Path, bag: Path, tmp_path: Path) -> None:
    """Another clone, in another folder, at another time of day and time zone: the same bytes."""
    clone = tmp_path / "elsewhere" / "clone"
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(clone)], env=git_env(), check=True)
    again = release(clone, tz="America/New_York")
    assert compare_trees(bag, again) == []
    assert os.stat(again / "data" / "metadata" / "archival.csv").st_mtime == os.stat(
        bag / "data" / "metadata" / "archival.csv").st_mtime  # the tag's time


def test_package_is_the_same_from_another_build_folder(repo: Path, bag: Path) -> None:
    """The same tag built into another BUILD folder (paths in reviewer pages and the search index
    are relative to the archive, not to where it was built): the same bytes."""
    result = run("release", "--data", "data", "--tag", TAG, "--build", "elsewhere/build-2", cwd=repo)
    assert result.returncode == 0, result.stderr + result.stdout
    assert compare_trees(bag, repo / "elsewhere" / "build-2" / "releases" / TAG) == []


def test_verify_passes_then_fails_after_one_byte(bag: Path, tmp_path: Path) -> None:
    ok = run("verify-release", "--bag", str(bag), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout
    assert "package intact" in ok.stdout

    altered = tmp_path / "altered"
    shutil.copytree(bag, altered)
    pdf = altered / "data" / "documents" / "n-2022-20-v2.pdf"
    content = bytearray(pdf.read_bytes())
    content[len(content) // 2] ^= 0x01  # one bit of one byte
    pdf.write_bytes(bytes(content))
    result = run("verify-release", "--bag", str(altered), cwd=tmp_path)
    assert result.returncode == 1
    assert "altered\tdata/documents/n-2022-20-v2.pdf\t(sha256, sha512)" in result.stdout
    assert "1 problem (" in result.stdout


def test_verify_names_missing_and_extra_files(bag: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    shutil.copytree(bag, damaged)
    (damaged / "data" / "site" / "index.html").unlink()
    (damaged / "data" / "documents" / "unlisted.pdf").write_bytes(b"%PDF-")
    result = run("verify-release", "--bag", str(damaged), cwd=tmp_path)
    assert result.returncode == 1
    assert "missing\tdata/site/index.html" in result.stdout
    assert "extra\tdata/documents/unlisted.pdf" in result.stdout
    zh = subprocess.run([sys.executable, "-m", "generators", "verify-release", "--bag", str(damaged)],
                        env={**os.environ, "PYTHONPATH": str(ROOT), "LANG": "zh_CN.UTF-8"},
                        capture_output=True, text=True)
    assert "缺失\tdata/site/index.html" in zh.stdout and "归档包校验失败" in zh.stdout


def test_bag_info_change_is_caught(bag: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(bag, copy)
    info = copy / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("2022-07-01", "2023-07-01"), encoding="utf-8")
    problems = verify_bag(copy).problems
    assert [(p.kind, p.path) for p in problems] == [("altered", "bag-info.txt")]


def test_release_refuses_a_missing_tag_and_non_tags(repo: Path) -> None:
    result = run("release", "--data", "data", "--tag", "publish/1999-01-01", cwd=repo)
    assert result.returncode == 1 and "no tag 'publish/1999-01-01'" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("release", "--data", "data", "--tag", "main", cwd=repo)
    assert result.returncode == 1 and "no tag 'main'" in result.stderr
