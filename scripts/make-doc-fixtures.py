#!/usr/bin/env python3
"""Makes rolefit's document fixtures from the plain-text sources beside them.

Sources (hand-written, committed):
  fixtures/docs/alex-morgan.txt                 a mid-level backend resume
  fixtures/docs/posting-backend-engineer.txt    a job posting
  fixtures/docs/posting-cloud-platform.txt      a job posting

Made from them (committed too, so tests need no Python):
  fixtures/docs/     the same resume as PDF (one column with a table, page
                     headers and footers; two columns with ligatures), DOCX
                     (header, footer, table, lists, text box; a two-column
                     layout table), ODT, RTF, LaTeX, Markdown, HTML, JSON Resume,
                     UTF-16 and Windows-1252 text; the postings as HTML
  fixtures/malformed/  bad inputs: truncated and bomb files, an encrypted PDF,
                     a scanned PDF with no text layer, broken DOCX files, ...

Run it through scripts/make-doc-fixtures.sh, which pins the Python packages
(reportlab, python-docx, Pillow). The output is deterministic: fixed dates,
fixed zip timestamps, a fixed random seed. It needs the DejaVu fonts
(Debian: fonts-dejavu-core).
"""

import io
import json
import os
import random
import re
import sys
import zipfile
import zlib
from pathlib import Path

from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.shared import Pt
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib.pdfencrypt import StandardEncryption

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "docs"
MALFORMED = ROOT / "fixtures" / "malformed"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = (2024, 1, 1, 0, 0, 0)


# --- the source model ---------------------------------------------------------


def is_heading(line):
    """A section heading: short, no clause marks, no final punctuation."""
    return (
        not line.startswith("- ")
        and ":" not in line
        and not re.search(r"[.,;)]$", line)
        and len(line.split()) <= 4
    )


def parse(text):
    """Title, subtitle lines, then sections of items:
    ("para", text), ("bullet", text), ("field", key, value), ("job", role, dates),
    ("gap",) for a blank line inside a section."""
    lines = text.rstrip("\n").split("\n")
    title = lines[0]
    subtitle = []
    i = 1
    while i < len(lines) and lines[i].strip():
        subtitle.append(lines[i])
        i += 1
    sections = []
    for line in lines[i:]:
        if not line.strip():
            if sections and sections[-1]["items"]:
                sections[-1]["items"].append(("gap",))
            continue
        if is_heading(line):
            sections.append({"heading": line, "items": []})
            continue
        if not sections:
            sections.append({"heading": None, "items": []})
        if line.startswith("- "):
            sections[-1]["items"].append(("bullet", line[2:]))
        elif re.match(r"^[A-Z][\w ]{0,20}: ", line) and not line.startswith("Salary"):
            key, value = line.split(": ", 1)
            sections[-1]["items"].append(("field", key, value))
        elif re.search(r" \(\d{4} to [\w ]+\)$", line):
            role, dates = re.match(r"^(.*) (\(\d{4} to [\w ]+\))$", line).groups()
            sections[-1]["items"].append(("job", role, dates))
        else:
            sections[-1]["items"].append(("para", line))
    for section in sections:
        while section["items"] and section["items"][-1] == ("gap",):
            section["items"].pop()
    return {"title": title, "subtitle": subtitle, "sections": sections}


def section(doc, heading):
    return next(s for s in doc["sections"] if s["heading"] == heading)


# --- PDF ----------------------------------------------------------------------

LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]


def ligate(text):
    for plain, ligature in LIGATURES:
        text = text.replace(plain, ligature)
    return text


