import { describe, expect, it } from 'vitest';
import { isCardNumber, passesLuhn } from '../../src/scrub/detect/card.ts';
import { passesMod97 } from '../../src/scrub/detect/iban.ts';
import { SERVICE_KEY_ANCHORS, SERVICE_KEYS } from '../../src/scrub/detect/service-keys.ts';
import { germanIban, withLuhnDigit } from './fixtures/secrets.ts';
import { scrubEvent, scrubText } from './helpers.ts';

// Each detector: what it replaces (only the matched span) and the look-alikes it leaves.

const F = '[Filtered]';

describe('email', () => {
  it.each([
    ['Subscriber jane.doe@example.org exists', `Subscriber ${F} exists`],
    ['mailto:jane+tag@mail.example.co.uk.', `mailto:${F}.`],
    ['email=jane.doe%40example.com&page=2', `email=${F}&page=2`],
    ['<jane@example.com>', `<${F}>`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'checkout-web@2.14.0',
    'npm:@sentry/node',
    '/srv/app/node_modules/.pnpm/@acme+payments@3.2.1/node_modules/x.js',
    'git@github.com:org/repo.git',
    'user@localhost',
    'a@b.c',
    '@mention in chat',
    `x${'.a'.repeat(300)}@`,
    `${'a'.repeat(70)}@example.com`,
    `jane@${'b'.repeat(300)}.com`,
    'jane.@example.com',
    'jane@.example.com',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('ipAddress', () => {
  it.each([
    ['upstream 203.0.113.42 refused', `upstream ${F} refused`],
    ['from 10.0.0.2, 192.168.1.1.', `from ${F}, ${F}.`],
    ['http://198.51.100.7:8080/x', `http://${F}:8080/x`],
    ['peer 2001:db8::1 closed', `peer ${F} closed`],
    ['[2001:db8:85a3:8d3:1319:8a2e:370:7348]:443', `[${F}]:443`],
    ['mapped ::ffff:203.0.113.9 ok', `mapped ${F} ok`],
    ['fe80::1%eth0', `${F}%eth0`],
    // After a name and a colon.
    ['ip:2001:db8::1', `ip:${F}`],
    ['remote_addr:2001:db8:85a3::8a2e:370:7334 closed', `remote_addr:${F} closed`],
    ['via:fe80::1%eth0', `via:${F}%eth0`],
    // A path segment, not a product's version.
    ['GET /hosts/10.1.2.3/status', `GET /hosts/${F}/status`],
    ['GET /hosts/10.1.2.3 failed', `GET /hosts/${F} failed`],
    ['https://api.example.com/10.1.2.3', `https://api.example.com/${F}`],
    ['hosts/10.1.2.3/status', `hosts/${F}/status`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'Chrome/124.0.0.0 Safari/537.36',
    'node v20.11.1',
    'v1.2.3.4',
    'version 1.2.3.4.5',
    'version 1.2.3.4',
    'Version 10.2.0.1 installed',
    'version: 1.2.3.4',
    'version=1.2.3.4',
    '{"app_version":"10.2.0.1","appVersion": "10.2.0.1"}',
    "{ 'os.version': '10.0.0.1' }",
    'Mozilla/5.0 (X11) Agent/1.2.3.4 Other/2.0',
    '256.1.1.1',
    'ECONNREFUSED 127.0.0.1:5432',
    'bind 0.0.0.0:3000',
    'mask 255.255.255.0',
    'loopback ::1 and ::',
    'std::vector and Foo::Bar and A::B',
    'at 12:30:45.123 and 2024-05-01T12:00:05Z',
    'mac 00:1a:2b:3c:4d:5e',
    'add::bed',
    'x1.2.3.4',
    '1.2.3.4x',
    // Loopback with the port Node.js appends in its connection errors.
    'connect ECONNREFUSED ::1:6379',
    'connect ECONNREFUSED ::1:5432 (retrying)',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('ipAddress under a key that names a version', () => {
  it.each([
    'version',
    'app_version',
    'appVersion',
    'APP_VERSION',
    'build_version',
    'os.version',
    'kernel-version',
  ])('keeps a four-part version alone under %s', (key) => {
    const input = { extra: { [key]: '1.2.3.4' }, tags: { [key]: '10.2.0.1' } };
    const { event, removed } = scrubEvent(input);
    expect(event).toBe(input);
    expect(removed).toEqual([]);
  });

  it('keeps it at any depth, in contexts and as a named value', () => {
    const input = {
      extra: { os: { version: '10.0.0.1' }, env: [{ name: 'APP_VERSION', value: '2.14.0.1' }] },
      contexts: { deploy: { version: '5.5.5.5' } },
    };
    expect(scrubEvent(input).event).toBe(input);
  });

  it.each(['host', 'server', 'versions', 'subversion', 'version_host', 'versionedHost'])(
    'still removes an address under %s',
    (key) => {
      const { event } = scrubEvent({ extra: { [key]: '1.2.3.4' } });
      expect(event.extra).toEqual({ [key]: F });
    },
  );

  it.each([
    ['built on 10.1.2.3', `built on ${F}`],
    ['1.2.3.4 from 203.0.113.9', `${F} from ${F}`],
    [' 1.2.3.4', ` ${F}`],
    ['1.2.3.4-beta', `${F}-beta`],
    ['jane@example.com', F],
    ['token=TV-EXAMPLE-1', `token=${F}`],
  ])('scans anything else under a version key: %s', (value, expected) => {
    const { event } = scrubEvent({ extra: { app_version: value } });
    expect(event.extra).toEqual({ app_version: expected });
  });

  it('still replaces a card number given as a number under a version key', () => {
    const { event } = scrubEvent({ extra: { version: 4111111111111111 } });
    expect(event.extra).toEqual({ version: F });
  });
});

describe('ipAddress in long runs of colons', () => {
  // A run of colons is read once, not once per colon; what is found stays the same.
  const colons = ':'.repeat(10_000);

  it('finds the addresses around a long run of colons and leaves the run', () => {
    const text = `peer 2001:db8::1 ${colons} peer 2001:db8::2 and 203.0.113.9`;
    const scrubbed = scrubText(text);
    expect(scrubbed).toBe(`peer ${F} ${colons} peer ${F} and ${F}`);
  });

  it.each([
    ['a run of colons', colons],
    ['a run of colons and hex digits', 'a:'.repeat(5_000)],
    ['a run of compressed groups', '1::'.repeat(3_000)],
    ['what ends a run of hex digits and colons', `x ${'a:'.repeat(5_000)}2001:db8::1`],
  ])('leaves %s', (_label, text) => {
    expect(scrubText(text)).toBe(text);
  });

  it('finds an address that trailing colons run on from, as it finds one before a port', () => {
    expect(scrubText(`2001:db8::1${colons}`)).toBe(`${F}${colons}`);
  });
});

describe('creditCard', () => {
  it.each([
    ['card 4111 1111 1111 1111 declined', `card ${F} declined`],
    ['card 4111-1111-1111-1111', `card ${F}`],
    ['4111111111111111', F],
    ['amex 3782 822463 10005', `amex ${F}`],
    ['mc 5555555555554444 and visa 4012888888881881', `mc ${F} and visa ${F}`],
    // A number joined to a word next to the card belongs to that word, not to the card.
    ['paid with 4111111111111111 3rd time', `paid with ${F} 3rd time`],
    ['ref A1 4111 1111 1111 1111', `ref A1 ${F}`],
    ['card 4111-1111-1111-1111 2x', `card ${F} 2x`],
    ['total 12.50 4111111111111111', `total 12.50 ${F}`],
    [
      `19 digits ${(withLuhnDigit('411111111111111100').match(/.{1,4}/g) as string[]).join(' ')}`,
      `19 digits ${F}`,
    ],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'order 1234 5678 9012 3456',
    'luhn fails 4111 1111 1111 1112',
    'timestamp 1714564800123',
    'id x4111111111111111',
    'id 4111111111111111x',
    // Decimal fractions: a sample rate in a baggage header, a price.
    'sentry-sample_rand=0.4111111111111111,sentry-sample_rate=1',
    'price 12.4111111111111111',
    '4111111111111111.25',
    'run 4111 1111 1111 1111 4111 1111 1111 1111 4111 1111 1111 1111 4111 1111 1111 1111 4',
    'phone 555 1234 5678',
    '4111 1111',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('finds card numbers held as numbers, and leaves other numbers', () => {
    const { event } = scrubEvent({ extra: { card: 4111111111111111, count: 1714564800123 } });
    expect(event.extra).toEqual({ card: F, count: 1714564800123 });
  });

  it('checks the Luhn digit and the issuer prefix', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(isCardNumber(withLuhnDigit('411111111111111'))).toBe(true);
    expect(isCardNumber(withLuhnDigit('122222222222222'))).toBe(false);
    expect(isCardNumber(withLuhnDigit('222100000000000'))).toBe(true);
    expect(isCardNumber(withLuhnDigit('312345678901234'))).toBe(false);
    expect(isCardNumber('4111')).toBe(false);
  });
});

describe('usSocialSecurityNumber', () => {
  it.each([
    ['ssn 123-45-6789', `ssn ${F}`],
    ['ssn 123 45 6789.', `ssn ${F}.`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'area 000-12-3456',
    'area 666-12-3456',
    'area 900-12-3456',
    'group 123-00-4567',
    'serial 123-45-0000',
    'mixed 123-45 6789',
    'part 12-123-45-6789',
    'x123-45-6789',
    'no separators 123456789',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('iban', () => {
  it.each([
    ['pay DE89 3704 0044 0532 0130 00 now', `pay ${F} now`],
    ['GB82WEST12345698765432', F],
    ['to NO9386011117947.', `to ${F}.`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'DE89 3704 0044 0532 0130 01',
    'XX89370400440532013000',
    'ABCD1234EFGH5678',
    'xDE89370400440532013000',
    'DE8937040044',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('checks mod 97', () => {
    expect(passesMod97(germanIban('123456789012345678'))).toBe(true);
    expect(passesMod97('DE00123456789012345678')).toBe(false);
  });
});

describe('jwt', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLWV4YW1wbGU';

  it.each([
    [`t=${token}`, `t=${F}`],
    [`token ${token} expired`, `token ${F} expired`],
    ['unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', `unsigned ${F}`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'eyJhbGciOiJIUzI1NiJ9 only a header',
    'eyJ'.repeat(1000),
    'xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.abc',
    'eyJa.eyJb.c',
    'eyJhbGciOiJIUzI1NiJ9.e',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input.length > 16_384 ? expect.any(String) : input);
  });
});

describe('authorizationCredentials', () => {
  it.each([
    ['sent Bearer opaque-EXAMPLE-token-1 upstream', `sent Bearer ${F} upstream`],
    ['bearer abcdefghijklmnopqrstuvwxyz', `bearer ${F}`],
    ['Basic YWRtaW46RVhBTVBMRQ==', `Basic ${F}`],
    ['Basic YWRtaW46RVhBTVBMRQ=== (padded once too often)', `Basic ${F} (padded once too often)`],
    ['Basic YWRtaW46RVhBTVBMRQ==/login', `Basic ${F}`],
    ['Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag', `Negotiate ${F}`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'token_type: "Bearer"',
    'Bearer undefined',
    'Bearer authentication required',
    'Basic authentication',
    'Basic dXNlcm5hbWU=',
    'NTLM short',
    'xBearer abcdefghij0123456789',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('urlCredentials', () => {
  it.each([
    [
      'postgresql://app_user:DB-PASS-EXAMPLE@db.internal.example:5432/prod',
      `postgresql://app_user:${F}@db.internal.example:5432/prod`,
    ],
    ['https://:onlypassword@host.example.com', `https://:${F}@host.example.com`],
    // Protocol-relative URLs.
    ['see //user:pass@host.example.com/x', `see //user:${F}@host.example.com/x`],
    ['see //jane@example.com', `see //${F}`],
    ['src="//cdn:CDN-PASS@cdn.example.com/a.js"', `src="//cdn:${F}@cdn.example.com/a.js"`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('keeps the URL parseable and the user name', () => {
    const url = new URL(scrubText('https://deploy:DEPLOY-PASS@registry.example.com/upload'));
    expect(url.username).toBe('deploy');
    expect(url.hostname).toBe('registry.example.com');
    expect(url.pathname).toBe('/upload');
  });

  it.each([
    'https://public@o1.ingest.sentry.io/1',
    'https://deploy:[Filtered]@registry.example.com',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('urlParameters', () => {
  it.each([
    ['https://x.example.com/a?token=T-1&page=2', `https://x.example.com/a?token=${F}&page=2`],
    ['/cb#access_token=AT-1&state=s', `/cb#access_token=${F}&state=s`],
    ['api_key=AK-1&format=csv', `api_key=${F}&format=csv`],
    ['/app;jsessionid=ABC123#top', `/app;jsessionid=${F}#top`],
    [
      'redirect=https%3A%2F%2Fx.example.com%3Fsession_token%3DST-1',
      `redirect=https%3A%2F%2Fx.example.com%3Fsession_token%3D${F}`,
    ],
    // The names of a URL inside a parameter start after the encoded `?` or `&`.
    [
      'next=https%3A%2F%2Fx.example.com%2F%3Fapi_key%3DAK-1',
      `next=https%3A%2F%2Fx.example.com%2F%3Fapi_key%3D${F}`,
    ],
    ['next=%2Fcb%3Fpage%3D2%26sig%3DS-1', `next=%2Fcb%3Fpage%3D2%26sig%3D${F}`],
    ['next=%2Fcb%3Fsig%3DS-1%26page%3D2&a=1', `next=%2Fcb%3Fsig%3D${F}%26page%3D2&a=1`],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  // Values of parameters with innocent names are read decoded: `+` is a space, `%XX` the
  // character, so what every other detector finds is found in them too.
  it.each([
    ['note=Bearer+abcDEF123456ghiJKL789&page=2', `note=Bearer+${F}&page=2`],
    [
      'key=-----BEGIN+RSA+PRIVATE+KEY-----%0AMIIabc%0A-----END+RSA+PRIVATE+KEY-----',
      `key=-----BEGIN+RSA+PRIVATE+KEY-----${F}-----END+RSA+PRIVATE+KEY-----`,
    ],
    [
      'hook=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT00000000%2FB00000000%2FXXXXXXXXXXXXXXXX',
      `hook=https%3A%2F%2Fhooks.slack.com%2Fservices%2F${F}`,
    ],
    ['/pay?q=4111+1111+1111+1111&page=2', `/pay?q=${F}&page=2`],
    ['?q=contact+jane.doe%40example.com+now', `?q=contact+${F}+now`],
    ['?peer=2001%3Adb8%3A%3A1', `?peer=${F}`],
    ['a=1&iban=DE89%203704%200044%200532%200130%2000', `a=1&iban=${F}`],
    // Members of a `baggage` header, whose values are percent-encoded too.
    [
      'sentry-environment=prod,note=Bearer%20abcDEF123456ghiJKL789',
      `sentry-environment=prod,note=Bearer%20${F}`,
    ],
    [
      'sentry-release=1.2.0, note=Bearer%20abcDEF123456ghiJKL789;p=1',
      `sentry-release=1.2.0, note=Bearer%20${F};p=1`,
    ],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('keeps the URL parseable', () => {
    const url = new URL(scrubText('https://x.example.com/a?access_token=AT-1&limit=20'));
    expect(url.searchParams.get('access_token')).toBe(F);
    expect(url.searchParams.get('limit')).toBe('20');
  });

  it.each([
    'https://x.example.com/a?page=2&sort=desc',
    'https://x.example.com/a?token=[Filtered]',
    'https://x.example.com/a?max_tokens=4096',
    'https://x.example.com/search?q=hello+world%21&page=2',
    'https://x.example.com/a?at=2024-01-01T10%3A00%3A00%2B01%3A00',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('keyValuePairs', () => {
  it.each([
    ['login failed password=hunter2 user=x', `login failed password=${F} user=x`],
    ["WHERE api_token = 'TK-1' AND id = 7", `WHERE api_token = '${F}' AND id = 7`],
    ['{"password":"hunter2","user":"x"}', `{"password":"${F}","user":"x"}`],
    ['{\\"secret\\":\\"s3\\"}', `{\\"secret\\":\\"${F}\\"}`],
    ["$config['db_password'] => 'pw1'", `$config['db_password'] => '${F}'`],
    ['Authorization: Bearer abc.def\nnext', `Authorization: ${F}\nnext`],
    ['Cookie: a=1; b=2', `Cookie: ${F}`],
    ['secret: `s3cr3t` ok', `secret: \`${F}\` ok`],
    ['password="unterminated', `password="${F}`],
    ['token: Bearer abc123 rest', `token: Bearer ${F} rest`],
    ['user[password]=pw&x=1', `user[password]=${F}&x=1`],
    ['password: hunter2', `password: ${F}`],
    ['Password: letmein', `Password: ${F}`],
    ['password: letmein user: bob', `password: ${F} user: bob`],
    ['password: letmein user.name: bob', `password: ${F} user.name: bob`],
    ['password: letmein\nuser: bob', `password: ${F}\nuser: bob`],
    ['password: hunter2 was rejected', `password: ${F} was rejected`],
    ['{"password": "too short"}', `{"password": "${F}"}`],
    ['token: Bearer abcdefghij rest', `token: Bearer ${F} rest`],
    // Form keys written in other ways, and wider gaps around the separator.
    // A header quoted whole ends at its closing quote, not at the end of the line.
    [
      "curl -H 'Authorization: Bearer abc123def456' https://x.example.com",
      `curl -H 'Authorization: ${F}' https://x.example.com`,
    ],
    [
      '{"headers": "Authorization: Bearer abc123def456", "x": 1}',
      `{"headers": "Authorization: ${F}", "x": 1}`,
    ],
    ['setCookie("Cookie: a=1; b=2") next', `setCookie("Cookie: ${F}") next`],
    ['{\\"h\\": \\"Cookie: a=1\\", \\"x\\": 1}', `{\\"h\\": \\"Cookie: ${F}\\", \\"x\\": 1}`],
    ["-H 'Cookie: a=1", `-H 'Cookie: ${F}`],
    ['user%5Bpassword%5D=pw&x=1', `user%5Bpassword%5D=${F}&x=1`],
    ['/login?user%5bpassword%5d=pw', `/login?user%5bpassword%5d=${F}`],
    ['passWord=pw1 next', `passWord=${F} next`],
    ['CoOkIe: a=1; b=2', `CoOkIe: ${F}`],
    ['password\t=\tpw1 next', `password\t=\t${F} next`],
    ['password:\tpw1 next', `password:\t${F} next`],
    ['password      =      pw1 next', `password      =      ${F} next`],
    ['DB_PASS=pw1 next', `DB_PASS=${F} next`],
    ['pass=pw1&user=x', `pass=${F}&user=x`],
    ['session.id:12345 next', `session.id:${F} next`],
    // PostgreSQL names the values of a violated unique key in parentheses (`error.detail`).
    ['Key (api_token)=(TK-1) already exists.', `Key (api_token)=(${F}) already exists.`],
    [
      'Key (token, user_id)=(TK-1, 42) already exists.',
      `Key (token, user_id)=(${F}) already exists.`,
    ],
    [
      'Key (user_id, token)=(42, TK-1) already exists.',
      `Key (user_id, token)=(${F}) already exists.`,
    ],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'password reset email sent',
    'User authenticated successfully',
    'token_type: "Bearer"',
    'max_tokens=4096 token_count: 5',
    'SELECT id FROM users WHERE password_hash = $1',
    'WHERE token = ? AND session_key = %s AND pin = :pin AND secret = %(secret)s',
    'password = NULL',
    'password: ',
    'credentials: {"user": "x"}',
    'https://secret.example.com/x',
    'password=[Filtered]',
    'p=1',
    // Prose after `name: `, such as an error's message or a validation message.
    'AuthCancelledError: user closed dialog',
    'TokenExpiredException: session ended early',
    'Password: too short',
    'Password: too short.',
    'Password: must be at least 8 characters',
    'Session: user logged out.',
    'cookie_consent=yes',
    'Key (order_id)=(42) already exists.',
    // A position in a source file, named after what it handles, is no pair.
    'at verifyToken (/app/src/auth/token.ts:42:13)',
    'Error in /app/src/auth/token.ts:42',
    'at file:///app/src/session.mjs:10:5',
    'at C:\\app\\src\\password.js:3:7',
    'at https://app.example.com/static/js/auth.token.3f7a.js:1:2345',
    'at Object.<anonymous> (secrets.ts:12:3)',
    'Key (order_id, line)=(42, 7) is not present in table "orders".',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  // Only a percent-encoded value after `,` is read like a URL parameter's (a `baggage` header
  // member); a pair after `,` in a message is still a pair of this detector.
  it.each([
    ['login failed user=bob, password=hunter2', `login failed user=bob, password=${F}`],
    ['user=bob,password=hunter2', `user=bob,password=${F}`],
    ['password=hunter2 rejected', `password=${F} rejected`],
  ])('finds %s with urlParameters off, as a pair in text', (input, output) => {
    const { event, removed } = scrubEvent(
      { extra: { value: input } },
      { detectors: { urlParameters: false } },
    );
    expect(event.extra?.value).toBe(output);
    expect(removed).toEqual(['@keyvalue:filter']);
  });
});

describe('privateKey', () => {
  it('replaces the body and keeps the BEGIN and END lines', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\ndef=\n-----END RSA PRIVATE KEY-----';
    expect(scrubText(`key: ${pem} done`)).toBe(
      `key: -----BEGIN RSA PRIVATE KEY-----${F}-----END RSA PRIVATE KEY----- done`,
    );
  });

  it('replaces to the end when the END line is missing', () => {
    expect(scrubText('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk')).toBe(
      `-----BEGIN OPENSSH PRIVATE KEY-----${F}`,
    );
  });

  it.each([
    '-----BEGIN CERTIFICATE-----\nMIIabc\n-----END CERTIFICATE-----',
    '-----BEGIN PUBLIC KEY-----\nMIIabc\n-----END PUBLIC KEY-----',
    '-----BEGIN and nothing else',
    `-----BEGIN ${'x'.repeat(100)}-----`,
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('serviceKeys', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    [`github_pat_${'a1'.repeat(41)}`],
    ['glpat-abcdefghij0123456789'],
    ['xoxb-1234-5678-abcdefghijkl'],
    ['xapp-1-A0123456789-abcdef'],
    ['sk_live_abcdefghij0123456789'],
    ['whsec_abcdefghij0123456789'],
    [`AIza${'A1b2C3d4E5'.repeat(3)}abcde`],
    ['sk-proj-abcdefghij0123456789ABCD'],
    [`sk-${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7kL9mN1p'}`],
    [`sk-ant-api03-${'Ab1_'.repeat(23)}AA`],
    [`npm_${'a1b2c3'.repeat(6)}`],
    [`pypi-AgEIcHlwaS5vcmc${'a'.repeat(60)}`],
    [`SG.${'a'.repeat(22)}.${'b'.repeat(43)}`],
    [`sntrys_${'eyJ0'.repeat(10)}`],
    [`sntryu_${'0a'.repeat(32)}`],
    [`shpat_${'0a'.repeat(16)}`],
  ])('%s', (key) => {
    expect(scrubText(`key ${key} rejected`)).toBe(`key ${F} rejected`);
  });

  it.each([
    [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      `https://hooks.slack.com/services/${F}`,
    ],
    [
      'https://discord.com/api/webhooks/123456789/abcdefghijklmnopqrstuvwxyz',
      `https://discord.com/api/webhooks/123456789/${F}`,
    ],
  ])('webhook %s keeps its host', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    'AKIAIOSFODNN7EXAMPL',
    'xAKIAIOSFODNN7EXAMPLE',
    'AKIAIOSFODNN7EXAMPLEX',
    'task-id disk-space sk-short',
    // Class names and slugs after `sk-`: words, not a key made at random.
    'class="sk-button-primary-large-variant"',
    'sk-navigation-menu-item-2024-spring',
    'sk-Navigation-Menu-Item-Spring',
    'ghp_short',
    'pk_live_abcdefghij0123456789',
    'https://hooks.slack.com/',
    'https://discord.com/channels/123/456',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('leaves a long run of sk- prefixes', () => {
    const text = `${'sk-'.repeat(2_000)}x`;
    expect(scrubText(text)).toBe(text);
  });

  it('every service key is found by one anchor', () => {
    const anchored = SERVICE_KEYS.filter(
      (key) =>
        SERVICE_KEY_ANCHORS.url.includes(key.prefix) ||
        SERVICE_KEY_ANCHORS.upper.includes(key.prefix.slice(1)) ||
        SERVICE_KEY_ANCHORS.separated.some((anchor) => key.prefix.startsWith(anchor)),
    );
    expect(anchored).toHaveLength(SERVICE_KEYS.length);
  });
});

describe('long text', () => {
  it('cuts text longer than the limit, after scanning past the cut', () => {
    const secret = 'password=hunter2';
    const text = `${'a '.repeat(8191)}${secret} ${'b'.repeat(20_000)}`;
    const scrubbed = scrubText(text);
    expect(scrubbed).toHaveLength(16_384 + 3);
    expect(scrubbed.endsWith('...')).toBe(true);
    expect(scrubbed).not.toContain('hunter2');
  });

  it('many findings in one string stay bounded in _meta', () => {
    const text = Array.from({ length: 100 }, (_, index) => `203.0.113.${index}`).join(' ');
    const { event } = scrubEvent({ extra: { ips: text } });
    const meta = (event as unknown as { _meta: { extra: { ips: { '': { rem: unknown[] } } } } })
      ._meta;
    const remarks = meta.extra.ips[''].rem;
    expect(remarks).toHaveLength(65);
    expect(remarks.at(-1)).toEqual(['@ip:filter', 's']);
    expect(String((event.extra as { ips: string }).ips)).not.toMatch(/203\.0\.113/);
  });
});
