import { Response } from 'express';
import { EventEmitter } from 'node:events';
import { writeMatrixJson } from './matrix-json.writer';
import { Eligibility } from './engine';
import { EligibilityMatrixView } from './rotation-views';

// A response that keeps what is written; `write` reports a full buffer every third call, and
// drains on the next tick, as a slow socket would.
class RecordingResponse extends EventEmitter {
  chunks: string[] = [];
  statusCode = 0;
  contentType = '';
  destroyed = false;
  ended = false;
  private writes = 0;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  type(value: string): this {
    this.contentType = value;
    return this;
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    if (++this.writes % 3 !== 0) return true;
    setImmediate(() => this.emit('drain'));
    return false;
  }
  end(chunk: string): void {
    this.chunks.push(chunk);
    this.ended = true;
  }
}

function matrixOf(people: number): EligibilityMatrixView {
  const eligible: Eligibility = {
    positionId: 'vip-line',
    status: 'eligible',
    reasons: [],
    warnings: [],
    current: false,
  };
  return {
    on: '2026-12-07',
    team: null,
    positions: [
      { id: 'vip-line', title: 'VIP line' },
      { id: 'complaints-desk', title: 'Complaints "desk"' },
    ],
    people: Array.from({ length: people }, (_, i) => ({
      userId: `user-${i}`,
      displayName: i % 7 === 0 ? `Zoë "Quote" \\ ${i}` : `Person ${i}`,
      email: `p${i}@academy.local`,
      team: i % 3 === 0 ? null : `team-${i % 5}`,
      currentPositionId: i % 4 === 0 ? 'vip-line' : null,
      cells: [
        eligible, // one object in every row
        {
          positionId: 'complaints-desk',
          status: i % 2 ? ('not-eligible' as const) : ('expiring' as const),
          reasons:
            i % 2 ? [`best exam grade ${i} %, needs 80 %`, 'no active “Privacy” certificate'] : [],
          warnings: i % 2 ? [] : ['Privacy certificate expires on 2026-12-20'],
          current: i % 4 === 0,
        },
      ],
    })),
    totals: { 'vip-line': { eligible: people, expiring: 0, notEligible: 0 } },
  };
}

describe('writeMatrixJson', () => {
  it.each([0, 1, 249, 250, 251, 1203])(
    'should write exactly JSON.stringify of the matrix (%i people), waiting for drains',
    async (people) => {
      const response = new RecordingResponse();
      const matrix = matrixOf(people);
      await writeMatrixJson(response as unknown as Response, matrix);
      expect(response.ended).toBe(true);
      expect(response.statusCode).toBe(200);
      expect(response.contentType).toBe('application/json');
      expect(response.chunks.join('')).toBe(JSON.stringify(matrix));
    },
  );

  it('should stop writing when the client has gone', async () => {
    const response = new RecordingResponse();
    response.destroyed = true;
    await writeMatrixJson(response as unknown as Response, matrixOf(600));
    expect(response.chunks).toEqual([]);
    expect(response.ended).toBe(false);
  });
});
