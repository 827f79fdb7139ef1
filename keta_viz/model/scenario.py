"""Scenarios as data: load and validate a scenario TOML file (bundled name or path)."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..safe_read import ReadError, read_small_text
from .constants import ORAL_DRUGS
from .families import DRUG_FAMILY

DRUGS = tuple(DRUG_FAMILY)
MIN_FOLLOW_UP_DAYS = {"ketamine": 28.0, "esketamine": 28.0, "escitalopram": 56.0, "fluoxetine": 56.0}
MAX_SPAN_DAYS = 365.0
# doses x simulation time points: keeps simulate() within its 50 ms budget and its memory small
MAX_WORK = {"ketamine": 300_000, "ssri": 2_000_000}
WEIGHT_RANGE_KG = (2.0, 300.0)


def family_of(drug: str) -> str:
    """The family (story) a drug belongs to; a family name maps to itself."""
    return DRUG_FAMILY.get(drug, drug)


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message (English, for the command line) names the
    file, the field and the range.  `kind` and `params` say the same as data, so that a window
    can word it in its own language (ui/error_text.py, ui.toml [scenario_errors])."""

    def __init__(self, message: str, kind: str, **params):
        super().__init__(message)
        self.kind, self.params = kind, params


@dataclass(frozen=True)
class Scenario:
    """A drug, its dose schedule and the time span to show."""

    name: str
    title: str
    drug: str
    weight_kg: float
    dose_days: tuple[float, ...]
    doses_mg: tuple[float, ...]  # total mg of each dose (ketamine IV: mg/kg x weight)
    infusion_min: float  # IV only; 0 for other routes
    span_days: float
    source: str

    @property
    def family(self) -> str:
        """'ketamine' for ketamine and esketamine, 'ssri' for the oral antidepressants."""
        return family_of(self.drug)

    @property
    def dose_mg(self) -> float:
        """Total mg of the first dose."""
        return self.doses_mg[0]

    @property
    def dose_hours(self) -> tuple[float, ...]:
        """Start of each dose, in hours from t = 0."""
        return tuple(24.0 * d for d in self.dose_days)

    @property
    def span_hours(self) -> float:
        """Length of the time axis in hours."""
        return 24.0 * self.span_days


def bundled_names() -> list[str]:
    """Names of the scenarios shipped in assets/scenarios."""
    return list(_bundled_names())


@lru_cache(maxsize=1)
def _bundled_names() -> tuple[str, ...]:
    folder = resources.files("keta_viz.assets").joinpath("scenarios")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@lru_cache(maxsize=32)
