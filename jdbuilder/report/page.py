"""The report as one self-contained HTML page.

Everything is inside the file: the CSS, the charts (inline SVG drawn by
`jdbuilder.render.charts`) and a small script that pages, filters and sorts the documents. A
Content-Security-Policy forbids the page to load anything, so it opens offline and never
makes a request. Links to the documents are relative to the page's folder. Without the script
every document is shown and the controls stay hidden.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from jdbuilder import __version__
from jdbuilder.atomic import AtomicOutput
from jdbuilder.render.charts import svg
from jdbuilder.report.analyze import KIND_DOCUMENT
from jdbuilder.report.figures import Cell, Figure, figures
from jdbuilder.report.portfolio import Portfolio, plural, summary_dict, when
from jdbuilder.report.wording import (
    SEVERITY_MARK,
    SEVERITY_WORD,
    comparison_sentence,
    facts_sentence,
    since_sentence,
)
from jdbuilder.vocab import Severity

_E = html.escape
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")

STYLE = """
:root{--ink:#1a1a1a;--muted:#4d4d4d;--line:#c8c8c8;--bar:#2f4b7c;--soft:#f3f5f8}
*{box-sizing:border-box}
body{font-family:'DejaVu Sans','Segoe UI',Verdana,Arial,sans-serif;color:var(--ink);
 margin:0;line-height:1.45;background:#fff}
header,main,nav{max-width:70rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--bar);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:0 0 .3rem}
h4{font-size:1rem;margin:.9rem 0 .3rem}
.meta,.note{color:var(--muted)}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
a{color:#1f3f73}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #e0a000;outline-offset:2px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.75rem;
 padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;
 background:var(--soft)}
.cards b{display:block;font-size:1.6rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e6e6e6}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0 2rem;border:1px solid var(--line);border-radius:.4rem;padding:.8rem}
figcaption{font-weight:bold;margin-bottom:.4rem}
svg.chart{width:100%;max-width:48rem;height:auto;display:block}
details summary{cursor:pointer;margin:.4rem 0}
.badge{display:inline-block;font-weight:bold;border:1px solid currentColor;border-radius:.3rem;
 padding:0 .35rem;font-size:.85rem}
