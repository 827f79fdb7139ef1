"""`keta-viz` and its sub-commands.  Qt is imported only by the commands that draw."""

from __future__ import annotations

import argparse
import io
import json
import sys

from .model import ScenarioError, Timeline, bundled_names, load_scenario, simulate
from .safe_write import WriteError, write_text

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
    lines = [tl.scenario.title, "  ".join(f"{n:>12.12}" for n in names)]
    for h in hours:
        vals = tl.at(h)
        lines.append("  ".join(f"{v:12.4g}" for v in [h, *vals.values()]))
    return "\n".join(lines) + "\n"


def _stages_text(tl: Timeline) -> str:
    return "".join(f"{s.index + 1:2d}  {s.id:20s} {s.start:10.2f} h  -> {s.end:10.2f} h\n" for s in tl.stages)


def cmd_model(args: argparse.Namespace) -> int:
    """Print or save the simulated timeline of one scenario."""
    if args.list:
        for name in bundled_names():
            print(f"{name:20s} {load_scenario(name).title}")
        return 0
    if not args.scenario:
        raise CliError("model: give --scenario NAME|PATH (or --list)")
    tl = _timeline(args.scenario)
    if args.stages:
        text = _stages_text(tl)
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="keta-viz", description="Ketamine and SSRIs at the synapse.")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("model", help="print the simulated timeline of a scenario")
    p.add_argument("--scenario", help="bundled scenario name or path to a .toml file")
    p.add_argument("--csv", metavar="FILE", help="write CSV to FILE, or - for standard output")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--list", action="store_true", help="list bundled scenarios")
    p.add_argument("--stages", action="store_true", help="print the story stages")
    p.set_defaults(func=cmd_model)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `keta-viz`; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 0
        return args.func(args)
    except (ScenarioError, CliError, WriteError, ValueError) as exc:
        print(f"keta-viz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
