import { ScoringEngine } from './engine';

let engine: ScoringEngine | undefined;

/** One engine per process, shared by the content loader, the service and the CLI. */
export function sharedEngine(): ScoringEngine {
  engine ??= new ScoringEngine();
  return engine;
}