.badge.error{color:#8b0000}.badge.warning{color:#6b4400}.badge.info{color:#1f3f73}
mark{background:#ffe08a;color:#000;font-weight:bold;text-decoration:underline;
 text-decoration-thickness:2px;padding:0 .1rem}
blockquote{margin:.3rem 0;padding:.3rem .7rem;border-left:4px solid var(--bar);
 background:var(--soft)}
ol.findings{padding-left:1.6rem}
ol.findings li{margin:.2rem 0 .9rem}
ol.findings p{margin:.15rem 0}
article.doc p{margin:.25rem 0}
article.doc{border-top:1px solid var(--line);padding:1rem 0;content-visibility:auto;
 contain-intrinsic-size:auto 20rem}
.controls{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;padding:.7rem;
 background:var(--soft);border:1px solid var(--line);border-radius:.4rem;position:sticky;
 top:0;z-index:1}
.controls label{display:flex;flex-direction:column;font-size:.85rem}
.controls input,.controls select,.controls button{font:inherit;padding:.2rem .4rem}
.pager{display:flex;gap:.5rem;align-items:center}
.ok{color:#1d5b2a}
[hidden]{display:none!important}
@media print{.controls,nav{display:none}article.doc{content-visibility:visible}}
"""

SCRIPT = """
(function () {
  'use strict';
  var list = document.getElementById('doc-list');
  var controls = document.getElementById('doc-controls');
  if (!list || !controls) { return; }
  var docs = Array.prototype.slice.call(list.querySelectorAll('article.doc'));
  var q = document.getElementById('f-text');
  var sev = document.getElementById('f-sev');
  var cat = document.getElementById('f-cat');
  var sort = document.getElementById('f-sort');
  var size = document.getElementById('f-size');
  var status = document.getElementById('f-status');
  var prev = document.getElementById('f-prev');
  var next = document.getElementById('f-next');
  var page = 0;
  var shown = docs;
  controls.hidden = false;
  function num(d, key) { return parseFloat(d.getAttribute('data-' + key)) || 0; }
  function has(d, key, value) {
    return (' ' + d.getAttribute('data-' + key) + ' ').indexOf(' ' + value + ' ') >= 0;
  }
  function matches(d) {
    var text = q.value.replace(/\\s+/g, ' ').trim().toLowerCase();
    if (text && d.getAttribute('data-search').indexOf(text) < 0) { return false; }
    if (sev.value === 'none') { if (num(d, 'findings') > 0) { return false; } }
    else if (sev.value && !has(d, 'sev', sev.value)) { return false; }
    if (cat.value && !has(d, 'cats', cat.value)) { return false; }
    return true;
  }
  function render() {
    var per = parseInt(size.value, 10) || Math.max(shown.length, 1);
    var pages = Math.max(1, Math.ceil(shown.length / per));
    if (page >= pages) { page = pages - 1; }
    if (page < 0) { page = 0; }
    var from = page * per;
    var to = from + per;
    var i;
    for (i = 0; i < docs.length; i += 1) { docs[i].hidden = true; }
    for (i = 0; i < shown.length; i += 1) {
      list.appendChild(shown[i]);
      shown[i].hidden = !(i >= from && i < to);
    }
    status.textContent = shown.length === 0 ? 'No document matches.' :
      'Documents ' + (from + 1) + '\\u2013' + Math.min(to, shown.length) + ' of ' +
      shown.length + (shown.length < docs.length ? ' (filtered from ' + docs.length + ')' : '') +
      ', page ' + (page + 1) + ' of ' + pages + '.';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  function apply() {
    var key = sort.value;
    shown = docs.filter(matches);
    shown.sort(function (a, b) {
      var d = key === 'index' ? 0 : num(b, key) - num(a, key);
      return d || num(a, 'index') - num(b, 'index');
    });
    page = 0;
    render();
  }
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target || docs.indexOf(target) < 0) { return; }
    if (shown.indexOf(target) < 0) {
      q.value = ''; sev.value = ''; cat.value = '';
      apply();
    }
    var per = parseInt(size.value, 10) || Math.max(shown.length, 1);
    page = Math.floor(shown.indexOf(target) / per);
    render();
    target.scrollIntoView();
    target.focus();
  }
  [q, sev, cat, sort, size].forEach(function (el) {
    el.addEventListener(el === q ? 'input' : 'change', apply);
  });
  prev.addEventListener('click', function () { page -= 1; render(); });
  next.addEventListener('click', function () { page += 1; render(); });
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[href^="#doc-"]') : null;
    if (a) { ev.preventDefault(); reveal(a.getAttribute('href').slice(1)); }
  });
  apply();
  if (location.hash.indexOf('#doc-') === 0) { reveal(location.hash.slice(1)); }
}());
"""


def _attr(value: object) -> str:
    return _E(str(value), quote=True)


def document_link(doc_path: str, page_folder: Path) -> str:
    """A link to the document relative to the page's folder (absolute across drives)."""
    target = Path(doc_path).resolve()
    try:
        rel = os.path.relpath(target, page_folder.resolve())
    except ValueError:  # another drive on Windows
        return target.as_uri()
    return quote(Path(rel).as_posix())


def _cell(cell: Cell, numeric: bool) -> str:
    text = _E(cell.text)
    if cell.anchor:
        text = f'<a href="{_attr(cell.anchor)}">{text}</a>'
    return f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>"


