"""`make bench`: start-up against the floors, in-process timings, the roster, import profiles.

    python -m benchmarks.run            # full run (11 alternating pairs each)
    python -m benchmarks.run --quick    # a smoke run: proves every benchmark works

Prints a Markdown table and writes it, with the raw numbers, to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

from benchmarks import importtime, inprocess, roster, roster_json, startup

RESULTS = Path(__file__).resolve().parent / "results"

TARGETS = {
    "gui_wall": 1.15,
    "gui_rss": 1.15,
    "cli_wall": 1.3,
    "pdf_ms": 50.0,
    "assess_per_s": 50_000.0,
    "roster_open_ms": 1_000.0,
    "roster_scroll_ms": 16.7,  # one frame at 60 Hz
    "checklist_pages_per_s": 20.0,
}


def _ms(value: float) -> str:
    """Milliseconds with three significant figures below 100 (the HTML takes a few
    hundredths of a millisecond: two decimals would print 0.00)."""
    return f"{value:.3g}" if value < 100 else f"{value:.1f}"


def _machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def build_table(comparisons: list[startup.Comparison], rate: float, outlets: dict[str, float],
                runs: int, crew: dict[str, float] | None = None,
                json_runs: dict[int, startup.Comparison] | None = None,
                ) -> tuple[str, dict[str, object]]:  # fmt: skip
    """The Markdown report and the raw numbers."""
    gui, cli = comparisons
    pdf_ms = outlets[inprocess.PDF_ROW]
    lines = [
        f"Run {datetime.now():%Y-%m-%d %H:%M} on {_machine()}; {runs} alternating pairs, "
        "offscreen, medians.",
        "",
        "| measurement | certalign | floor | ratio (median of pairs) | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    raw: dict[str, object] = {"machine": _machine(), "runs": runs}
    for name, comp, wall_target, rss_target in (
        ("GUI --exit-after-startup", gui, TARGETS["gui_wall"], TARGETS["gui_rss"]),
        ("CLI --json", cli, TARGETS["cli_wall"], None),
    ):
        wall = comp.ratio("seconds")
        rss = comp.ratio("peak_mb")
        lines.append(
            f"| {name}: wall | {comp.median('program', 'seconds'):.3f} s "
            f"| {comp.median('floor', 'seconds'):.3f} s | {wall:.2f}x "
            f"| <= {wall_target}x ({_verdict(wall <= wall_target)}) |"
        )
        rss_cell = f"<= {rss_target}x ({_verdict(rss <= rss_target)})" if rss_target else "-"
        lines.append(
            f"| {name}: peak RSS | {comp.median('program', 'peak_mb'):.1f} MB "
            f"| {comp.median('floor', 'peak_mb'):.1f} MB | {rss:.2f}x | {rss_cell} |"
        )
        raw[comp.name] = {
            "program": [s.__dict__ for s in comp.program],
            "floor": [s.__dict__ for s in comp.floor],
            "wall_ratio": wall,
            "rss_ratio": rss,
        }
    lines.append(
        f"| assess() throughput | {rate:,.0f} /s | | | >= {TARGETS['assess_per_s']:,.0f}/s "
        f"({_verdict(rate >= TARGETS['assess_per_s'])}) |"
    )
    for label, value in outlets.items():
        target = (
            f"<= {TARGETS['pdf_ms']:.0f} ms ({_verdict(pdf_ms <= TARGETS['pdf_ms'])})"
            if label == inprocess.PDF_ROW
            else "-"
        )
        lines.append(f"| {label} | {_ms(value)} ms | | | {target} |")
    paint, floor_paint = gui.median_first_paint("program"), gui.median_first_paint("floor")
    if paint is not None and floor_paint is not None:
        lines.append(
            f"| GUI time to first paint | {paint:.3f} s | {floor_paint:.3f} s "
            f"| {paint / floor_paint:.2f}x | - |"
        )
    if crew is not None:
        lines += roster_lines(crew)
        raw["roster"] = crew
    if json_runs is not None:
        lines += json_lines(json_runs)
        raw["roster_json"] = {
            str(rows): {
                "json": [s.__dict__ for s in comp.program],
                "text": [s.__dict__ for s in comp.floor],
            }
            for rows, comp in json_runs.items()
        }
    raw["assess_per_second"] = rate
    raw["outlets_ms"] = outlets
    return "\n".join(lines) + "\n", raw


def roster_lines(crew: dict[str, float]) -> list[str]:
    """The roster window's rows of the table (`benchmarks.roster`)."""
    opened, scrolled = crew["open_ms"], crew["scroll_ms_per_page"]
    pages = crew["checklist_pages_per_second"]
    open_ok = _verdict(opened <= TARGETS["roster_open_ms"])
    scroll_ok = _verdict(scrolled <= TARGETS["roster_scroll_ms"])
    pages_ok = _verdict(pages >= TARGETS["checklist_pages_per_s"])
    return [
        f"| roster: {crew['rows']:,.0f} rows read, assessed and shown (ms) | {opened:.1f} ms | | "
        f"| <= {TARGETS['roster_open_ms']:,.0f} ms ({open_ok}); "
        f"{crew['open_us_per_row']:.0f} µs a row; first open {crew['open_first_ms']:.0f} ms |",
        f"| roster: table scrolled one page (ms) | {scrolled:.1f} ms | | "
        f"| <= {TARGETS['roster_scroll_ms']} ms ({scroll_ok}); "
        f"{crew['rows_per_page']:.0f} rows a page, {crew['scroll_pages']:.0f} pages |",
        f"| roster: sorted by a header click (ms) | {crew['sort_ms']:.1f} ms | | | - |",
        f"| roster: filter box, one key (ms) | {crew['filter_ms']:.1f} ms | | | - |",
        f"| roster: checklists for everyone (pages/s) | {pages:.1f} /s | | "
        f"| >= {TARGETS['checklist_pages_per_s']:.0f}/s ({pages_ok}) |",
    ]


