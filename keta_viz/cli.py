"""`keta-viz` and its sub-commands.  Qt is imported only by the commands that draw."""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import sys

from .durations import parse_duration
from .model import ScenarioError, Timeline, bundled_names, load_scenario, simulate
from .safe_read import one_line
from .safe_write import WriteError, check_target, clean_leftovers, write_text
from .scene.palette import PALETTES  # Qt-free

EXIT_USAGE = 2


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


def _timeline(name: str) -> Timeline:
    return simulate(load_scenario(name))


def _csv_text(tl: Timeline) -> str:
    names, table = tl.to_rows()
    buf = io.StringIO()
    buf.write(",".join(names) + "\n")
    for row in table.tolist():
        buf.write(",".join(f"{v:.6g}" for v in row) + "\n")
    return buf.getvalue()


def _json_text(tl: Timeline) -> str:
    doc = {
        "scenario": tl.scenario.name,
        "title": tl.scenario.title,
        "drug": tl.scenario.drug,
        "t_hours": tl.t_hours.round(6).tolist(),
        "variables": {k: tl.series(k).round(6).tolist() for k in tl.variables},
        "stages": [{"id": s.id, "start_h": s.start, "end_h": s.end} for s in tl.stages],
    }
    return json.dumps(doc, indent=1)


def _summary_text(tl: Timeline) -> str:
    hours = [h for h in (0, 0.67, 2, 6, 24, 72, 168, 336, 672, 1344) if h <= tl.end]
    names = ["t_hours", *tl.variables]
    lines = [one_line(tl.scenario.title), "  ".join(f"{n:>12.12}" for n in names)]
    for h in hours:
        vals = tl.at(h)
        lines.append("  ".join(f"{v:12.4g}" for v in [h, *vals.values()]))
    return "\n".join(lines) + "\n"


def _stages_text(tl: Timeline, lang: str = "en") -> str:
    """One line per stage: number, id, start and end, and its title ('[in animals]' when rodent evidence)."""
    from .content import load_content

    content = load_content(lang)

    def title(stage_id: str) -> str:
        st = content.stage(tl.scenario.drug, stage_id)
        if not st.in_animals:
            return one_line(st.title)
        return one_line(content.ui["captions"]["animal_stage"].format(
            title=st.title, animals=content.ui["badges"]["in_animals"]))

    return "".join(f"{s.index + 1:2d}  {s.id:20s} {s.start:10.2f} h  -> {s.end:10.2f} h  {title(s.id)}\n"
                   for s in tl.stages)


def add_lang_option(p: argparse.ArgumentParser) -> None:
    """--lang: shared by the window, model, render and export."""
    p.add_argument("--lang", metavar="CODE",
                   help="language of the words shown: en or es (default: from the system locale, else en)")


def chosen_language(args: argparse.Namespace) -> str:
    """--lang, else the system locale's language (LC_ALL, LC_MESSAGES, LANG) when bundled, else English."""
    from .content import default_language, languages

    lang = args.lang.lower() if getattr(args, "lang", None) is not None else default_language()
    if lang not in languages():
        raise CliError(f"--lang {lang}: no such language (available: {', '.join(languages())})")
    return lang


def cmd_model(args: argparse.Namespace) -> int:
    """Print or save the simulated timeline of one scenario."""
    if args.list:
        for name in bundled_names():
            print(f"{name:20s} {one_line(load_scenario(name).title)}")
        return 0
    if not args.scenario:
        raise CliError("model: give --scenario NAME|PATH (or --list)")
    lang = chosen_language(args)
    tl = _timeline(args.scenario)
    if args.stages:
        text = _stages_text(tl, lang)
    elif args.json:
        text = _json_text(tl)
    elif args.csv:
        text = _csv_text(tl)
    else:
        text = _summary_text(tl)
    if args.csv and args.csv != "-" and not args.stages:
        write_text(args.csv, text)
    else:
        sys.stdout.write(text)
    return 0


def time_in_span(text: str, span_hours: float, option: str = "--at") -> float:
    """Parse a duration and check it lies within the span shown."""
    hours = parse_duration(text)
    if hours > span_hours + 1e-9:
        raise CliError(f"{option} {text} is beyond the span (0 to {span_hours / 24:g} days)")
    return hours


