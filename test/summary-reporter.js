// Prints the plain closing line CI reads: "N passed, N failed, N skipped",
// counting every test in every browser. A file that failed to load counts as failed.
// Before it: per browser, the time its tests took and its slowest files (where CI's time goes).
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
  function ms(suite) {
    return (suite?.tests ?? []).reduce((t, x) => t + (x.duration ?? 0), 0) + (suite?.suites ?? []).reduce((t, x) => t + ms(x), 0);
  }
  function times() {
    const byBrowser = new Map();
    for (const s of seen.values()) {
      const files = byBrowser.get(s.browser.name) ?? [];
      files.push([s.testFile.replace(/^.*?\/test\//, 'test/'), ms(s.testResults)]);
      byBrowser.set(s.browser.name, files);
    }
    const secs = (n) => `${(n / 1000).toFixed(0)} s`;
    return [...byBrowser].map(([name, files]) => {
      const slow = files.sort((a, b) => b[1] - a[1]).slice(0, 4);
      return `  ${name}: tests took ${secs(files.reduce((t, f) => t + f[1], 0))}; slowest: ${slow.map(([f, n]) => `${f} ${secs(n)}`).join(', ')}`;
    });
  }
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
    return `\n${times().join('\n')}\n${lines.join('\n')}\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`;
  }
}
