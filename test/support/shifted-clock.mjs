// Preloaded into a Herald child process (NODE_OPTIONS=--import) so that its clock reads HERALD_TEST_CLOCK_AT at
// start and runs on from there at the real pace: a child joins a simulated week at the instant the test has reached.
// Only the clock is shifted; timers still wait real time.
const at = Date.parse(process.env.HERALD_TEST_CLOCK_AT ?? '');
if (Number.isNaN(at)) throw new Error('shifted-clock: HERALD_TEST_CLOCK_AT must be an ISO 8601 instant');
const SystemDate = Date;
const offset = at - SystemDate.now();

class ShiftedDate extends SystemDate {
  constructor(...args) {
    if (args.length === 0) super(SystemDate.now() + offset);
    else super(...args);
  }

  static now() {
    return SystemDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate;
