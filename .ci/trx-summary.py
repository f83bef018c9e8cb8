#!/usr/bin/env python3
"""Sums the <Counters> of every TRX file in a folder.

usage: trx-summary.py FOLDER
Prints one line per file, then `PASSED FAILED SKIPPED` as the last line.
A run that ended without completing (a crashed or hung test host) counts as one failure
when none of its tests failed, since the test that broke it is not in the counters.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILING = ("failed", "error", "timeout", "aborted")

totals = {"passed": 0, "failed": 0, "skipped": 0}
for trx in sorted(pathlib.Path(sys.argv[1]).glob("*.trx")):
    summary = ET.parse(trx).getroot().find(f"{NS}ResultSummary")
    counters = summary.find(f"{NS}Counters") if summary is not None else None
    count = {k: int(v) for k, v in counters.attrib.items()} if counters is not None else {}
    row = {
        "passed": count.get("passed", 0),
        "failed": sum(count.get(k, 0) for k in FAILING),
        # skipped tests count in `total` but not in `executed` (the notExecuted counter stays 0)
        "skipped": count.get("total", 0) - count.get("executed", 0),
    }
    outcome = summary.get("outcome", "missing") if summary is not None else "missing"
    note = ""
    if outcome not in ("Completed", "Passed", "Warning") and row["failed"] == 0:
        row["failed"] = 1
        note = f" (run outcome {outcome}: the test host crashed or hung)"
    for key, value in row.items():
        totals[key] += value
    print(f"  {trx.stem}: {row['passed']} passed, {row['failed']} failed, {row['skipped']} skipped{note}")
print(totals["passed"], totals["failed"], totals["skipped"])
