// Per-tier timeouts. Jest reads `testTimeout` only from the root config, not from a project,
// so each tier sets its own here (loaded by setupFilesAfterEach in jest.config.js).
const path = expect.getState().testPath ?? '';
jest.setTimeout(
  path.includes('/test/browser/') ? 60000 : path.includes('/test/e2e/') ? 30000 : 5000,
);