class Flow:
    """Lays text out down a column and records drawing operations per page, so
    pages can be drawn later (with "page N of M") and columns interleaved."""

    def __init__(self, x, width, top, bottom, font, bold, size, leading, ligatures=False):
        self.x, self.width, self.top, self.bottom = x, width, top, bottom
        self.font, self.bold, self.size, self.leading = font, bold, size, leading
        self.ligatures = ligatures
        self.page = 0
        self.y = top
        self.ops = []  # (page, function(canvas))
        self.forced = {}  # word -> (head, tail): break the line after head, once

    def text(self, s):
        return ligate(s) if self.ligatures else s

    def draw(self, op):
        self.ops.append((self.page, op))

    def need(self, height):
        if self.y - height < self.bottom:
            self.new_page()

    def new_page(self):
        self.page += 1
        self.y = self.top

    def gap(self, height):
        self.y -= height

    def width_of(self, s, font, size):
        return pdfmetrics.stringWidth(self.text(s), font, size)

    def wrap(self, text, font, size, width):
        """Greedy line breaking; a hyphenated word may break after its hyphen,
        and a forced word breaks where told."""
        pieces = []
        for word in text.split(" "):
            key = word.rstrip(".,;")
            if key in self.forced:
                head, _ = self.forced.pop(key)
                pieces.append((head, True))
                pieces.append((word[len(head.rstrip("-")):].lstrip("-"), False))
            else:
                pieces.append((word, False))
        lines, line = [], ""
        for piece, force_break in pieces:
            candidate = f"{line} {piece}" if line else piece
            if line and self.width_of(candidate, font, size) > width:
                lines.append(line)
                line = piece
            else:
                line = candidate
            if force_break:
                lines.append(line)
                line = ""
        if line:
            lines.append(line)
        return lines

    def line(self, s, font=None, size=None, indent=0, char_space=0, color=None):
        font, size = font or self.font, size or self.size
        self.need(self.leading)
        self.y -= self.leading
        x, y, t = self.x + indent, self.y, self.text(s)

        def op(c):
            c.setFont(font, size)
            if color:
                c.setFillColor(color)
            if char_space:
                obj = c.beginText(x, y)
                obj.setFont(font, size)
                obj.setCharSpace(char_space)
                obj.textOut(t)
                obj.setCharSpace(0)  # Tc outlives the text object
                c.drawText(obj)
            else:
                c.drawString(x, y, t)
            if color:
                c.setFillColor(Color(0, 0, 0))

        self.draw(op)

    def paragraph(self, text, indent=0, font=None, size=None, bullet=None):
        font, size = font or self.font, size or self.size
        for n, line in enumerate(self.wrap(text, font, size, self.width - indent)):
            self.line(line, font, size, indent)
            if bullet and n == 0:
                x, y = self.x + indent - 9, self.y
                self.draw(lambda c, x=x, y=y: (c.setFont(font, size), c.drawString(x, y, bullet)))

    def heading(self, text, size=None):
        self.need(self.leading * 3)
        self.gap(self.leading * 0.6)
        self.line(text.upper(), self.bold, size or self.size + 1, char_space=1.2)
        y, x, w = self.y - 3, self.x, self.width
        self.draw(lambda c: (c.setLineWidth(0.5), c.line(x, y, x + w, y)))
        self.gap(4)

    def job(self, role, dates):
        """The role in bold, the dates right-aligned on its line if they fit."""
        self.need(self.leading * 2)
        self.gap(3)
        room = self.width - self.width_of(dates, self.font, self.size) - 12
        if self.width_of(role, self.bold, self.size) > room:
            self.paragraph(role, font=self.bold)
            self.line(dates, size=self.size - 1)
            return
        self.line(role, self.bold)
        x, y = self.x + self.width, self.y
        t = self.text(dates)
        self.draw(lambda c: (c.setFont(self.font, self.size), c.drawRightString(x, y, t)))

    def table(self, rows, key_width):
        """A grid: the key in the first column, the value wrapped in the second."""
        pad = 3
        value_width = self.width - key_width - 2 * pad
        for key, value in rows:
            lines = self.wrap(value, self.font, self.size, value_width)
            height = len(lines) * self.leading + 2 * pad
            self.need(height)
            top = self.y
            x, w, k = self.x, self.width, key_width
            self.draw(lambda c, top=top, height=height: (
                c.setLineWidth(0.5),
                c.rect(x, top - height, w, height),
                c.line(x + k, top, x + k, top - height)))
            y = top - pad
            for n, line in enumerate(lines):
                y -= self.leading
                if n == 0:
                    kt = self.text(key)
                    self.draw(lambda c, y=y, kt=kt: (c.setFont(self.bold, self.size), c.drawString(x + pad, y + 2, kt)))
                lt = self.text(line)
                self.draw(lambda c, y=y, lt=lt: (c.setFont(self.font, self.size), c.drawString(x + k + pad, y + 2, lt)))
            self.y = top - height


def render_pdf(path, pages, on_page=None, encrypt=None):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt, pageCompression=1)
    c.setTitle("Alex Morgan, resume")
    c.setAuthor("rolefit fixtures")
    total = len(pages)
    for number, ops in enumerate(pages, start=1):
        if on_page:
            on_page(c, number, total)
        for op in ops:
            op(c)
        c.showPage()
    c.save()


def split_pages(*flows):
    """Operations per page; the operations of several flows interleaved one by
    one, so the content stream order is not the reading order."""
    count = max(f.page for f in flows) + 1
    pages = []
    for page in range(count):
        columns = [[op for p, op in f.ops if p == page] for f in flows]
        ops = []
        for i in range(max(len(col) for col in columns)):
            for col in columns:
                if i < len(col):
                    ops.append(col[i])
        pages.append(ops)
    return pages


