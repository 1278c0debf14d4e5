"""make docs as a whole: every document in both formats, the published subset, the cache,
the glyph check and the untouched previous outputs after a failure."""

from __future__ import annotations

from documents_helpers import load, make_archive

from generators.documents.build import MANIFEST, build
from generators.documents.catalog import documents
from generators.outputs import MARKER
from generators.present import public_view
from generators.site.printed import printed_documents


def test_every_document_in_both_formats(built):
    archive, out, _, result = built
    stems = {spec.stem for spec in documents(archive)}
    kinds = {spec.kind for spec in documents(archive)}
    assert {"notice", "circular", "overall-report", "sub-report", "comprehensive-review", "evaluation-plan",
            "rectification-plan", "self-assessment", "hazard", "hazard-list"} <= kinds
    printed = {p.name for p in out.iterdir() if p.name != MARKER}  # the marker says a build made the folder
    assert printed == {f"{s}.{x}" for s in stems for x in ("pdf", "docx")} | {MANIFEST}
    assert result.rendered == len(stems)


def test_classified_documents_are_built_but_not_published(built):
    """Offices get every document; the site links (from the manifest) none that prints a classified
    record, and lists a record's own document first."""
    archive, out, _, _ = built
    linked = printed_documents(archive, public_view(archive)[0], out.parent)
    published = {document.stem for documents in linked.values() for document in documents}
    assert (out / "T-HZ-SECRET.pdf").exists() and "T-HZ-SECRET" not in published
    assert "T-NOTICE-SECRET" not in published and "T-HZ-SECRET" not in linked
    printing = [document.stem for document in linked["T-HZ-0001"]]
    assert printing[0] == "T-HZ-0001" and "T-SA-sanxing" in printing


def test_second_run_renders_nothing(built):
    archive, out, cache, _ = built
    again = build(archive, out, cache, progress=False)
    assert again.rendered == 0 and again.cached == again.documents


def test_changing_one_hazard_rerenders_only_its_documents(built, tmp_path):
    _, _, cache, _ = built
    data = make_archive(tmp_path)
    fixture = data / "zz-documents-fixture.yml"
    changed = fixture.read_text(encoding="utf-8").replace("消防通道堵塞", "消防通道严重堵塞")
    fixture.write_text(changed, encoding="utf-8")
    archive = load(data)
    result = build(archive, tmp_path / "out", cache, progress=False)
    expected = {spec.stem for spec in documents(archive) if "T-HZ-0002" in spec.record_ids}
    assert result.rendered == len(expected) and len(expected) >= 3


def test_missing_glyph_is_an_error_and_keeps_previous_outputs(built, tmp_path):
    _, _out, cache, _ = built
    extra = ("- type: person\n  id: T-glyph\n  name: {zh: 张\ue000}\n  organisation: office\n  role: {zh: 科员}\n"
             "- type: notice\n  id: T-GLYPH\n  kind: notice\n  document_number: 海安委办〔2022〕77号\n"
             "  issuer: office\n  date: 2022-06-01\n  classification: 公开\n  title: {zh: 关于测试\ue000的通知}\n"
             "  addressees: {zh: 各区镇}\n  body: {zh: 正文。}\n")
    archive = load(make_archive(tmp_path, extra))
    target = tmp_path / "out"
    target.mkdir()
    (target / "previous.pdf").write_bytes(b"previous")
    result = build(archive, target, cache, progress=False)
    errors = [d for d in result.diagnostics if d.code == "E601"]
    assert errors and "U+E000" in errors[0].message("en")
    assert "zz-extra.yml" in str(errors[0].location)
    assert [p.name for p in target.iterdir()] == ["previous.pdf"]
