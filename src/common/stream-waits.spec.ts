import { PassThrough, Writable } from 'node:stream';
import { drainedOrClosed, finishedOrClosed } from './stream-waits';

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
});