def pdf_one_column(doc, path, encrypt=None):
    """Helvetica (a standard font, WinAnsi encoding), one column, skills as a
    table, a header and a footer on each page, two pages."""
    width, height = A4
    flow = Flow(60, width - 120, height - 70, 70, "Helvetica", "Helvetica-Bold", 10, 13.5)
    flow.forced = {"auto-scaling": ("auto-", "scaling"), "infrastructure": ("infra-", "structure")}
    flow.line(doc["title"], "Helvetica-Bold", 20)
    flow.gap(6)
    for line in doc["subtitle"]:
        flow.line(line, size=10.5)
    for sec in doc["sections"]:
        if sec["heading"] == "PROJECTS":
            flow.new_page()
        flow.heading(sec["heading"])
        fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
        if fields:
            flow.table(fields, 95)
        for item in sec["items"]:
            if item[0] == "para":
                flow.paragraph(item[1])
            elif item[0] == "bullet":
                flow.paragraph(item[1], indent=12, bullet="\u2022")
            elif item[0] == "job":
                flow.job(item[1], item[2])
            elif item[0] == "gap":
                flow.gap(5)
    assert not flow.forced, f"forced breaks not placed: {flow.forced}"

    def header_footer(c, number, total):
        if number == 1:
            # A portrait, as many resumes have: an image the reader must skip.
            c.drawImage(pil_reader(portrait()), width - 130, height - 150, 70, 70)
        c.setFont("Helvetica", 8)
        c.setFillColor(Color(0.4, 0.4, 0.4))
        c.drawString(60, height - 40, f"{doc['title']} | {doc['subtitle'][0]} | Resume")
        c.drawCentredString(width / 2, 40, f"Page {number} of {total}")
        c.setFillColor(Color(0, 0, 0))

    render_pdf(path, split_pages(flow), header_footer, encrypt)


def pdf_two_columns(doc, path):
    """DejaVu Sans (an embedded TrueType subset), ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ), a
    sidebar and a main column drawn line by line in turn."""
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    width, height = A4
    top = height - 120
    left = Flow(40, 150, top, 50, "DejaVu", "DejaVu-Bold", 8.5, 11.5, ligatures=True)
    right = Flow(215, width - 255, top, 50, "DejaVu", "DejaVu-Bold", 9, 12, ligatures=True)
    right.forced = {"auto-scaling": ("auto-", "scaling")}
    for part in doc["subtitle"][1].split(" | "):
        left.line(part)
    for sec in doc["sections"]:
        flow = left if sec["heading"] in ("SKILLS", "EDUCATION", "CERTIFICATIONS") else right
        flow.heading(sec["heading"])
        for item in sec["items"]:
            if item[0] == "para":
                flow.paragraph(item[1])
            elif item[0] == "field":
                flow.line(item[1], flow.bold)
                flow.paragraph(item[2], indent=6)
                flow.gap(3)
            elif item[0] == "bullet":
                flow.paragraph(item[1], indent=10, bullet="\u2022")
            elif item[0] == "job":
                flow.job(item[1], item[2])
            elif item[0] == "gap":
                flow.gap(4)
    assert not right.forced

    def banner(c, number, total):
        if number == 1:
            c.setFillColor(Color(0.93, 0.95, 0.98))
            c.rect(0, height - 100, width, 100, stroke=0, fill=1)
            c.setFillColor(Color(0, 0, 0))
            c.setFont("DejaVu-Bold", 22)
            c.drawString(40, height - 60, doc["title"])
            c.setFont("DejaVu", 12)
            c.drawString(40, height - 82, doc["subtitle"][0])

    render_pdf(path, split_pages(left, right), banner)


def pdf_scanned(doc, path):
    """A page that is only a picture of text: no text layer."""
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 15)
    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    y = 60
    for line in doc_lines(doc)[:40]:
        draw.text((60, y), line[:90], font=font, fill=0)
        y += 24
    image = image.convert("1")
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(pil_reader(image), 0, 0, *A4)
    c.showPage()
    c.save()


