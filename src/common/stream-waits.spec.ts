import { PassThrough, Writable } from 'node:stream';
import { drainedOrClosed, finishedOrClosed, sendChunk } from './stream-waits';

// A response that takes nothing until told to: writes pile up and never drain.
function stalledResponse(): Writable {
  return new Writable({ highWaterMark: 1, write: () => undefined });
}

describe('stream waits', () => {
  it('should say true once the stream drains', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    expect(stream.write('more than four bytes')).toBe(false);
    const waiting = drainedOrClosed(stream, stalledResponse());
    stream.read();
    await expect(waiting).resolves.toBe(true);
  });

  it('should say false when the client goes away before a drain, instead of waiting forever', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    stream.write('more than four bytes');
    const response = stalledResponse();
    const waiting = drainedOrClosed(stream, response);
    response.destroy();
    await expect(waiting).resolves.toBe(false);
    await expect(drainedOrClosed(stream, response)).resolves.toBe(false);
  });

  it('should end the wait for the response on finish or on close', async () => {
    const finished = new Writable({ write: (_chunk, _encoding, done) => done() });
    const waitFinish = finishedOrClosed(finished);
    finished.end('x');
    await expect(waitFinish).resolves.toBeUndefined();
    await expect(finishedOrClosed(finished)).resolves.toBeUndefined();

    const gone = stalledResponse();
    const waitClose = finishedOrClosed(gone);
    gone.destroy();
    await expect(waitClose).resolves.toBeUndefined();
  });

  it('should take its listeners off again, so thousands of waits leave none behind', async () => {
    const response = new PassThrough({ highWaterMark: 4 });
    const listeners = (): number[] =>
      ['drain', 'close', 'error', 'finish'].map((name) => response.listenerCount(name));
    const before = listeners();
    for (let i = 0; i < 50; i++) {
      expect(sendChunk(response, 'more than four bytes')).toBeInstanceOf(Promise);
      const waiting = sendChunk(response, 'x');
      response.read();
      await expect(waiting).resolves.toBe(true);
    }
    expect(listeners()).toEqual(before);
    const finishing = finishedOrClosed(response);
    response.end();
    response.resume();
    await finishing;
    expect(listeners()).toEqual(before);
  });
});
