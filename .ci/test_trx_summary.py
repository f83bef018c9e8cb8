#!/usr/bin/env python3
"""Tests of trx-summary.py on hand-made TRX files (the shape `dotnet test --logger trx` writes)."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

SCRIPT = pathlib.Path(__file__).with_name("trx-summary.py")


def trx(total, passed, failed=0, outcome="Completed", skipped_names=()):
    results = "".join(
        f'<UnitTestResult testName="{name}" outcome="NotExecuted"><Output><StdOut>why {name}</StdOut></Output></UnitTestResult>'
        for name in skipped_names)
    executed = total - len(skipped_names)
    return (f'<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{results}</Results>'
            f'<ResultSummary outcome="{outcome}"><Counters total="{total}" executed="{executed}" '
            f'passed="{passed}" failed="{failed}" error="0" timeout="0" aborted="0" notExecuted="0" />'
            f'</ResultSummary></TestRun>')


class TrxSummaryTests(unittest.TestCase):
    def summarise(self, files, *options):
        with tempfile.TemporaryDirectory() as folder:
            for name, content in files.items():
                pathlib.Path(folder, f"{name}.trx").write_text(content)
            run = subprocess.run([sys.executable, SCRIPT, folder, *options], capture_output=True, text=True, check=True)
        *lines, totals = run.stdout.strip().splitlines()
        return tuple(int(n) for n in totals.split()), "\n".join(lines)

    def test_sums_every_file(self):
        totals, _ = self.summarise({"A.Tests": trx(3, 2, failed=1), "B.Tests": trx(4, 4)}, "A.Tests=3", "B.Tests=4")
        self.assertEqual((6, 1, 0), totals)

    def test_a_skip_is_only_counted_without_fail_skips(self):
        files = {"A.Tests": trx(3, 2, skipped_names=["A.Tests.Oracle"])}
        self.assertEqual((2, 0, 1), self.summarise(files, "A.Tests=3")[0])
        totals, lines = self.summarise(files, "--fail-skips", "A.Tests=3")
        self.assertEqual((2, 1, 1), totals)
        self.assertIn("skipped: A.Tests.Oracle: why A.Tests.Oracle", lines)

    def test_a_project_under_its_floor_fails_once(self):
        totals, lines = self.summarise({"A.Tests": trx(0, 0)}, "A.Tests=5")
        self.assertEqual((0, 1, 0), totals)
        self.assertIn("fewer than the floor of 5", lines)

    def test_a_project_at_its_floor_passes(self):
        self.assertEqual((5, 0, 0), self.summarise({"A.Tests": trx(5, 5)}, "A.Tests=5")[0])

    def test_a_floor_without_a_trx_file_fails(self):
        totals, lines = self.summarise({"A.Tests": trx(1, 1)}, "A.Tests=1", "B.Tests=1")
        self.assertEqual((1, 1, 0), totals)
        self.assertIn("B.Tests: wrote no TRX file", lines)

    def test_an_aborted_run_without_failures_fails_once(self):
        totals, lines = self.summarise({"A.Tests": trx(2, 2, outcome="Aborted")}, "A.Tests=2")
        self.assertEqual((2, 1, 0), totals)
        self.assertIn("crashed or hung", lines)


if __name__ == "__main__":
    unittest.main()
