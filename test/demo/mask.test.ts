import { describe, expect, it } from 'vitest';
import { maskSecret, maskSecrets } from '../../examples/support/mask.ts';

const CARD = { label: 'card number', value: '4242424242424242' };
const EMAIL = {
  label: 'e-mail address',
  value: 'jane.doe@example.com',
  variants: ['jane.doe%40example.com'],
};

describe('maskSecret', () => {
  it.each([
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'eyJh••••'],
    ['hunter2-long', 'hu••••'],
    ['123', '••••'],
  ])('reduces %s to a hint of its shape', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });
});

describe('maskSecrets', () => {
  it('masks every spelling of every secret and leaves the rest', () => {
    const text = `Card ${CARD.value} for ${EMAIL.value} (?email=${EMAIL.variants[0]})`;
    const masked = maskSecrets(text, [CARD, EMAIL]);

    expect(masked).toBe('Card 4242•••• for jane•••• (?email=jane••••)');
    for (const spelling of [CARD.value, EMAIL.value, ...EMAIL.variants]) {
      expect(masked).not.toContain(spelling);
    }
  });

  it('masks the longer secret first when one contains another', () => {
    const token = { label: 'token', value: 'abcdefgh' };
    const longer = { label: 'longer token', value: 'abcdefgh-ijklmnop' };

    expect(maskSecrets('x abcdefgh-ijklmnop y abcdefgh', [token, longer])).toBe(
      'x abcd•••• y ab••••',
    );
  });
});
