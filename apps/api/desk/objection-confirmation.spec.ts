import { confirmationCode, confirmationLink, isConfirmationCodeOf } from './objection-confirmation';

describe('objection confirmation codes', () => {
  it('match only their own digest', () => {
    const one = confirmationCode();
    const other = confirmationCode();
    expect(one.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.digest).not.toContain(one.secret);
    expect(isConfirmationCodeOf(one.secret, one.digest)).toBe(true);
    expect(isConfirmationCodeOf(other.secret, one.digest)).toBe(false);
    expect(isConfirmationCodeOf(one.secret.slice(1), one.digest)).toBe(false);
  });

  it('ride in the link’s fragment, so no server log holds them', () => {
    const link = confirmationLink('https://tahap.menpan.go.id', 'pkri-2026', 'b1c2', 'secret');
    expect(link).toBe('https://tahap.menpan.go.id/nominasi/pkri-2026/konfirmasi/b1c2#kode=secret');
    expect(new URL(link).search).toBe('');
  });
});
