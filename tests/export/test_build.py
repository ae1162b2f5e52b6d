from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from jdbuilder.export.build import BuildOptions, build
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.project import Project


def _styles(path: Path) -> set[str]:
    return {p.style.name for p in docx.Document(str(path)).paragraphs if p.style is not None}


def test_job_description_docx_and_pdf(tmp_path: Path, sample_jd: JobDescription) -> None:
    files = build(Project(job_description=sample_jd), tmp_path,
                  BuildOptions(organisation="Hilltown Peer Network", documents=["jd"]))
    names = sorted(p.name for p in files)
    assert names == ["peer-specialist-job-description.docx", "peer-specialist-job-description.pdf"]
    d = docx.Document(str(tmp_path / names[0]))
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= _styles(tmp_path / names[0])
    assert d.core_properties.author == "Hilltown Peer Network"
    assert d.core_properties.language == "en-US"
    assert sample_jd.title in d.core_properties.title
    headings = [p.text for p in d.paragraphs if p.style is not None
                and p.style.name == "Heading 1"]
    assert headings == ["Function", "Reporting relationships", "Responsibilities",
                        "Qualifications", "Employment conditions", "Abilities and attributes"]
    body = "\n".join(p.text for p in d.paragraphs)
    assert sample_jd.function in body
    assert sample_jd.areas[0].duties[0] in body

    reader = PdfReader(str(tmp_path / names[1]))
    assert reader.metadata is not None and sample_jd.title in str(reader.metadata.title)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Page 1 of" in text
    assert "Responsibilities" in text
    outline_titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Qualifications" in outline_titles


def test_unicode_names_print_in_pdf(tmp_path: Path) -> None:
    jd = JobDescription(title="Peer Specialist", reports_to=["Nguyễn Thị Zoë Łukasz"],
                        function="Supports people.")
    (pdf,) = build(Project(job_description=jd), tmp_path,
                   BuildOptions(formats=["pdf"], documents=["jd"]))
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Nguyễn Thị Zoë Łukasz" in text
    fonts = str(PdfReader(str(pdf)).pages[0]["/Resources"]["/Font"])
    assert "Helvetica" not in fonts


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_paper_size_and_large_print(tmp_path: Path, sample_jd: JobDescription,
                                    paper: str) -> None:
    files = build(Project(job_description=sample_jd), tmp_path,
                  BuildOptions(paper=paper, large_print=True, documents=["jd"]))
    assert all("large-print" in p.name for p in files)
    pdf = next(p for p in files if p.suffix == ".pdf")
    width = float(PdfReader(str(pdf)).pages[0].mediabox.width)
    assert round(width) == (612 if paper == "letter" else 595)
    d = docx.Document(str(next(p for p in files if p.suffix == ".docx")))
    size = d.styles["Normal"].font.size
    assert size is not None and size.pt >= 16


def test_existing_file_replaced_only_by_complete_new_one(tmp_path: Path,
                                                         sample_jd: JobDescription,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "peer-specialist-job-description.pdf"
    target.write_bytes(b"old")

    def boom(self: object, path: object) -> None:
        Path(str(path)).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jdbuilder.render.pdf.PdfRenderer.write", boom)
    with pytest.raises(Exception, match="No space left"):
        build(Project(job_description=sample_jd), tmp_path, BuildOptions(formats=["pdf"]))
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_job_ad_document(tmp_path: Path, sample_jd: JobDescription) -> None:
    from jdbuilder.model.jobad import generate_ad

    ad = generate_ad(sample_jd, organisation="Hilltown")
    ad.summary = "Edited summary kept as written."
    proj = Project(job_description=sample_jd, job_ad=ad)
    files = build(proj, tmp_path, BuildOptions(documents=["ad"], organisation="Hilltown"))
    assert sorted(p.name for p in files) == ["peer-specialist-job-ad.docx",
                                             "peer-specialist-job-ad.pdf"]
    d = docx.Document(str(tmp_path / "peer-specialist-job-ad.docx"))
    body = "\n".join(p.text for p in d.paragraphs)
    assert "Edited summary kept as written." in body
    assert "equal opportunity" in body and ad.required[0] in body
