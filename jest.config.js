// Three tiers (see README "Tests"): unit specs beside the code, e2e specs driving the
// real app over HTTP, browser specs driving Chromium. Type checking is done once by
// `tsc --noEmit` in `npm test`, so ts-jest only transpiles.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }];
const base = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest }, moduleFileExtensions: ['ts', 'js', 'json'], setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeouts.js'] };

module.exports = {
  // Test files run in a worker process that is replaced once it holds more than this between
  // files. Run in band (what Jest does with one worker, as on a 2-core machine), every file's
  // app, modules and language model piled up in one process until it ran out of heap (a clean
  // CI run died at about 3.7 GB); a worker hands that memory back.
  workerIdleMemoryLimit: '1500MB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
