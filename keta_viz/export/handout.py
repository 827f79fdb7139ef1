"""The PDF handout (QPdfWriter): an illustration of the general mechanism, the same for everyone and
not a forecast -- every stage of the story as a row (a labelled key frame at the stage's telling
moment, its title, the elapsed time, "in animals" where that is all the evidence, the plain
text), the illustrative timeline, the drug's Safety text, what the picture simplifies, the
sorted sources of everything it says, and the disclaimer.  Whatever does not fit a page flows
onto the next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..content import Content, load_content
from ..model import StoryAxis, Timeline
from ..model.tour import SYNAPSE
from ..safe_write import WriteError
from ..scene.palette import ABOUT_BADGE, PAPER
from ..scene.render import scene_image
from ..scene.synapse import Style, scene_font
from .frames import stage_moment

DPI = 150
INK = QColor(PAPER["ink"])
SOFT = QColor(PAPER["soft"])
FRAME_MM = 108.0  # a key frame's printed width (16:9); the stage's words beside it
FRAME_PX = (1280, 720)  # its rendered size (about 300 dpi on paper)
LABEL_PT = 8.5  # the picture's labels on paper: legible when printed
GAP_MM = 5.0


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """Letter where the locale measures in US units, A4 elsewhere."""
    loc = locale or QLocale.system()
    us = loc.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4


def key_stages(tl: Timeline):
    """Every stage of the story, each with the time to show it at (its telling moment)."""
    return [(st, stage_moment(tl, st)) for st in tl.stages]


def frame_label_pixels(frame_mm: float = FRAME_MM, frame_px: tuple[int, int] = FRAME_PX) -> float:
    """The labels' type size in a key frame's pixels for LABEL_PT on paper."""
    return LABEL_PT / 72 * 25.4 / (frame_mm * 9 / 16) * frame_px[1]


def schedule_text(content: Content, tl: Timeline) -> str:
    """The scenario's dose schedule in words, never per body weight ('0.5 mg/kg ... on day 1')."""
    s = tl.scenario
    h = content.ui["handout"]
    days = [int(d) + 1 for d in s.dose_days]  # day 0 of the model is 'Day 1', as on the time axis
    if len(days) == 1:
        when = h["on_day"].format(day=days[0])
    elif len(days) <= 6:
        when = h["on_days"].format(days=", ".join(map(str, days)))
    else:
        when = h["doses_between"].format(n=len(days), first=days[0], last=days[-1])
    if s.drug == "ketamine":
        return h["schedule_iv"].format(mg_per_kg=_amounts([mg / s.weight_kg for mg in s.doses_mg]),
                                       minutes=s.infusion_min, when=when)
    if s.drug == "esketamine":
        return h["schedule_nasal"].format(mg=_amounts(s.doses_mg), when=when)
    return h["schedule_oral"].format(mg=_amounts(s.doses_mg))


def _amounts(values) -> str:
    """'0.5', or '56–84' when the doses differ (esketamine's 56 mg first session, then 84)."""
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def simplifications(content: Content, family: str) -> list[dict]:
    """What the picture simplifies, as far as it concerns one drug family."""
    return [item for item in content.ui["about"]["simplifies"] if item.get("family", family) == family]


def cited_keys(content: Content, tl: Timeline) -> list[str]:
    """Every source of what the handout says (stages, Safety, the illustrative note, simplifications), sorted."""
    keys = [k for st in tl.stages for k in content.stage(tl.scenario.drug, st.id).sources]
    keys += [k for p in content.safety(tl.scenario.family).paragraphs for k in p.sources]
    keys += content.ui["handout"]["not_a_forecast_sources"]
    keys += [k for item in simplifications(content, tl.scenario.family) for k in item["sources"]]
    return content.sorted_references(keys)


def _cites(content: Content, keys) -> str:
    return f" ({'; '.join(content.short_cite(k) for k in keys)})" if keys else ""