def portrait():
    """A small generated picture (a gradient with a circle), deterministic."""
    image = Image.new("RGB", (96, 96))
    for y in range(96):
        for x in range(96):
            image.putpixel((x, y), (80 + x, 120 + y // 2, 160))
    ImageDraw.Draw(image).ellipse((24, 14, 72, 62), fill=(230, 200, 170))
    return image


def pil_reader(image):
    from reportlab.lib.utils import ImageReader

    return ImageReader(image)


def doc_lines(doc):
    lines = [doc["title"], *doc["subtitle"]]
    for sec in doc["sections"]:
        lines += ["", sec["heading"]]
        for item in sec["items"]:
            if item[0] == "gap":
                lines.append("")
            else:
                lines.append(" ".join(item[1:]))
    return lines


# --- DOCX ---------------------------------------------------------------------

TEXTBOX = """<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264"
 behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="2286000" cy="685800"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>
<wp:docPr id="10" name="Certifications box"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="685800"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="box10" type="#_x0000_t202" style="width:180pt;height:54pt">
<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add_textbox(paragraph, lines):
    inner = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{xml_escape(l)}</w:t></w:r></w:p>" for l in lines)
    paragraph._p.append(parse_xml(TEXTBOX.format(ns=NAMESPACES, paragraphs=inner)))


def add_hyperlink(paragraph, text, url):
    part = paragraph.part
    rid = part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {NAMESPACES} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{rid}"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>{xml_escape(text)}</w:t></w:r></w:hyperlink>'))


def contact_paragraph(container, doc):
    """The contact line, its web address as a hyperlink."""
    parts = doc["subtitle"][1].split(" | ")
    p = container.add_paragraph(" | ".join(parts[:-1]) + " | ")
    add_hyperlink(p, parts[-1], "https://" + parts[-1])
    return p


def fill_docx_items(container, sec, table_fields):
    fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
    if fields and table_fields:
        table = container.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for key, value in fields:
            cells = table.add_row().cells
            cells[0].text = key
            cells[1].text = value
    for item in sec["items"]:
        if item[0] == "para":
            container.add_paragraph(item[1])
        elif item[0] == "bullet":
            style = "List Number" if sec["heading"] == "PROJECTS" else "List Bullet"
            container.add_paragraph(item[1], style=style)
        elif item[0] == "field" and not table_fields:
            p = container.add_paragraph()
            p.add_run(item[1] + ":").bold = True
            p.add_run(" " + item[2])
        elif item[0] == "job":
            p = container.add_paragraph()
            p.add_run(item[1]).bold = True
            p.add_run().add_tab()
            p.add_run(item[2])


def docx_one_column(doc, path):
    d = DocxDocument()
    fix_core_properties(d)
    s = d.sections[0]
    s.header.paragraphs[0].text = f"{doc['title']} | {doc['subtitle'][0]}"
    s.footer.paragraphs[0].text = "Resume of " + doc["title"] + ", page 1"
    d.add_heading(doc["title"], 0)
    p = d.add_paragraph(doc["subtitle"][0])
    p.add_run().add_break()  # a line break inside the paragraph
    p.add_run("Open to remote work")
    contact_paragraph(d, doc)
    for sec in doc["sections"]:
        if sec["heading"] == "CERTIFICATIONS":
            p = d.add_paragraph()
            add_textbox(p, [sec["heading"]] + [i[1] for i in sec["items"] if i[0] == "para"])
            continue
        d.add_heading(sec["heading"].title(), 1)
        fill_docx_items(d, sec, table_fields=True)
    save_docx(d, path)


def docx_two_columns(doc, path):
    """A common resume layout: one table row, a sidebar cell and a main cell."""
    d = DocxDocument()
    fix_core_properties(d)
    s = d.sections[0]
    s.header.paragraphs[0].text = doc["title"]
    s.footer.paragraphs[0].text = doc["subtitle"][1]
    d.add_heading(doc["title"], 0)
    d.add_paragraph(doc["subtitle"][0])
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = ""
    for part in doc["subtitle"][1].split(" | "):
        left.add_paragraph(part)
    for sec in doc["sections"]:
        cell = left if sec["heading"] in ("SKILLS", "EDUCATION", "CERTIFICATIONS") else right
        h = cell.add_paragraph()
        h.add_run(sec["heading"]).bold = True
        fill_docx_items(cell, sec, table_fields=False)
    save_docx(d, path)


def fix_core_properties(d):
    import datetime

    props = d.core_properties
    props.author = "rolefit fixtures"
    props.created = props.modified = datetime.datetime(2024, 1, 1)
    props.last_modified_by = "rolefit fixtures"
    props.revision = 1


def save_docx(d, path):
    buffer = io.BytesIO()
    d.save(buffer)
    rezip(buffer.getvalue(), path)


def rezip(data, path):
    """Rewrites a zip with fixed timestamps, for reproducible files."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_DATE)
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(entry, source.read(info.filename))
    Path(path).write_bytes(out.getvalue())


# --- ODT ----------------------------------------------------------------------

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"'
)


def odt(doc, path):
    e = xml_escape
    body = [f'<text:h text:outline-level="1">{e(doc["title"])}</text:h>']
    body.append(f'<text:p text:style-name="P1">{e(doc["subtitle"][0])}<text:line-break/>Open to remote work</text:p>')
    parts = doc["subtitle"][1].split(" | ")
    body.append(
        "<text:p>" + e(" | ".join(parts[:-1])) + " | "
        + f'<text:a xlink:type="simple" xlink:href="https://{e(parts[-1])}">{e(parts[-1])}</text:a></text:p>')
    for sec in doc["sections"]:
        body.append(f'<text:h text:outline-level="2">{e(sec["heading"].title())}</text:h>')
        fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
        if fields:
            body.append('<table:table table:name="Skills"><table:table-column table:number-columns-repeated="2"/>')
            for key, value in fields:
                body.append(
                    "<table:table-row>"
                    f'<table:table-cell office:value-type="string"><text:p>{e(key)}</text:p></table:table-cell>'
                    f'<table:table-cell office:value-type="string"><text:p>{e(value)}</text:p></table:table-cell>'
                    "</table:table-row>")
            body.append("</table:table>")
        in_list = False
        for item in sec["items"]:
            if item[0] == "bullet":
                if not in_list:
                    body.append("<text:list>")
                    in_list = True
                body.append(f"<text:list-item><text:p>{e(item[1])}</text:p></text:list-item>")
                continue
            if in_list:
                body.append("</text:list>")
                in_list = False
            if item[0] == "para":
                # Two spaces written the ODF way, as <text:s/>.
                body.append("<text:p>" + e(item[1]).replace(", ", ",<text:s/>", 1) + "</text:p>")
            elif item[0] == "job":
                body.append(f'<text:p><text:span text:style-name="T1">{e(item[1])}</text:span><text:tab/>{e(item[2])}</text:p>')
        if in_list:
            body.append("</text:list>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS}>'
        '<office:automatic-styles><style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>'
        f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NS}>'
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
        f'<style:header><text:p>{e(doc["title"])} | {e(doc["subtitle"][0])}</text:p></style:header>'
        '<style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>'
        "</style:master-page></office:master-styles></office:document-styles>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", FIXED_DATE), "application/vnd.oasis.opendocument.text")
        for name, data in (("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml", manifest)):
            z.writestr(zipfile.ZipInfo(name, FIXED_DATE), data)
    rezip(buffer.getvalue(), path)


