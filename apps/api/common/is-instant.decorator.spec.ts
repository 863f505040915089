import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsInstant } from './is-instant.decorator';

class Probe {
  @IsInstant('at')
  at: unknown;
}

const problems = (at: unknown) => {
  const probe = new Probe();
  probe.at = at;
  return validateSync(probe).flatMap((error) => Object.values(error.constraints ?? {}));
};

describe('IsInstant', () => {
  it.each(['2024-06-18T16:59:00Z', '2024-06-18T23:59+07:00', '2024-02-29T00:00:00.5-09:00'])('accepts %s', (at) => {
    expect(problems(at)).toEqual([]);
  });

  it.each([
    ['2030-01-01T10:00', /with its offset/],
    ['2030-W01-1', /with its offset/],
    ['2023-02-30T10:00:00Z', /not a date that exists/],
    ['2023-02-29T23:30:00+07:00', /not a date that exists/],
  ])('refuses %s with one message', (at, message) => {
    expect(problems(at)).toEqual([expect.stringMatching(message)]);
  });
});