def add_style_options(p: argparse.ArgumentParser) -> None:
    """--palette, --labels, --phase, --seed, --force: shared by render and export."""
    p.add_argument("--palette", choices=PALETTES, default="screen", help="screen (dark), projector (light) "
                   "or contrast (high contrast)")
    p.add_argument("--labels", choices=["plain", "expert", "none"], default="plain")
    p.add_argument("--phase", type=float, default=0.0, help="animation phase in seconds (default 0)")
    p.add_argument("--seed", type=int, default=0, help="particle seed (default 0)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def add_scale_option(p: argparse.ArgumentParser, default_help: str) -> None:
    """--scale brain|circuit|synapse: shared by render and export."""
    p.add_argument("--scale", help=f"brain, circuit or synapse ({default_help})")


def chosen_scale(args: argparse.Namespace) -> float | None:
    """--scale as a number (BRAIN 0, CIRCUIT 1, SYNAPSE 2), or None when not given."""
    from .model.tour import SCALES

    if args.scale is None:
        return None
    scale = SCALES.get(args.scale.lower())
    if scale is None:
        raise CliError(f"--scale {args.scale}: use one of {', '.join(SCALES)}")
    return scale


def check_style_options(args: argparse.Namespace) -> None:
    """--phase must be a finite number of seconds."""
    if not (math.isfinite(args.phase) and abs(args.phase) <= 1e6):
        raise CliError(f"--phase {args.phase} must be a number of seconds from -1e6 to 1e6")


def cmd_render(args: argparse.Namespace) -> int:
    """Render one frame (or a compare frame) to PNG, offscreen and deterministic."""
    from .export import save_png
    from .scene.render import compare_image, ensure_gui_app, parse_size, scene_image
    from .scene.synapse import Style

    from .model.tour import SYNAPSE

    check_style_options(args)
    lang = chosen_language(args)
    scale = chosen_scale(args)
    scale = SYNAPSE if scale is None else scale
    tl = _timeline(args.scenario)
    other = _timeline(args.compare) if args.compare else None
    t = time_in_span(args.at, max(tl.end, other.end) if other else tl.end)
    width, height = parse_size(args.size)
    if not args.out.lower().endswith(".png"):
        raise CliError(f"{args.out}: render writes PNG files (name ending in .png)")
    target = check_target(args.out, args.force)
    ensure_gui_app()
    style = Style(args.palette, args.labels, lang)
    img = (compare_image(tl, other, t, width, height, style, args.phase, args.seed, scale) if other
           else scene_image(tl, t, width, height, style, args.phase, args.seed, scale))
    save_png(img, target)
    print(f"wrote {one_line(target)} ({width}x{height}, t = {t:g} h)")
    return 0


def terminal_progress(stream=sys.stderr):
    """A progress bar on the terminal: returns a progress(done, total) callback."""
    state = {"shown": -1}

    tty = stream.isatty()

    def progress(done: int, total: int) -> bool:
        pct = int(100 * done / max(1, total))
        step = pct if tty else pct // 10 * 10  # a log file gets one line per 10 %
        if step != state["shown"]:
            state["shown"] = step
            bar = "#" * (pct // 4)
            start, end = ("\r", "\n" if done >= total else "") if tty else ("", "\n")
            stream.write(f"{start}[{bar:<25}] {pct:3d}%  {done}/{total} frames{end}")
            stream.flush()
        return True

    return progress


def cmd_export(args: argparse.Namespace) -> int:
    """Export a PNG, an MP4 or GIF of the story, or a PDF handout, offscreen."""
    from pathlib import Path

    from .export import ExportCancelled, ExportRequest, run_export
    from .export.frames import telling_moment
    from .scene.render import ensure_gui_app, parse_size
    from .scene.synapse import Style

    check_style_options(args)
    lang = chosen_language(args)
    scale = chosen_scale(args)
    timelines = [_timeline(args.scenario)] + ([_timeline(args.compare)] if args.compare else [])
    span = max(tl.end for tl in timelines)
    req = ExportRequest(
        timelines=tuple(timelines), out=Path(args.out),
        t_at=time_in_span(args.at, span) if args.at is not None else telling_moment(timelines[0]),
        t_from=time_in_span(args.t_from, span, "--from"),
        t_to=time_in_span(args.t_to, span, "--to") if args.t_to else None,
        size=parse_size(args.size) if args.size else None, fps=args.fps,
        style=Style(args.palette, args.labels, lang), captions=args.captions, force=args.force, seed=args.seed,
        scale=scale)
    ensure_gui_app()
    try:
        out = run_export(req, terminal_progress() if req.kind in ("mp4", "gif") else (lambda d, t: True))
    except (ExportCancelled, KeyboardInterrupt):
        print("\nketa-viz: export cancelled; no file written", file=sys.stderr)
        return 130
    print(f"wrote {one_line(out)}")
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    """Check that content, scenarios, drawing and exporters work here."""
    from .selftest import run_selftest

    return run_selftest()


def cmd_kiosk_supervise(args: argparse.Namespace) -> int:
    """Run the kiosk under a supervisor that restarts it."""
    from .kiosk.supervise import cmd_supervise

    return cmd_supervise(args)


def cmd_kiosk_pin(args: argparse.Namespace) -> int:
    """Write a PIN hash into the kiosk config: typed twice at a terminal, else one line on stdin."""
    import getpass

    from .kiosk.config import default_config_path, write_pin

    if args.pin is not None:
        raise CliError("--pin is not accepted (other users could read it in the process list); "
                       "type the PIN when asked, or give it on standard input")
    target = args.config or default_config_path()
    if sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass("New operator PIN: ")
        if getpass.getpass("Repeat the PIN: ") != pin:
            raise CliError("the two PINs differ; nothing written")
    else:
        pin = sys.stdin.readline(64).strip() if sys.stdin is not None else ""
    write_pin(target, pin)
    print(f"PIN hash stored in {one_line(target)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="keta-viz", description="Ketamine and SSRIs at the synapse.")
    parser.add_argument("--scenario", help="scenario to open (bundled name or .toml path)")
    parser.add_argument("--compare", action="store_true", help="two scenarios side by side on one clock")
    parser.add_argument("--against", metavar="SCENARIO", help="the second scenario in compare mode")
    parser.add_argument("--present", action="store_true", help="presentation mode (full screen, large type)")
    parser.add_argument("--screen", type=int, help="screen number for --present or --kiosk (0 = first)")
    parser.add_argument("--kiosk", action="store_true", help="locked full-screen exhibit mode")
    parser.add_argument("--config", help="kiosk configuration file (TOML; default ~/.config/keta-viz/kiosk.toml)")
    add_lang_option(parser)
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("model", help="print the simulated timeline of a scenario")
    p.add_argument("--scenario", help="bundled scenario name or path to a .toml file")
    p.add_argument("--csv", metavar="FILE", help="write CSV to FILE, or - for standard output")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--list", action="store_true", help="list bundled scenarios")
    p.add_argument("--stages", action="store_true", help="print the story stages (with their titles)")
    add_lang_option(p)
    p.set_defaults(func=cmd_model)

    p = sub.add_parser("render", help="render one frame to PNG (offscreen)")
    p.add_argument("--scenario", required=True)
    p.add_argument("--at", default="0", help="model time: 45s, 30min, 2h, 1d, 2w")
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--out", required=True, help="FILE.png")
    p.add_argument("--compare", metavar="SCENARIO", help="a second scenario beside the first")
    add_scale_option(p, "default synapse")
    add_style_options(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("export", help="export PNG, MP4, GIF or a PDF handout (offscreen)")
    p.add_argument("--scenario", required=True)
    p.add_argument("--compare", metavar="SCENARIO", help="a second scenario beside the first")
    p.add_argument("--out", required=True, help="FILE.png, FILE.mp4, FILE.gif or FILE.pdf")
    p.add_argument("--at", help="time of a PNG snapshot (default: the story's telling moment -- "
                                "the flood lighting the receivers, or the SSRI's brake easing)")
    p.add_argument("--from", dest="t_from", default="0", help="video start time")
    p.add_argument("--to", dest="t_to", help="video end time (default: the end of the story)")
    p.add_argument("--size", help="WIDTHxHEIGHT (default 1920x1080; GIF 800x450)")
    p.add_argument("--fps", type=int, help="frames per second (default 30; GIF 12)")
    p.add_argument("--captions", action="store_true", help="burn the stage captions into the frames")
    add_scale_option(p, "default: synapse in a PNG or handout; a video follows the story from the brain "
                        "into the synapse and back out")
    add_style_options(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("kiosk-supervise", help="run the kiosk and restart it if it dies or hangs")
    p.add_argument("--config", help="kiosk configuration file (TOML)")
    p.add_argument("--heartbeat", help="heartbeat file (default: ~/.local/state/keta-viz/heartbeat)")
    p.set_defaults(func=cmd_kiosk_supervise)

    p = sub.add_parser("kiosk-pin", help="store the operator PIN (as a salted hash) in a kiosk config")
    p.add_argument("--config", help="kiosk configuration file, created if missing (default ~/.config/keta-viz/kiosk.toml)")
    p.add_argument("--pin", help=argparse.SUPPRESS)  # refused with a reason: see cmd_kiosk_pin
    p.set_defaults(func=cmd_kiosk_pin)

    p = sub.add_parser("selftest", help="check this installation: content, scenarios, drawing, exporters")
    p.set_defaults(func=cmd_selftest)

    p = sub.add_parser("soak", help="the kiosk attract loop for many frames, checking memory stays flat")
    p.add_argument("--frames", type=int, default=50_000, help="frames after a warm-up tour (default 50000)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda a: __import__("keta_viz.kiosk.soak", fromlist=["cmd_soak"]).cmd_soak(a))

    p = sub.add_parser("bench", help="measure speed and memory (offscreen)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true", help="a shorter run (under a minute)")
    p.set_defaults(func=lambda a: __import__("keta_viz.bench", fromlist=["cmd_bench"]).cmd_bench(a))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `keta-viz`; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # Qt paints on this thread alone: docs/performance.md
    clean_leftovers()
    try:
        if getattr(args, "func", None) is None:
            from .ui.app import run_gui

            if args.lang is not None:  # else the Language menu's choice (kiosk: its config's), or the system's
                args.lang = chosen_language(args)  # an unknown language exits 2 before any window opens
            if args.kiosk:
                from .kiosk.run import run_kiosk

                return run_kiosk(args)
            if args.scenario:
                load_scenario(args.scenario)  # a bad name exits 2 before any window opens
            return run_gui(args)
        return args.func(args)
    except (ScenarioError, CliError, WriteError, ValueError) as exc:
        print(f"keta-viz: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