def _bundled(name: str) -> Scenario:
    """A bundled scenario, read and checked once (the scenario menus list them all)."""
    res = resources.files("keta_viz.assets").joinpath("scenarios", f"{name}.toml")
    scenario = _parse(res.read_text(encoding="utf-8"), name, f"{name}.toml")
    _check_cost(scenario)
    return scenario


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a bundled scenario by name, or a scenario file by path; raise ScenarioError."""
    text_name = str(name_or_path)
    path = Path(text_name)
    if text_name in _bundled_names():
        return _bundled(text_name)
    if path.suffix.lower() == ".toml" or os.path.exists(text_name):
        try:
            text = read_small_text(path)
        except ReadError as exc:
            raise ScenarioError(str(exc), f"file_{exc.kind}", file=str(path)) from None
        scenario = _parse(text, path.stem, str(path))
    else:
        raise ScenarioError(
            f"{text_name}: unknown scenario; bundled scenarios are: {', '.join(bundled_names())}",
            "unknown", name=text_name, names=", ".join(bundled_names()))
    _check_cost(scenario)
    return scenario


def _parse(text: str, name: str, where: str) -> Scenario:
    """parse_scenario, with nesting too deep or a number too large as one ScenarioError line."""
    try:
        return parse_scenario(text, name, where)
    except ScenarioError:
        raise
    except RecursionError:
        raise ScenarioError(f"{where}: not valid TOML (nested too deeply)", "not_toml", file=where) from None
    except OverflowError:
        raise ScenarioError(f"{where}: a number is too large", "number_too_large", file=where) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ScenarioError(f"{where}: not valid TOML ({exc.__class__.__name__})", "not_toml", file=where) from None


def _number(table: dict, key: str, where: str, lo: float, hi: float, unit: str,
            default: float | None = None, lo_open: bool = False, why: str = "") -> float:
    """Read a finite number within [lo, hi] (or (lo, hi]) or raise a one-line ScenarioError;
    `why` names the evidence behind the range."""
    params = {"file": where, "field": key, "lo": f"{lo:g}", "hi": f"{hi:g}", "unit": unit}
    if key not in table:
        if default is not None:
            return default
        raise ScenarioError(f"{where}: missing field '{key}' (allowed {lo:g}-{hi:g} {unit})", "missing_number", **params)
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"{where}: field '{key}' must be a number (allowed {lo:g}-{hi:g} {unit})", "not_a_number",
                            **params)
    value = float(value)
    below = value <= lo if lo_open else value < lo
    if not math.isfinite(value) or below or value > hi:
        bound = f"more than {lo:g}" if lo_open else f"{lo:g}"
        kind = "studied_range" if why else "above_range" if lo_open else "out_of_range"
        raise ScenarioError(
            f"{where}: field '{key}' = {value:g} is outside the allowed range {bound} to {hi:g} {unit}{why}",
            kind, value=f"{value:g}", **params)
    return value


STUDIED_KETAMINE_MG_PER_KG = (0.1, 1.0)  # fava2018: 0.1-1.0 mg/kg tried; more is not better
STUDIED_INFUSION_MIN = 40.0  # zarate2006, fava2018
STUDIED_ESKETAMINE_MG = (56.0, 84.0)  # spravato_label: 56 or 84 mg a session
SSRI_MAX_MG = {drug: d.max_dose_mg for drug, d in ORAL_DRUGS.items()}


def parse_scenario(text: str, name: str, where: str) -> Scenario:
    """Parse and validate scenario TOML text; `where` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{where}: not valid TOML ({exc})", "not_toml", file=where) from None
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ScenarioError(f"{where}: field 'title' must be a non-empty string", "no_title", file=where)
    drug = data.get("drug")
    if drug not in DRUGS:
        raise ScenarioError(f"{where}: field 'drug' = {drug!r} is unknown (allowed: {', '.join(DRUGS)})", "unknown_drug",
                            file=where, drug=str(drug), drugs=", ".join(DRUGS))
    weight = _number(data, "weight_kg", where, *WEIGHT_RANGE_KG, "kg")
    dose = data.get("dose")
    if not isinstance(dose, dict):
        raise ScenarioError(f"{where}: missing table [dose]", "no_dose", file=where)
    dwhere = f"{where} [dose]"
    days = _dose_days(dose, dwhere, drug)
    amounts = _amounts(dose, dwhere, drug, len(days))
    doses_mg = tuple(a * weight for a in amounts) if drug == "ketamine" else amounts
    infusion = _infusion_min(dose, dwhere) if drug == "ketamine" else 0.0
    min_span = (days[-1] if days else 0.0) + MIN_FOLLOW_UP_DAYS[drug]
    span = _number(data, "span_days", where, min_span, MAX_SPAN_DAYS, "days", default=min_span)
    if drug in ORAL_DRUGS and "every_days" in dose:
        days = tuple(d for d in _repeat(dose["every_days"], span))
        doses_mg = doses_mg * len(days)
    return Scenario(name, title.strip(), drug, weight, days, doses_mg, infusion, span, where)


