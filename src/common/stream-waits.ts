import { once } from 'node:events';
import { Writable } from 'node:stream';

// Waiting on a response stream without hanging when the client goes away: a closed socket
// never drains or finishes, but it always emits "close". Each wait takes its listeners off
// again once it is over, the loser's too: a long download waits for thousands of drains, and
// listeners left behind would pile up on the response until it closed.

/** Resolves when `stream` drains (true) or `response` closes first (false: stop writing). */
export async function drainedOrClosed(stream: Writable, response: Writable): Promise<boolean> {
  if (response.destroyed) return false;
  return firstOf([
    [stream, 'drain', true],
    [response, 'close', false],
  ]);
}

/** Resolves once the response is sent, or once its client has gone. */
export async function finishedOrClosed(response: Writable): Promise<void> {
  if (response.writableFinished || response.destroyed) return;
  await firstOf([
    [response, 'finish', undefined],
    [response, 'close', undefined],
  ]);
}

// The value paired with whichever event comes first; every listener is removed afterwards.
async function firstOf<T>(events: [Writable, string, T][]): Promise<T> {
  const controller = new AbortController();
  try {
    return await Promise.race(
      events.map(([emitter, name, value]) =>
        once(emitter, name, { signal: controller.signal }).then(() => value),
      ),
    );
  } finally {
    controller.abort();
  }
}

/** Writes `chunk`, then waits for the socket when its buffer is full; false once the client has gone. */
export async function sendChunk(response: Writable, chunk: string): Promise<boolean> {
  if (response.destroyed) return false;
  return response.write(chunk) || drainedOrClosed(response, response);
}