def _table(header: Iterable[str], rows: Iterable[Iterable[Cell]], numeric: set[int],
           caption: str = "") -> str:
    cap = f"<caption class='note'>{_E(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col"{" class=n" if i in numeric else ""}>{_E(h)}</th>'
                   for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(_cell(c, i in numeric) for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(fig: Figure) -> str:
    numeric = {i for i, h in enumerate(fig.header)
               if h in ("Errors", "Warnings", "Info", "Total", "Words", "Findings",
                        "Per 1,000 words", "Times", "Documents", "Duties", "Contradicting",
                        "Share")}
    parts = [f'<section id="{fig.key}" aria-labelledby="{fig.key}-h">',
             f'<h2 id="{fig.key}-h">{_E(fig.heading)}</h2>']
    if not fig.chart.labels:
        parts.append(f"<p>{_E(fig.empty)}</p>")
    else:
        parts.append(f'<figure><figcaption>{_E(fig.chart.description)}</figcaption>'
                     f'{svg(fig.chart, f"chart-{fig.key}")}'
                     f'<details open><summary>The numbers in this chart as a table'
                     f'</summary>{_table(fig.header, fig.rows, numeric)}</details>'
                     "</figure>")
    if fig.note:
        parts.append(f'<p class="note">{_E(fig.note)}</p>')
    parts.append("</section>")
    return "".join(parts)


def _summary(p: Portfolio, titles: dict[str, str]) -> str:
    s = summary_dict(p)
    cards = [("Documents read", s["documents"]), ("Findings", s["findings"]),
             ("Documents with no findings", s["documents_without_findings"]),
             ("Files that could not be read", s["unreadable"]), ("Words checked", s["words"]),
             ("Findings allowed by policy", s["suppressed"])]
    out = ['<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
           '<ul class="cards">']
    out += [f"<li><b>{n:,}</b>{_E(label)}</li>" for label, n in cards]
    out.append("</ul>")
    sev = Severity.descending()
    out.append("<h3>Findings by severity</h3>")
    out.append(_table(("Errors", "Warnings", "Info", "Total"),
                      [[Cell(f"{s['by_severity'][str(x)]:,}") for x in sev]
                       + [Cell(f"{s['findings']:,}")]], {0, 1, 2, 3},
                      caption="By category: see “Findings by category” below."))
    pol = p.policy
    allowed = len(pol.allow_phrases) + len(pol.allow_rules)
    out.append(f'<p class="note">The organization&rsquo;s language policy was applied: '
               f"{_E(pol.preference)} preference for contested wording, "
               f"{plural(allowed, 'allowed phrase or rule', 'allowed phrases or rules')}; a "
               "project file&rsquo;s own policy adds to it. "
               f"{plural(s['suppressed'], 'finding')} allowed by policy "
               f"{'is' if s['suppressed'] == 1 else 'are'} not counted.</p>")
    if s["truncated_documents"]:
        out.append(f'<p class="note">{plural(s["truncated_documents"], "document")} had more '
                   "findings than the check reports for one text; only the first were "
                   "counted.</p>")
    out.append("</section>")
    return "".join(out)


def _comparison(c: dict[str, Any], names: dict[str, str]) -> str:
    docs, phrases = c["documents"], c["phrases"]
    out = ['<section id="since" aria-labelledby="since-h">',
           '<h2 id="since-h">Changes since the earlier report</h2>',
           f"<p>{_E(comparison_sentence(c))}</p>"]

    def doc_rows(items: list[dict[str, Any]]) -> list[list[Cell]]:
        return [[Cell(names.get(d["key"], d["key"]), f"#doc-{d.get('index', '')}"
                      if d.get("index") else ""),
                 Cell(f"{d['before']:,}"), Cell(f"{d['after']:,}")] for d in items]

    for title, items in (("What improved", docs["improved"]), ("What got worse", docs["worse"])):
        if items:
            out.append(f"<h3>{title}</h3>")
            out.append(_table(("Document", "Findings then", "Findings now"), doc_rows(items),
                              {1, 2}))
    for title, items in (("New documents", docs["new"]), ("Documents no longer there",
                                                          docs["gone"])):
        if items:
            out.append(f"<h3>{title}</h3><ul>"
                       + "".join(f"<li>{_E(k)}</li>" for k in items) + "</ul>")
    for title, key, head in (("Phrases no longer found", "resolved", ("Phrase", "Times then")),
                             ("Phrases found less often", "fewer",
                              ("Phrase", "Times then", "Times now")),
                             ("New phrases", "new", ("Phrase", "Times now")),
                             ("Phrases found more often", "more",
                              ("Phrase", "Times then", "Times now"))):
        items = phrases[key]
        if not items:
            continue
        rows = [[Cell(x["phrase"])] + ([Cell(f"{x['count']:,}")] if "count" in x else
                                       [Cell(f"{x['before']:,}"), Cell(f"{x['after']:,}")])
                for x in items]
        out.append(f"<h3>{title}</h3>")
        out.append(_table(head, rows, set(range(1, len(head)))))
    out.append("</section>")
    return "".join(out)


def _unreadable(p: Portfolio) -> str:
    if not p.unreadable:
        return ""
    rows = [[Cell(path), Cell(reason)] for path, reason in p.unreadable]
    return ('<section id="unreadable" aria-labelledby="unreadable-h">'
            '<h2 id="unreadable-h">Files that could not be read</h2>'
            f"<p>{plural(len(p.unreadable), 'file')} could not be read and "
            f"{'was' if len(p.unreadable) == 1 else 'were'} skipped; every other file was "
            "checked.</p>"
            + _table(("File", "Reason"), rows, set()) + "</section>")


def _controls(titles: dict[str, str], p: Portfolio) -> str:
    cats = "".join(f'<option value="{_attr(c)}">{_E(titles.get(c, c))}</option>'
                   for c, _ in p.by_category.most_common())
    return f"""<div class="controls" id="doc-controls" hidden>
<label for="f-text">Find a file or phrase<input id="f-text" type="search"></label>
<label for="f-sev">Show<select id="f-sev"><option value="">every document</option>
<option value="error">with errors</option><option value="warning">with warnings</option>
<option value="info">with info findings</option><option value="none">with no findings</option>
</select></label>
<label for="f-cat">Category<select id="f-cat"><option value="">any category</option>{cats}
</select></label>
<label for="f-sort">Order<select id="f-sort"><option value="index">by path</option>
<option value="findings">most findings first</option>
<option value="rate">most findings per 1,000 words first</option>
<option value="share">highest share of contradicting duties first</option></select></label>
<label for="f-size">Per page<select id="f-size"><option>25</option><option>50</option>
<option>100</option><option value="0">all</option></select></label>
<div class="pager"><button type="button" id="f-prev">Previous page</button>
<button type="button" id="f-next">Next page</button></div>
<p id="f-status" role="status" aria-live="polite"></p></div>"""


def _finding(f: dict[str, Any], titles: dict[str, str]) -> str:
    sev = f["severity"]
    sentence = f["sentence"]
    a, b = f["mark"]
    where = [f"line {f['line']}"] + ([_E(f["section"])] if f["section"] else [])
    tips = f"<p>Try: {_E('; '.join(f['suggestions']))}</p>" if f["suggestions"] else ""
    source = f'<p class="note">Source: {_E(f["source"])}</p>' if f["source"] else ""
    return (f'<li><p><span class="badge {sev}">{SEVERITY_MARK[sev]} {SEVERITY_WORD[sev]}'
            f"</span> {_E(titles.get(f['category'], f['category']))} &middot; "
            f"<code>{_E(f['rule'])}</code> &middot; {' &middot; '.join(where)}</p>"
            f"<blockquote>{_E(sentence[:a])}<mark>{_E(sentence[a:b])}</mark>"
            f"{_E(sentence[b:])}</blockquote><p>{_E(f['message'])}</p>{tips}{source}</li>")


def _structure(entry: dict[str, Any]) -> str:
    st = entry["structure"]
    if entry["kind"] == KIND_DOCUMENT:
        found = ", ".join(st["signals"]) or "none of them"
        return ("<p class='note'>Structure check: not run, the document is not recognized as "
                "a job description (that needs three of a function, duties, qualifications "
                f"and a &ldquo;Reports to&rdquo; line; found: {_E(found)}).</p>")
    if not st["findings"]:
        return ("<p class='ok'>Structure check: &#x2713; nothing the handbook asks for is "
                "missing.</p>")
    items = "".join(f'<li><span class="badge {x["severity"]}">{SEVERITY_MARK[x["severity"]]} '
                    f'{SEVERITY_WORD[x["severity"]]}</span> {_E(x["message"])}</li>'
                    for x in st["findings"])
    return f"<h4>Structure check</h4><ul>{items}</ul>"


def _document(entry: dict[str, Any], index: int, page_folder: Path,
              titles: dict[str, str]) -> str:
    counts = entry["counts"]
    total = sum(counts.values())
    words = entry["words"]
    rate = total * 1000 / words if words else 0.0
    duties = entry["duties"]
    share = duties["conflicting"] / duties["total"] if duties["total"] else None
    sevs = " ".join(s for s in counts if counts[s])
    search = " ".join([entry["key"].lower(), *entry["phrases"]])
    since = since_sentence(entry.get("since"))
    parts = [f'<article class="doc" id="doc-{index}" tabindex="-1" '
             f'data-index="{index}" data-findings="{total}" data-rate="{rate:.3f}" '
             f'data-share="{share if share is not None else -1}" data-sev="{_attr(sevs)}" '
             f'data-cats="{_attr(" ".join(entry["categories"]))}" '
             f'data-search="{_attr(search)}">'
             f"<h3>{_E(entry['name'])}</h3>"
             f'<p class="meta"><code>{_E(entry["path"])}</code> &middot; '
             f'<a href="{_attr(document_link(entry["path"], page_folder))}">Open the '
             f"document</a></p><p>{_E(facts_sentence(entry))}</p>",
             f"<p>{_E(since)}</p>" if since else "", _structure(entry)]
    if entry["findings"]:
        parts.append(f"<h4>Findings in context ({total:,})</h4><ol class='findings'>")
        parts += [_finding(f, titles) for f in entry["findings"]]
        parts.append("</ol>")
        if entry["truncated"]:
            parts.append("<p class='note'>The check stopped counting at its limit for one "
                         "text; this document has more.</p>")
    parts.append("</article>\n")
    return "".join(parts)


def write_page(fh: IO[str], p: Portfolio, titles: dict[str, str], page_folder: Path,
               title: str) -> None:
    figs = figures(p, titles)
    heading = f"{title}: {p.organization}" if p.organization else title
    nav = [("summary", "Summary")] + [(f.key, f.heading) for f in figs]
    if p.comparison:
        nav.append(("since", "Changes since the earlier report"))
    if p.unreadable:
        nav.append(("unreadable", "Files that could not be read"))
    nav.append(("documents", "Documents"))
    fh.write(f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jdbuilder {_E(__version__)}">
<title>{_E(heading)}</title><style>{STYLE}</style></head><body>
<header><h1>{_E(heading)}</h1>
<p class="meta">{plural(len(p.rows), "document")} read from {_E(", ".join(p.inputs))} on
{_E(when(p.generated))}.</p></header>
<nav aria-label="Parts of the report"><ul>
{"".join(f'<li><a href="#{k}">{_E(t)}</a></li>' for k, t in nav)}</ul></nav><main>
""")
    fh.write(_summary(p, titles))
    for fig in figs:
        fh.write(_figure(fig))
    if p.comparison:
        fh.write(_comparison(p.comparison, {r.key: r.name for r in p.rows}))
    fh.write(_unreadable(p))
    fh.write('<section id="documents" aria-labelledby="documents-h">'
             '<h2 id="documents-h">Documents</h2>')
    fh.write(_controls(titles, p))
    fh.write('<div id="doc-list">\n')
    for i, entry in enumerate(p.entries(), start=1):
        fh.write(_document(entry, i, page_folder, titles))
    fh.write(f"</div></section></main><script>{SCRIPT}</script></body></html>\n")


def write_html(p: Portfolio, path: Path, titles: dict[str, str],
               title: str = "Portfolio report") -> None:
    """Write the page atomically: an existing file is replaced only by a complete new one."""
    with AtomicOutput(path) as out, open(out.temp, "w", encoding="utf-8", newline="\n") as fh:
        write_page(fh, p, titles, path.parent, title)
