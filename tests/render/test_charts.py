"""The report's charts (jdbuilder.render.charts): one Drawing for the PDF and the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from jdbuilder.doctree import Document, Heading, Paragraph, plain
from jdbuilder.render.charts import BarChart, drawing, svg, write_pdf_with_charts

CHART = BarChart("Findings by category", ("Stigmatizing labels", "Addiction stigma"),
                 (12.0, 5.0), ("12", "5"), axis_label="findings",
                 description="Seventeen findings, by category.")


def found(pattern: str, text: str) -> str:
    m = re.search(pattern, text)
    assert m is not None, pattern
    return m.group(1)


def test_svg_is_inline_ready_and_labelled() -> None:
    out = svg(CHART, "chart-a")
    assert out.startswith("<svg ") and out.endswith("</svg>")
    assert "<?xml" not in out and "DOCTYPE" not in out and "xmlns" not in out
    assert "http" not in out and "//" not in out
    assert 'role="img"' in out and 'aria-labelledby="chart-a-t chart-a-d"' in out
    assert '<title id="chart-a-t">Findings by category</title>' in out
    assert '<desc id="chart-a-d">Seventeen findings, by category.</desc>' in out
    ids = re.findall(r'\bid="([^"]+)"', out)
    assert ids == ["chart-a-t", "chart-a-d"]  # nothing that could clash between charts
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", out)
    for label in ("Stigmatizing labels", "Addiction stigma", "12", "5", "findings"):
        assert label in texts


def test_bars_share_one_color_and_print_their_values() -> None:
    out = svg(CHART, "c")
    bars = re.findall(r"<rect[^>]*>", out)
    assert len(bars) == 2
    assert {found(r"fill: (rgb\([^)]*\))", b) for b in bars} == {"rgb(18%,29%,48%)"}
    widths = [float(found(r'width="([0-9.]+)"', b)) for b in bars]
    assert widths[0] / widths[1] == pytest.approx(12 / 5)
    # nothing depends on telling colors apart: each bar's value is written beside it
    assert {"12", "5"} <= set(re.findall(r"<text[^>]*>([^<]*)</text>", out))


def test_long_labels_are_shortened_to_fit() -> None:
    long = "a-very-long-document-name-" * 6 + ".docx"
    chart = BarChart("Docs", (long, "short.docx"), (3.0, 1.0), ("3.0", "1.0"))
    d = drawing(chart, 400)
    names = d.contents[0].categoryAxis.categoryNames
    assert names[0].endswith("\u2026") and len(names[0]) < len(long)
    assert names[1] == "short.docx"


def test_percent_axis() -> None:
    chart = BarChart("Share", ("a.docx",), (0.5,), ("50% (1 of 2)",), percent=True)
    out = svg(chart, "p")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", out)
    assert "100%" in texts and "0%" in texts and "50% (1 of 2)" in texts


def test_labels_values_and_value_labels_must_match() -> None:
    with pytest.raises(ValueError, match="one label, value and value label per bar"):
        BarChart("x", ("a", "b"), (1.0,), ("1",))


def test_pdf_with_a_chart_under_a_heading(tmp_path: Path) -> None:
    doc = Document(title="Charts", body=(Heading("Findings by category", 1),
                                         Paragraph(plain("The table follows."))))
    out = tmp_path / "c.pdf"
    write_pdf_with_charts(doc, {0: CHART}, out)
    text = PdfReader(str(out)).pages[0].extract_text()
    assert text.index("Findings by category") < text.index("Stigmatizing labels") \
        < text.index("The table follows.")