# --- RTF, LaTeX, Markdown, HTML, JSON Resume ----------------------------------


def rtf_escape(s):
    out = []
    for ch in s:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1252")[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % (code if code < 32768 else code - 65536))
    return "".join(out)


def rtf(doc, path):
    e = rtf_escape
    out = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0",
        "{\\fonttbl{\\f0\\fswiss Helvetica;}{\\f1\\fnil Symbol;}}",
        "{\\colortbl;\\red0\\green0\\blue0;}",
        # Metadata a reader never sees: a term in it must not be found.
        "{\\info{\\title Resume}{\\subject Azure compliance}{\\author rolefit}}",
        "{\\*\\generator rolefit fixtures;}",
        "\\pard\\plain\\f0\\fs22",
        "{\\b\\fs36 " + e(doc["title"]) + "}\\par",
    ]
    for line in doc["subtitle"]:
        out.append(e(line) + "\\par")
    for sec in doc["sections"]:
        out.append("\\pard\\sb200{\\b " + e(sec["heading"]) + "}\\par\\pard")
        for item in sec["items"]:
            if item[0] == "para":
                out.append(e(item[1]) + "\\par")
            elif item[0] == "bullet":
                out.append("{\\pntext\\bullet\\tab}" + e(item[1]) + "\\par")
            elif item[0] == "field":
                out.append("\\trowd\\cellx2000\\cellx9000 \\intbl " + e(item[1]) + "\\cell \\intbl " + e(item[2]) + "\\cell\\row")
            elif item[0] == "job":
                out.append("{\\b " + e(item[1]) + "}\\tab " + e(item[2]) + "\\par")
            elif item[0] == "gap":
                out.append("\\par")
        out.append("\\pard")
    out.append("}")
    Path(path).write_bytes("\n".join(out).encode("ascii"))


def tex_escape(s):
    s = s.replace("\\", "\\textbackslash{}")
    for ch in "&%$#_":
        s = s.replace(ch, "\\" + ch)
    s = s.replace("€", "\\euro{}").replace("“", "``").replace("”", "''")
    return s


def latex(doc, path):
    e = tex_escape
    out = [
        "% A resume in LaTeX. Comments are not text: Azure, compliance.",
        "\\documentclass[11pt]{article}",
        "\\usepackage[utf8]{inputenc}",
        "\\usepackage{eurosym}",
        "\\usepackage{hyperref}",
        "\\newcommand{\\role}[2]{\\textbf{#1} \\hfill #2}",
        "\\title{Resume}",
        "\\begin{document}",
        "\\begin{center}",
        "{\\LARGE \\textbf{" + e(doc["title"]) + "}}\\\\",
        e(doc["subtitle"][0]) + "\\\\",
    ]
    parts = doc["subtitle"][1].split(" | ")
    out.append(" $|$ ".join(e(p) for p in parts[:-1]) + " $|$ \\href{https://" + parts[-1] + "}{" + e(parts[-1]) + "}")
    out.append("\\end{center}")
    for sec in doc["sections"]:
        out.append("")
        out.append("\\section*{" + e(sec["heading"].title()) + "}")
        fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
        if fields:
            out.append("\\begin{tabular}{ll}")
            for key, value in fields:
                out.append("\\textbf{" + e(key) + "} & " + e(value) + " \\\\")
            out.append("\\end{tabular}")
        in_list = False
        for item in sec["items"]:
            if item[0] == "bullet":
                if not in_list:
                    out.append("\\begin{itemize}")
                    in_list = True
                out.append("  \\item " + e(item[1]))
                continue
            if in_list:
                out.append("\\end{itemize}")
                in_list = False
            if item[0] == "para":
                out.append(e(item[1]) + " % a trailing comment: Azure")
            elif item[0] == "job":
                out.append("\\role{" + e(item[1]) + "}{" + e(item[2]) + "}")
            elif item[0] == "gap":
                out.append("")
        if in_list:
            out.append("\\end{itemize}")
    out.append("\\end{document}")
    Path(path).write_text("\n".join(out) + "\n")


