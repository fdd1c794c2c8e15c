// Prints the plain closing line CI reads: "N passed, N failed, N skipped",
// counting every test in every browser. A file that failed to load counts as failed.
export function summaryLineReporter() {
  let seen = new Map();
  function count(suite, acc) {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) acc.skipped++;
      else if (t.passed) acc.passed++;
      else acc.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, acc);
  }
  return {
    start() {
      // Printed on exit, after WTR's own output, even if the run ends in an error.
      process.on('exit', (code) => process.stdout.write(summary(code)));
    },
    onTestRunStarted() {
      seen = new Map();
    },
    reportTestFileResults({ sessionsForTestFile }) {
      for (const s of sessionsForTestFile) seen.set(s.id, s);
    },
    onTestRunFinished({ sessions }) {
      for (const s of sessions) seen.set(s.id, s);
    },
  };
  function summary(exitCode) {
    const acc = { passed: 0, failed: 0, skipped: 0 };
    const perBrowser = new Map();
    for (const s of seen.values()) {
      const before = { ...acc };
      count(s.testResults, acc);
      const loadFailed = !s.passed && acc.failed === before.failed && (s.errors?.length ?? 0) > 0;
      if (loadFailed) acc.failed++;
      const b = perBrowser.get(s.browser.name) ?? { passed: 0, failed: 0, skipped: 0 };
      b.passed += acc.passed - before.passed;
      b.failed += acc.failed - before.failed;
      b.skipped += acc.skipped - before.skipped;
      perBrowser.set(s.browser.name, b);
    }
    const lines = [...perBrowser].map(([name, b]) => `  ${name}: ${b.passed} passed, ${b.failed} failed, ${b.skipped} skipped`);
    if (exitCode && acc.failed === 0) acc.failed = 1; // the run failed outside any test
    return `\n${lines.join('\n')}\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`;
  }
}
