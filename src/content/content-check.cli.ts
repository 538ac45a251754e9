import { loadConfig } from '../config/app-config';
import { ContentError, formatIssue } from './content-issue';
import { CONTENT_KINDS } from './content-kinds';
import { loadContent } from './load-content';

// `npm run content:check`: the same loading and validation as the boot, without a server.
function main(): number {
  const { contentDir } = loadConfig({ ...process.env, AUTH_SECRET: 'x'.repeat(32) });
  try {
    const catalogue = loadContent(contentDir, CONTENT_KINDS);
    const counts = Object.entries(catalogue.counts()).map(([kind, count]) => `${count} ${kind}`);
    process.stdout.write(`content OK: ${counts.join(', ') || 'nothing to load'}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`content check failed: ${error.issues.length} problem(s)\n`);
    return 1;
  }
}

process.exitCode = main();