def markdown(doc, path):
    out = [f"# {doc['title']}", "", f"**{doc['subtitle'][0]}**  ", ""]
    parts = doc["subtitle"][1].split(" | ")
    out.append(" | ".join(parts[:-1]) + f" | [{parts[-1]}](https://{parts[-1]} \"GitHub\")")
    out.append("")
    out.append("<!-- Hidden from readers: Azure, compliance. -->")
    out.append("")
    out.append("![Portrait of Alex, who knows Azure](portrait.png)")
    for sec in doc["sections"]:
        out += ["", f"## {sec['heading'].title()}", ""]
        fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
        if fields:
            out += ["| Area | Skills |", "| --- | --- |"]
            out += [f"| {k} | {markdown_emphasis(v)} |" for k, v in fields]
        for item in sec["items"]:
            if item[0] == "para":
                out.append(markdown_emphasis(item[1]))
            elif item[0] == "bullet":
                out.append("* " + markdown_emphasis(item[1]))
            elif item[0] == "job":
                out += ["", f"### {item[1]}", f"_{item[2]}_", ""]
            elif item[0] == "gap":
                out.append("")
    Path(path).write_text("\n".join(out) + "\n")


def markdown_emphasis(text):
    """Marks up the symbol-bearing terms, as people do."""
    text = re.sub(r"(?<![\w.])(C\+\+|C#)(?!\w)", r"**\1**", text)
    text = text.replace("Node.js", "`Node.js`").replace("CI/CD", "*CI/CD*")
    return text


