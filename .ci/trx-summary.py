#!/usr/bin/env python3
"""Sums the <Counters> of every TRX file in a folder, and holds each test project to a floor.

usage: trx-summary.py FOLDER [--fail-skips] [PROJECT=FLOOR ...]
Prints one line per file (and the name of every skipped test), then `PASSED FAILED SKIPPED`
as the last line. FAILED also counts, once each:
- a run that ended without completing (a crashed or hung test host) when none of its tests
  failed, since the test that broke it is not in the counters;
- a PROJECT that wrote no TRX file, or reported fewer tests than its FLOOR (a project that
  silently discovers nothing); a TRX file of a project without a floor is only noted;
and, with --fail-skips, every skipped test: where every prerequisite is installed, a skip means
something is broken.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILING = ("failed", "error", "timeout", "aborted")


def skipped_tests(root):
    """(name, reason) of each test that did not run."""
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") == "NotExecuted":
            reason = next((m.text for tag in ("Message", "StdOut") for m in result.iter(f"{NS}{tag}") if m.text), "")
            yield result.get("testName", "?"), reason.strip()


def main(argv):
    folder, options = pathlib.Path(argv[0]), argv[1:]
    fail_skips = "--fail-skips" in options
    floors = dict(o.split("=", 1) for o in options if "=" in o)
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    seen = set()
    for trx in sorted(folder.glob("*.trx")):
        root = ET.parse(trx).getroot()
        summary = root.find(f"{NS}ResultSummary")
        counters = summary.find(f"{NS}Counters") if summary is not None else None
        count = {k: int(v) for k, v in counters.attrib.items()} if counters is not None else {}
        row = {
            "passed": count.get("passed", 0),
            "failed": sum(count.get(k, 0) for k in FAILING),
            # skipped tests count in `total` but not in `executed` (the notExecuted counter stays 0)
            "skipped": count.get("total", 0) - count.get("executed", 0),
        }
        notes = []
        outcome = summary.get("outcome", "missing") if summary is not None else "missing"
        if outcome not in ("Completed", "Passed", "Warning") and row["failed"] == 0:
            row["failed"] = 1
            notes.append(f"run outcome {outcome}: the test host crashed or hung")
        project = trx.stem
        seen.add(project)
        if project not in floors:
            notes.append("no floor given")
        elif count.get("total", 0) < int(floors[project]):
            row["failed"] += 1
            notes.append(f"{count.get('total', 0)} tests, fewer than the floor of {floors[project]}")
        if fail_skips and row["skipped"]:
            row["failed"] += row["skipped"]
            notes.append("skipped tests fail the run in CI")
        for key, value in row.items():
            totals[key] += value
        note = f" ({'; '.join(notes)})" if notes else ""
        print(f"  {project}: {row['passed']} passed, {row['failed']} failed, {row['skipped']} skipped{note}")
        for name, reason in skipped_tests(root):
            print(f"    skipped: {name}" + (f": {reason}" if reason else ""))
    for project in sorted(set(floors) - seen):
        totals["failed"] += 1
        print(f"  {project}: wrote no TRX file (build failure, crash, or not in the solution)")
    print(totals["passed"], totals["failed"], totals["skipped"])


if __name__ == "__main__":
    main(sys.argv[1:])