class _Page:
    """A painter on the PDF with millimetre-based helpers, a flowing y cursor and page breaks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter):
        self.w, self.p = writer, painter
        self.mm = DPI / 25.4
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = rect.width(), rect.height()
        self.y = 0.0
        self.pages = 1

    def room(self, height: float) -> None:
        """Start a new page unless height fits below the cursor."""
        if self.y + height > self.height:
            self.w.newPage()
            self.pages += 1
            self.y = 0.0

    def measure(self, text: str, size_pt: float, bold: bool = False, width: float | None = None) -> float:
        """The height that text() advances for a paragraph `width` wide (full width by default)."""
        self.p.setFont(scene_font(size_pt * DPI / 72, bold))
        box = self.p.boundingRect(QRectF(0, 0, width or self.width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return box.height() + 1.5 * self.mm

    def text(self, text: str, size_pt: float, bold: bool = False, colour: QColor = INK,
             x: float = 0.0, width: float | None = None, advance: bool = True, keep: float = 0.0) -> float:
        """Draw wrapped text at the cursor (on a new page if it, plus `keep` below it, would not fit)."""
        self.p.setFont(scene_font(size_pt * DPI / 72, bold))
        self.p.setPen(colour)
        w = (width or self.width) - x
        box = self.p.boundingRect(QRectF(x, self.y, w, 10_000), Qt.TextFlag.TextWordWrap, text)
        if advance:
            self.room(box.height() + keep)
        self.p.drawText(QRectF(x, self.y, w, box.height()), Qt.TextFlag.TextWordWrap, text)
        if advance:
            self.y += box.height() + 1.5 * self.mm
        return box.height()


def write_handout(path: Path, tl: Timeline, drawing: QImage | None = None, lang: str = "en",
                  page_size: QPageSize.PageSizeId | None = None, scale: float = SYNAPSE) -> int:
    """Write the handout to path (its key frames at `scale`); returns the number of pages."""
    content = load_content(lang)
    h = content.ui["handout"]
    family = tl.scenario.family
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(page_size or page_size_for_locale()), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(h["title"].format(drug=content.ui["drugs"][tl.scenario.drug]))
    writer.setCreator("Keta Viz")
    p = QPainter(writer)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pg = _Page(writer, p)
    pg.text(h["title"].format(drug=content.ui["drugs"][tl.scenario.drug]), 20, bold=True)
    pg.text(h["general"], 10.5)
    pg.text(schedule_text(content, tl), 9.5, colour=SOFT)
    pg.text(content.ui["about"]["disclaimer"], 9.5, bold=True)
    pg.y += 2 * pg.mm
    _key_frames(pg, tl, content, lang, scale)
    _timeline_strip(pg, tl, content)
    pg.text(h["not_a_forecast"] + _cites(content, h["not_a_forecast_sources"]), 8.5)
    pg.y += 3 * pg.mm
    safety = content.safety(family)
    lines = ["• " + para.plain + _cites(content, para.sources) for para in safety.paragraphs]
    _heading(pg, h["safety"], keep=pg.measure(safety.heading, 9.5, True) + sum(pg.measure(t, 9) for t in lines))
    pg.text(safety.heading, 9.5, bold=True)
    for line in lines:
        pg.text(line, 9)
    if drawing is not None:
        dh = pg.width * drawing.height() / max(1, drawing.width())
        _heading(pg, h["drawing"], keep=dh)
        p.drawImage(QRectF(0, pg.y, pg.width, dh), drawing)
        pg.y += dh + 4 * pg.mm
    _heading(pg, h["simplifies"])
    for item in simplifications(content, family):
        pg.text("• " + item["text"] + _cites(content, item["sources"]), 9)
    _heading(pg, h["sources"])
    tag = f" · {content.ui['badges']['in_animals']}"
    for k in cited_keys(content, tl):
        pg.text(content.citation(k) + (tag if content.references[k].get("animal") else ""), 7.8, colour=SOFT)
    if not p.end():
        raise WriteError("the PDF painter could not finish the file", "incomplete")
    return pg.pages


def _heading(pg: _Page, text: str, keep: float = 0.0) -> None:
    """A section heading, kept on the same page as at least some of what follows it."""
    pg.y += 2 * pg.mm
    pg.text(text, 13, bold=True, keep=max(keep, 12 * pg.mm))


def _key_frames(pg: _Page, tl: Timeline, content: Content, lang: str, scale: float) -> None:
    """One row per stage: its labelled key frame, and beside it the title, the time ('in animals'
    marked) and the plain text; a row that does not fit the page starts the next one."""
    p, mm = pg.p, pg.mm
    img_w = FRAME_MM * mm
    img_h = img_w * 9 / 16
    x = img_w + GAP_MM * mm
    style = Style("projector", "plain", lang, frame_label_pixels())
    for stage, t in key_stages(tl):
        st = content.stage(tl.scenario.drug, stage.id)
        lines = ((f"{stage.index + 1}. {st.title}", 11, True, INK), (content.time_in_words(t, tl.scenario.drug), 8.5,
                                                                       False, SOFT), (st.plain, 9, False, INK))
        badge = content.ui["badges"]["in_animals"] if st.in_animals else ""
        text_h = sum(pg.measure(text, size, bold, pg.width - x) for text, size, bold, _ in lines)
        text_h += pg.measure(badge, 8, True, pg.width - x) if badge else 0.0
        row_h = max(img_h, text_h)
        pg.room(row_h + 2 * mm)
        top = pg.y
        p.drawImage(QRectF(0, top, img_w, img_h), scene_image(tl, t, *FRAME_PX, style, scale=scale))
        for i, (text, size, bold, colour) in enumerate(lines):
            pg.y += pg.text(text, size, bold, colour, x=x, advance=False) + 1.5 * mm
            if i == 1 and badge:
                _badge(pg, badge, x)
        pg.y = top + row_h + GAP_MM * mm


def _badge(pg: _Page, text: str, x: float) -> None:
    """The amber 'in animals' mark, as on screen."""
    p, mm = pg.p, pg.mm
    font = scene_font(8 * DPI / 72, True)
    p.setFont(font)
    w = QFontMetricsF(font).horizontalAdvance(text) + 3 * mm
    h = QFontMetricsF(font).height() + 1 * mm
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ABOUT_BADGE["fill"]))
    p.drawRoundedRect(QRectF(x, pg.y, w, h), h / 3, h / 3)
    p.setPen(QColor(ABOUT_BADGE["ink"]))
    p.drawText(QRectF(x, pg.y, w, h), Qt.AlignmentFlag.AlignCenter, text)
    pg.y += h + 1.5 * mm


def _timeline_strip(pg: _Page, tl: Timeline, content: Content) -> None:
    """The illustrative relief curve above the numbered stages, along the story's time axis."""
    p, mm = pg.p, pg.mm
    h = content.ui["handout"]
    axis = StoryAxis.for_timelines([tl])
    pg.text(h["over_time"], 12, bold=True, keep=36 * mm)
    x0, x1 = 0.0, pg.width
    plot_top, plot_h = pg.y, 16 * mm
    p.setPen(QPen(SOFT, 0.3 * mm))
    p.drawLine(QPointF(x0, plot_top + plot_h), QPointF(x1, plot_top + plot_h))
    relief = tl.series("relief")
    pts = [QPointF(x0 + axis.to_u(t) * (x1 - x0), plot_top + plot_h * (1 - r))
           for t, r in zip(tl.t_hours[::4], relief[::4])]
    p.setPen(QPen(QColor(PAPER["relief"]), 0.6 * mm))
    p.drawPolyline(pts)
    pg.y = plot_top + plot_h + 1 * mm
    band_top = pg.y
    for st in tl.stages:
        a, b = x0 + axis.to_u(st.start) * (x1 - x0), x0 + axis.to_u(st.end) * (x1 - x0)
        fill = QColor(PAPER["stages"])
        fill.setAlpha(60 if st.index % 2 == 0 else 120)
        p.fillRect(QRectF(a, band_top, b - a, 5 * mm), fill)
        p.setPen(INK)
        p.setFont(scene_font(7 * DPI / 72))
        p.drawText(QRectF(a, band_top, b - a, 5 * mm), Qt.AlignmentFlag.AlignCenter, str(st.index + 1))
    pg.y = band_top + 5.5 * mm
    p.setFont(scene_font(7.5 * DPI / 72))
    last_x = -1e9
    for u, label in content.ticks(axis):
        x = x0 + u * (x1 - x0)
        if x - last_x < 16 * mm:
            continue  # labels too close to read apart
        last_x = x
        p.drawLine(QPointF(x, pg.y), QPointF(x, pg.y + 1.5 * mm))
        p.drawText(QRectF(x - 12 * mm, pg.y + 1.6 * mm, 24 * mm, 4 * mm), Qt.AlignmentFlag.AlignCenter,
                   label)
    pg.y += 7 * mm
    pg.text(h["relief"], 7.5, colour=SOFT)