def html_escape(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("C++", "C&#43;&#43;").replace("C#", "C&#35;").replace("€", "&euro;")


HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>{title} - Azure compliance</title>
<meta name="description" content="Google Cloud Platform, Azure, compliance">
<style>
  body {{ font-family: sans-serif; }} /* Azure */
  .skills td:first-child {{ font-weight: bold; }}
</style>
<script>window.dataLayer = ["Azure", "compliance", "Google Cloud Platform"];</script>
</head>
"""


def html_resume(doc, path):
    e = html_escape
    out = [HTML_HEAD.format(charset="utf-8", title=e(doc["title"])), "<body>",
           '<nav><a href="/">Home</a> &middot; <a href="/blog">Blog</a></nav>',
           "<header><h1>" + e(doc["title"]) + "</h1>",
           "<p class=\"label\">" + e(doc["subtitle"][0]) + "<br>Open&nbsp;to remote work</p>"]
    parts = doc["subtitle"][1].split(" | ")
    out.append("<p>" + " &vert; ".join(e(p) for p in parts[:-1]) + f' | <a href="https://{parts[-1]}">{e(parts[-1])}</a></p></header>')
    out.append('<div hidden>Azure compliance</div><template><p>Azure</p></template>')
    out.append("<main>")
    for sec in doc["sections"]:
        out.append(f"<section>\n<h2>{e(sec['heading'].title())}</h2>")
        fields = [(i[1], i[2]) for i in sec["items"] if i[0] == "field"]
        if fields:
            out.append('<table class="skills">')
            out += [f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in fields]
            out.append("</table>")
        in_list = False
        for item in sec["items"]:
            if item[0] == "bullet":
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                out.append(f"  <li>{e(item[1])}</li>")
                continue
            if in_list:
                out.append("</ul>")
                in_list = False
            if item[0] == "para":
                out.append(f"<p>{e(item[1])}</p>")
            elif item[0] == "job":
                out.append(f"<h3>{e(item[1])} <span class=\"dates\">{e(item[2])}</span></h3>")
        if in_list:
            out.append("</ul>")
        out.append("</section>")
    out.append("</main>\n<script>console.log('Azure');</script>\n</body>\n</html>\n")
    Path(path).write_text("\n".join(out))


def html_posting_clean(doc, path):
    """Semantic HTML, UTF-8."""
    e = html_escape
    out = [HTML_HEAD.format(charset="utf-8", title=e(doc["title"])), "<body>", "<article>",
           f"<h1>{e(doc['title'])}</h1>"]
    out += [f"<p class=\"meta\">{e(line)}</p>" for line in doc["subtitle"]]
    for sec in doc["sections"]:
        if sec["heading"]:
            out.append(f"<h2>{e(sec['heading'])}</h2>")
        in_list = False
        for item in sec["items"]:
            if item[0] == "bullet":
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                out.append(f"<li>{e(item[1])}</li>")
                continue
            if in_list:
                out.append("</ul>")
                in_list = False
            if item[0] in ("para", "job"):
                out.append(f"<p>{e(' '.join(item[1:]))}</p>")
            elif item[0] == "field":
                out.append(f"<p><b>{e(item[1])}:</b> {e(item[2])}</p>")
        if in_list:
            out.append("</ul>")
    out.append("</article>\n</body>\n</html>\n")
    Path(path).write_text("\n".join(out))


def html_posting_messy(doc, path):
    """A job board page: Windows-1252 bytes, div soup, inline markup that splits
    words across tags, a JSON-LD block, cookie banner, entities."""
    e = html_escape
    out = [HTML_HEAD.format(charset="windows-1252", title=e(doc["title"])).replace("<!DOCTYPE html>", "<!doctype HTML>"),
           "<BODY class=jobs>",
           '<div id="cookie" style="display:none">We use cookies for Azure compliance.</div>',
           '<script type="application/ld+json">{"@type": "JobPosting", "skills": "Azure, compliance"}</script>',
           '<div class="wrap"><div class="title"><span>' + e(doc["title"]) + "</span></div>"]
    out += [f"<div class=meta>{e(line)}</div>" for line in doc["subtitle"]]
    for sec in doc["sections"]:
        if sec["heading"]:
            out.append(f'<div class="h"><strong>{e(sec["heading"])}</strong></div>')
        out.append('<div class="body">')
        for item in sec["items"]:
            if item[0] == "bullet":
                text = e(item[1])
                # Markup inside words must not split them.
                text = text.replace("Kubernetes", "<b>Kuber</b>netes").replace("Terraform", "<span>Terra</span><span>form</span>")
                out.append(f"&bull;&nbsp;{text}<br/>")
            elif item[0] in ("para", "job"):
                out.append(f"<div>{e(' '.join(item[1:]))}</div>")
            elif item[0] == "field":
                out.append(f"<div><b>{e(item[1])}:</b>&#160;{e(item[2])}</div>")
        out.append("</div>")
    out.append("</div><footer>&copy; 2024 Jobs&amp;Co &mdash; <a href=/privacy>Privacy</a></footer>")
    out.append("<!-- tracking: Azure compliance -->\n</BODY></HTML>\n")
    Path(path).write_bytes("\n".join(out).encode("cp1252"))


def json_resume(doc, path):
    summary = section(doc, "SUMMARY")["items"][0][1]
    skills = [{"name": i[1], "keywords": i[2].split(", ")} for i in section(doc, "SKILLS")["items"] if i[0] == "field"]
    # Split keywords at commas outside parentheses only.
    for skill in skills:
        skill["keywords"] = re.split(r", (?![^(]*\))", ", ".join(skill["keywords"]))
    work, current = [], None
    for item in section(doc, "EXPERIENCE")["items"]:
        if item[0] == "job":
            position, company = item[1].split(", ", 1)
            years = re.findall(r"\d{4}", item[2])
            current = {"name": company, "position": position, "startDate": years[0] + "-01",
                       "highlights": []}
            if len(years) > 1:
                current["endDate"] = years[1] + "-12"
            work.append(current)
        elif item[0] == "bullet":
            current["highlights"].append(item[1])
    projects = []
    for item in section(doc, "PROJECTS")["items"]:
        name, description = item[1].split(": ", 1)
        projects.append({"name": name, "description": description})
    education_line = section(doc, "EDUCATION")["items"][0][1]
    degree, rest = education_line.split(" in ", 1)
    area, institution = rest.split(", ", 1)
    institution = re.sub(r" \(.*\)$", "", institution)
    cert = section(doc, "CERTIFICATIONS")["items"][0][1]
    contact = doc["subtitle"][1].split(" | ")
    data = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": doc["title"],
            "label": doc["subtitle"][0],
            "email": contact[1],
            "url": "https://" + contact[2],
            "summary": summary,
            "location": {"city": contact[0].split(", ")[0], "countryCode": "PT"},
            "profiles": [{"network": "GitHub", "username": "alexmorgan-dev", "url": "https://" + contact[2]}],
        },
        "work": work,
        "education": [{"institution": institution, "area": area, "studyType": degree,
                       "startDate": "2014-09", "endDate": "2018-07"}],
        "certificates": [{"name": cert.split(" (")[0], "date": "2022-05-01", "issuer": "Amazon"}],
        "skills": skills,
        "projects": projects,
        "meta": {"theme": "azure-compliance", "version": "v1.0.0"},
    }
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# --- bad inputs ---------------------------------------------------------------


def raw_pdf(objects):
    """A PDF from object bodies (1-based ids), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def pdf_with_content(content, resources=b"<< /Font << /F1 4 0 R >> >>", extra_objects=()):
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources + b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(content),
        *extra_objects,
    ])