def _amounts(dose: dict, where: str, drug: str, n_doses: int) -> tuple[float, ...]:
    """Per-dose amounts (mg/kg for IV ketamine, else mg): one number, or a list matching `days`.

    Doses outside the studied range are refused: the model must never draw a confident curve
    where there is no evidence (more ketamine is not better; fava2018, moghaddam1997)."""
    key = "mg_per_kg" if drug == "ketamine" else "mg"
    raw = dose.get(key)
    if raw is None:
        raise ScenarioError(f"{where}: missing field '{key}'", "missing_field", file=where, field=key)
    values = raw if isinstance(raw, list) else [raw]
    if isinstance(raw, list) and len(raw) != n_doses:
        raise ScenarioError(f"{where}: field '{key}' lists {len(raw)} doses but 'days' has {n_doses}", "dose_count",
                            file=where, field=key, n=len(raw), days=n_doses)
    if drug in ORAL_DRUGS and len(values) != 1:
        raise ScenarioError(f"{where}: field '{key}' must be one number (the daily dose)", "one_daily_dose",
                            file=where, field=key)
    out = []
    for v in values:
        if drug == "ketamine":
            a = _number({key: v}, key, where, *STUDIED_KETAMINE_MG_PER_KG, "mg/kg",
                        why=", the range studied (Fava 2018); more is not better and there is no evidence beyond it")
        elif drug == "esketamine":
            a = _number({key: v}, key, where, 0.0, 1000.0, "mg", lo_open=True)
            if a not in STUDIED_ESKETAMINE_MG:
                raise ScenarioError(f"{where}: field '{key}' = {a:g} is not a studied esketamine dose "
                                    f"(56 or 84 mg, Spravato label)", "esketamine_dose", file=where, field=key,
                                    value=f"{a:g}")
        else:
            a = _number({key: v}, key, where, 0.0, SSRI_MAX_MG[drug], "mg", lo_open=True)
        out.append(a)
    return tuple(out) * (n_doses if len(out) == 1 else 1)


def _infusion_min(dose: dict, where: str) -> float:
    """The infusion length: only the studied 40 minutes is accepted (zarate2006, fava2018)."""
    minutes = _number(dose, "infusion_min", where, 1.0, 240.0, "min")
    if minutes != STUDIED_INFUSION_MIN:
        raise ScenarioError(f"{where}: field 'infusion_min' = {minutes:g} is not the studied infusion "
                            f"({STUDIED_INFUSION_MIN:g} min, Zarate 2006)", "infusion_min", file=where,
                            value=f"{minutes:g}")
    return minutes


def _dose_days(dose: dict, where: str, drug: str) -> tuple[float, ...]:
    """Dose start days: an explicit list `days`, or `every_days` repeating over the span."""
    if ("days" in dose) == ("every_days" in dose):
        raise ScenarioError(f"{where}: give exactly one of 'days' (a list) or 'every_days'", "days_or_every", file=where)
    if "every_days" in dose:
        _number(dose, "every_days", where, 0.25, 28.0, "days")
        return (0.0,)
    days = dose["days"]
    if not isinstance(days, list) or not 1 <= len(days) <= 400:
        raise ScenarioError(f"{where}: field 'days' must be a list of 1-400 day numbers", "days_list", file=where)
    out = [_number({"days": d}, "days", where, 0.0, MAX_SPAN_DAYS - 28, "days") for d in days]
    if any(b <= a for a, b in zip(out, out[1:])):
        raise ScenarioError(f"{where}: field 'days' must be strictly increasing", "days_increasing", file=where)
    return tuple(out)


def _repeat(every: float, span: float):
    """Yield dose days 0, every, 2*every, ... before the end of the span."""
    k = 0
    while k * every < span:
        yield k * float(every)
        k += 1


def _check_cost(s: Scenario) -> None:
    """Refuse a schedule whose simulation would be too slow or too large (doses x time points)."""
    from .simulate import time_grid

    work = len(s.dose_days) * len(time_grid(s))
    if work > MAX_WORK[s.family]:
        raise ScenarioError(
            f"{s.source}: {len(s.dose_days)} doses over {s.span_days:g} days is too much to simulate "
            f"(doses x time points = {work}, at most {MAX_WORK[s.family]}); use fewer doses or a shorter span_days",
            "too_much", file=s.source, n=len(s.dose_days), span=f"{s.span_days:g}")
