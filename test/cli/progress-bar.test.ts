import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/cli/progress-bar.ts';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const stream = { isTTY, columns: 80, written: '', write(chunk: string) {
    stream.written += chunk;
    return true;
  } };
  return stream as unknown as NodeJS.WriteStream & { written: string };
}

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const stream = fakeStream(false);
    createProgressBar(stream)(5, 10);
    expect(stream.written).toBe('');
  });

  it('draws nothing for a run too short to need it', () => {
    const stream = fakeStream(true);
    createProgressBar(stream, 5)(1, 2);
    expect(stream.written).toBe('');
  });

  it('redraws one line with the count, and ends it when the run is done', () => {
    const stream = fakeStream(true);
    const draw = createProgressBar(stream, 5);
    draw(1, 10);
    draw(10, 10);
    expect(stream.written).toMatch(/^\r\[#+-+\] 1\/10\r\[#+\] 10\/10\n$/);
  });
});
