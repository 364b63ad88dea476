import { describe, expect, it } from 'vitest';
import { safeReason } from '../../src/ops/safe-reason.ts';

describe('safeReason', () => {
  it("keeps an error's first line only", () => {
    expect(safeReason(new Error('Connection terminated unexpectedly\n    at Client.<anonymous> (node_modules/pg/lib/client.js:132:73)'))).toBe('Connection terminated unexpectedly');
  });

  it('hides every address, whatever its scheme, since a store address carries its password', () => {
    expect(safeReason('cannot open postgres://herald:s3cret@db:5432/herald or sqlite://data/herald.sqlite')).toBe('cannot open <address> or <address>');
  });

  it('hides the values of password-like settings a driver repeats', () => {
    expect(safeReason('bad connection string "host=db password=s3cret user=herald"; api_key: abc123')).toBe('bad connection string "host=db password=<hidden> user=herald"; api_key=<hidden>');
  });

  it('cuts a long message to 200 characters', () => {
    const reason = safeReason('x'.repeat(500));
    expect(reason).toHaveLength(200);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('says "unknown error" for an empty message', () => {
    expect(safeReason(new Error(''))).toBe('unknown error');
  });
});
