import { preferredWaitMs, STAGE_OPENING_WAIT_MS } from './stage-opening-wait';

describe('how long "open now" waits for the opening', () => {
  it.each([
    [undefined, STAGE_OPENING_WAIT_MS],
    ['', STAGE_OPENING_WAIT_MS],
    ['respond-async', 0],
    ['respond-async, wait=3', 3000],
    ['Wait=2', 2000],
    ['wait=600', STAGE_OPENING_WAIT_MS],
    ['return=minimal', STAGE_OPENING_WAIT_MS],
  ])('Prefer: %p waits %p ms', (prefer, expected) => {
    expect(preferredWaitMs(prefer)).toBe(expected);
  });
});
