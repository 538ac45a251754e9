import { once } from 'node:events';
import { Writable } from 'node:stream';

// Waiting on a response stream without hanging when the client goes away: a closed socket
// never drains or finishes, but it always emits "close".

/** Resolves when `stream` drains (true) or `response` closes first (false: stop writing). */
export async function drainedOrClosed(stream: Writable, response: Writable): Promise<boolean> {
  if (response.destroyed) return false;
  const closed = once(response, 'close').then(() => false);
  return Promise.race([once(stream, 'drain').then(() => true), closed]);
}

/** Resolves once the response is sent, or once its client has gone. */
export async function finishedOrClosed(response: Writable): Promise<void> {
  if (response.writableFinished || response.destroyed) return;
  await Promise.race([once(response, 'finish'), once(response, 'close')]);
}

/** Writes `chunk`, then waits for the socket when its buffer is full; false once the client has gone. */
export async function sendChunk(response: Writable, chunk: string): Promise<boolean> {
  if (response.destroyed) return false;
  return response.write(chunk) || drainedOrClosed(response, response);
}
