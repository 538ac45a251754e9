// Prints one plain closing line that CI and people can read at a glance:
// "jest: 120 passed, 0 failed, 3 skipped" (plus "1 suite could not run" when a file fails to load,
// which counts no test as failed).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const broken = results.numRuntimeErrorTestSuites;
    const line =
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped` +
      (broken ? `, ${broken} suite${broken === 1 ? '' : 's'} could not run` : '');
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;
