"""The PDF handout (QPdfWriter): key frames with plain captions, a timeline, sources, disclaimer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..content import Content, load_content
from ..model import Timeline
from ..safe_write import WriteError
from ..scene.render import scene_image
from ..scene.synapse import Style, scene_font
from .frames import FrameSpec

DPI = 150
INK = QColor("#15120F")
SOFT = QColor("#5B5249")


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """Letter where the locale measures in US units, A4 elsewhere."""
    loc = locale or QLocale.system()
    us = loc.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4


def key_stages(tl: Timeline, n: int = 6):
    """Up to n stages spread over the story, each with a time to show it at."""
    stages = list(tl.stages)
    if len(stages) > n:
        picks = [round(i * (len(stages) - 1) / (n - 1)) for i in range(n)]
        stages = [stages[i] for i in picks]
    spec = FrameSpec((tl,), 1, 1, Style())
    return [(st, 0.0 if st.index == 0 else spec.axis.to_t((spec.axis.to_u(st.start) + spec.axis.to_u(st.end)) / 2))
            for st in stages]


def schedule_text(content: Content, tl: Timeline) -> str:
    """The dose schedule in words."""
    s = tl.scenario
    h = content.ui["handout"]
    days = ", ".join(f"{d:g}" for d in s.dose_days)
    if s.drug == "ketamine":
        return h["schedule_iv"].format(mg_per_kg=s.dose_mg / s.weight_kg, mg=s.dose_mg, kg=s.weight_kg,
                                       minutes=s.infusion_min, days=days)
    if s.drug == "esketamine":
        return h["schedule_nasal"].format(mg=s.dose_mg, days=days)
    return h["schedule_oral"].format(mg=s.dose_mg)


class _Page:
    """A painter on the PDF with millimetre-based helpers and a flowing y cursor."""

    def __init__(self, writer: QPdfWriter, painter: QPainter):
        self.w, self.p = writer, painter
        self.mm = DPI / 25.4
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = rect.width(), rect.height()
        self.y = 0.0

    def text(self, text: str, size_pt: float, bold: bool = False, colour: QColor = INK,
             x: float = 0.0, width: float | None = None, advance: bool = True) -> float:
        self.p.setFont(scene_font(size_pt * DPI / 72, bold))
        self.p.setPen(colour)
        w = (width or self.width) - x
        box = self.p.boundingRect(QRectF(x, self.y, w, 10_000), Qt.TextFlag.TextWordWrap, text)
        self.p.drawText(QRectF(x, self.y, w, box.height()), Qt.TextFlag.TextWordWrap, text)
        if advance:
            self.y += box.height() + 1.5 * self.mm
        return box.height()


def write_handout(path: Path, tl: Timeline, drawing: QImage | None = None, lang: str = "en",
                  page_size: QPageSize.PageSizeId | None = None) -> int:
    """Write the handout to path; returns the number of pages (1-2)."""
    content = load_content(lang)
    h = content.ui["handout"]
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(page_size or page_size_for_locale()), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(h["title"].format(drug=content.ui["drugs"][tl.scenario.drug]))
    writer.setCreator("Keta Viz")
    p = QPainter(writer)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pg = _Page(writer, p)
    family = tl.scenario.family
    pg.text(h["title"].format(drug=content.ui["drugs"][tl.scenario.drug]), 20, bold=True)
    pg.text(f"{tl.scenario.title} — {schedule_text(content, tl)}", 10.5, colour=SOFT)
    pg.text(content.ui["about"]["disclaimer"], 9.5, bold=True)
    pg.y += 2 * pg.mm
    # key frames: three columns, two rows
    cols = 3
    col_w = (pg.width - 5 * pg.mm * (cols - 1)) / cols
    img_h = col_w * 9 / 16
    picks = key_stages(tl)
    row_h = 0.0
    top = pg.y
    for i, (stage, t) in enumerate(picks):
        x = (i % cols) * (col_w + 5 * pg.mm)
        if i % cols == 0 and i:
            top += row_h + 3 * pg.mm
            row_h = 0.0
        pg.y = top
        frame = scene_image(tl, t, 960, 540, Style("projector", "none", lang))
        p.drawImage(QRectF(x, pg.y, col_w, img_h), frame)
        pg.y += img_h + 1.2 * pg.mm
        st = content.stage(tl.scenario.drug, stage.id)
        used = pg.text(f"{stage.index + 1}. {st.title}", 9.5, bold=True, x=x, width=x + col_w)
        when = content.time_in_words(t, family)
        if st.in_animals:
            when += f" · {content.ui['badges']['in_animals']}"
        used += pg.text(when, 8, colour=SOFT, x=x, width=x + col_w)
        used += pg.text(st.plain, 7.8, x=x, width=x + col_w)
        row_h = max(row_h, img_h + 1.2 * pg.mm + used + 3 * pg.mm)
    pg.y = top + row_h + 2 * pg.mm
    _timeline_strip(pg, tl, content)
    pages = 1
    writer.newPage()
    pages += 1
    pg.y = 0.0
    if drawing is not None:
        pg.text(h["drawing"], 13, bold=True)
        dh = pg.width * drawing.height() / max(1, drawing.width())
        p.drawImage(QRectF(0, pg.y, pg.width, dh), drawing)
        pg.y += dh + 4 * pg.mm
    pg.text(h["simplifies"], 13, bold=True)
    for line in content.ui["about"]["simplifies"]:
        pg.text("• " + line, 9)
    pg.y += 2 * pg.mm
    pg.text(h["sources"], 13, bold=True)
    keys = []
    for st in tl.stages:
        keys += [k for k in content.stage(tl.scenario.drug, st.id).sources if k not in keys]
    for k in keys:
        pg.text(content.citation(k), 7.8, colour=SOFT)
    if not p.end():
        raise WriteError("the PDF painter could not finish the file")
    return pages


def _timeline_strip(pg: _Page, tl: Timeline, content: Content) -> None:
    """'What to expect': stages along the story axis with the relief curve above them."""
    p, mm = pg.p, pg.mm
    h = content.ui["handout"]
    axis = FrameSpec((tl,), 1, 1, Style()).axis
    pg.text(h["expect"], 12, bold=True)
    x0, x1 = 0.0, pg.width
    plot_top, plot_h = pg.y, 16 * mm
    p.setPen(QPen(SOFT, 0.3 * mm))
    p.drawLine(QPointF(x0, plot_top + plot_h), QPointF(x1, plot_top + plot_h))
    relief = tl.series("relief")
    pts = [QPointF(x0 + axis.to_u(t) * (x1 - x0), plot_top + plot_h * (1 - r))
           for t, r in zip(tl.t_hours[::4], relief[::4])]
    p.setPen(QPen(QColor("#009E73"), 0.6 * mm))
    p.drawPolyline(pts)
    pg.y = plot_top + plot_h + 1 * mm
    band_top = pg.y
    for st in tl.stages:
        a, b = x0 + axis.to_u(st.start) * (x1 - x0), x0 + axis.to_u(st.end) * (x1 - x0)
        fill = QColor("#E69F00")
        fill.setAlpha(60 if st.index % 2 == 0 else 120)
        p.fillRect(QRectF(a, band_top, b - a, 5 * mm), fill)
        p.setPen(INK)
        p.setFont(scene_font(7 * DPI / 72))
        p.drawText(QRectF(a, band_top, b - a, 5 * mm), Qt.AlignmentFlag.AlignCenter, str(st.index + 1))
    pg.y = band_top + 5.5 * mm
    p.setFont(scene_font(7.5 * DPI / 72))
    last_x = -1e9
    for u, label in axis.ticks():
        x = x0 + u * (x1 - x0)
        if x - last_x < 16 * mm:
            continue  # labels too close to read apart
        last_x = x
        p.drawLine(QPointF(x, pg.y), QPointF(x, pg.y + 1.5 * mm))
        p.drawText(QRectF(x - 12 * mm, pg.y + 1.6 * mm, 24 * mm, 4 * mm), Qt.AlignmentFlag.AlignCenter, label)
    pg.y += 7 * mm
    pg.text(h["relief"], 7.5, colour=SOFT)