def json_lines(json_runs: dict[int, startup.Comparison]) -> list[str]:
    """`certalign roster --json` against the text table (`benchmarks.roster_json`)."""
    lines = []
    for rows, comp in json_runs.items():
        wall = comp.median("program", "seconds")
        target = roster_json.WALL_TARGETS[rows]
        lines.append(
            f"| roster --json, {rows:,} rows: wall (text table as floor) | {wall:.3f} s "
            f"| {comp.median('floor', 'seconds'):.3f} s | {comp.ratio('seconds'):.2f}x "
            f"| < {target:g} s ({_verdict(wall < target)}) |"
        )
        rss = comp.median("program", "peak_mb")
        rss_target = (
            f"< {roster_json.RSS_TARGET_MB:.0f} MB ({_verdict(rss < roster_json.RSS_TARGET_MB)})"
            if rows == max(json_runs)
            else "-"
        )
        lines.append(
            f"| roster --json, {rows:,} rows: peak RSS | {rss:.1f} MB "
            f"| {comp.median('floor', 'peak_mb'):.1f} MB | {comp.ratio('peak_mb'):.2f}x "
            f"| {rss_target} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one pair, small sets: smoke only")
    parser.add_argument("--runs", type=int, default=11, help="alternating pairs (default 11)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else max(args.runs, 9)
    comparisons = startup.run_all(runs)
    rate = inprocess.assess_throughput(200 if args.quick else 10_000)
    outlets = inprocess.outlet_timings(2 if args.quick else 25)
    crew = roster.run(quick=args.quick)
    json_runs = roster_json.run(1 if args.quick else 5, quick=args.quick)
    table, raw = build_table(comparisons, rate, outlets, runs, crew, json_runs)
    print(table)
    if args.quick:
        return 0
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(table, encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    for name, path in importtime.write_reports().items():
        print(f"import profile ({name}): benchmarks/results/{path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