def docx_with(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, FIXED_DATE), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
W_OPEN = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
W_CLOSE = b"</w:body></w:document>"


def malformed(doc):
    MALFORMED.mkdir(parents=True, exist_ok=True)
    good_pdf = (DOCS / "alex-morgan-1col.pdf").read_bytes()
    write = lambda name, data: (MALFORMED / name).write_bytes(data)
    write("empty.pdf", b"")
    write("truncated.pdf", good_pdf[: len(good_pdf) * 2 // 5])
    write("not-a-pdf.pdf", b"Hello, I am plain text in a file named .pdf.\n")
    write("random.bin", random.Random(3).randbytes(4096))
    # A PDF whose page content inflates to 40 MiB.
    write("pdf-bomb.pdf", pdf_with_content(b"%" + b" " * (40 << 20)))
    # A form XObject that draws itself: naive parsers recurse until the stack ends.
    write("pdf-cycle.pdf", pdf_with_content(
        b"/X1 Do",
        resources=b"<< /XObject << /X1 6 0 R >> >>",
        extra_objects=[b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream"]))
    # A font with an encoding the PDF parser does not know: it panics, and
    # rolefit must turn that into one line on standard error.
    write("pdf-parser-panic.pdf", raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /BogusEncoding >>",
        stream(b"BT /F1 12 Tf 72 720 Td (C++ and C#) Tj ET"),
    ]))
    write("not-a-zip.docx", b"This is a text file with a .docx name.\n")
    write("no-document.docx", docx_with([("[Content_Types].xml", CONTENT_TYPES), ("word/styles.xml", b"<w:styles/>")]))
    # 48 MiB of spaces in one text run: a zip bomb.
    write("zip-bomb.docx", docx_with([("[Content_Types].xml", CONTENT_TYPES),
                                      ("word/document.xml", W_OPEN + b"<w:p><w:r><w:t>" + b" " * (48 << 20) + b"</w:t></w:r></w:p>" + W_CLOSE)]))
    depth = 100_000
    write("deep-nesting.docx", docx_with([("[Content_Types].xml", CONTENT_TYPES),
                                          ("word/document.xml", W_OPEN + b"<w:p>" * depth + b"</w:p>" * depth + W_CLOSE)]))
    write("bad-xml.docx", docx_with([("[Content_Types].xml", CONTENT_TYPES),
                                     ("word/document.xml", W_OPEN + b"<w:p><w:r><w:t>C++ & C#</w:r></w:p>" + W_CLOSE)]))
    write("deep.json", b"[" * 5_000 + b"]" * 5_000)
    pdf_one_column(doc, MALFORMED / "encrypted.pdf",
                   encrypt=StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128))
    pdf_scanned(doc, MALFORMED / "scanned.pdf")


def main():
    DOCS.mkdir(parents=True, exist_ok=True)
    resume_text = (DOCS / "alex-morgan.txt").read_text()
    resume = parse(resume_text)
    pdf_one_column(resume, DOCS / "alex-morgan-1col.pdf")
    # An owner password only (printing and copying restricted): readers open
    # it without a password, and so does rolefit.
    pdf_one_column(resume, DOCS / "alex-morgan-restricted.pdf",
                   encrypt=StandardEncryption("", ownerPassword="owner-secret", canPrint=0, canCopy=0, strength=128))
    pdf_two_columns(resume, DOCS / "alex-morgan-2col.pdf")
    docx_one_column(resume, DOCS / "alex-morgan.docx")
    docx_two_columns(resume, DOCS / "alex-morgan-2col.docx")
    odt(resume, DOCS / "alex-morgan.odt")
    rtf(resume, DOCS / "alex-morgan.rtf")
    latex(resume, DOCS / "alex-morgan.tex")
    markdown(resume, DOCS / "alex-morgan.md")
    html_resume(resume, DOCS / "alex-morgan.html")
    json_resume(resume, DOCS / "alex-morgan.json")
    (DOCS / "alex-morgan.utf16.txt").write_bytes(b"\xff\xfe" + resume_text.replace("\n", "\r\n").encode("utf-16-le"))
    (DOCS / "alex-morgan.cp1252.txt").write_bytes(resume_text.encode("cp1252"))
    for name, render in (("posting-backend-engineer", html_posting_clean), ("posting-cloud-platform", html_posting_messy)):
        render(parse((DOCS / f"{name}.txt").read_text()), DOCS / f"{name}.html")
    malformed(resume)
    for folder in (DOCS, MALFORMED):
        for path in sorted(folder.iterdir()):
            print(f"{path.stat().st_size:>9}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
