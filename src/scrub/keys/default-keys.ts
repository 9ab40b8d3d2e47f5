// The built-in sensitive key names. A key is split into words (see words.ts) and matches an
// entry when the entry's words occur in it consecutively, so `x-api-key`, `apiKey` and
// `API_KEY` all match `api key`, while `author` does not match `auth`.
//
// Sources, cited per entry below:
// [sentry-server] Sentry's server-side scrubbing defaults,
//   https://docs.sentry.io/security-legal-pii/scrubbing/server-side-scrubbing/
// [sentry-python] sentry-python's DEFAULT_DENYLIST and DEFAULT_PII_DENYLIST,
//   sentry_sdk/scrubber.py
// [owasp] OWASP Logging Cheat Sheet, "Data to exclude",
//   https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
// [pci] PCI DSS v4.0 requirement 3.3 (sensitive authentication data: card verification
//   codes and PINs) and 3.4 (the primary account number).

/** Key words that hold a secret, one entry per line: a word or consecutive words. */
export const SECRET_KEY_PHRASES: readonly (readonly string[])[] = [
  // Passwords [sentry-server] [sentry-python]; `passphrase` and `passcode` are the same thing.
  ['password'],
  ['passwd'],
  ['passphrase'],
  ['passcode'],
  // `pass` as a word of its own: nodemailer's `auth.pass`, and environment variables such as
  // `DB_PASS` and `SMTP_PASS` in twelve-factor configuration. `bypass` and `passage` are
  // other words.
  ['pass'],
  // MySQL's client password variable [sentry-server]. A bare `pwd` is a working directory.
  ['mysql', 'pwd'],
  // Secrets and tokens of every kind: client_secret, access_token, x-auth-token
  // [sentry-server] [sentry-python]. `tokens` (plural) is left out: `input_tokens` and
  // `total_tokens` are counts in AI monitoring spans.
  ['secret'],
  ['secrets'],
  ['token'],
  ['bearer'],
  ['jwt'],
  // API keys: api_key, x-api-key, apikey [sentry-server] [sentry-python]; also a list of
  // them (`apiKeys`), as in key rotation settings.
  ['api', 'key'],
  ['apikey'],
  ['api', 'keys'],
  ['apikeys'],
  // Cryptographic keys [sentry-server] [owasp]: private_key, privateKey, signing keys, and
  // lists of them (`privateKeys`).
  ['private', 'key'],
  ['privatekey'],
  ['private', 'keys'],
  ['privatekeys'],
  ['secret', 'key'],
  ['access', 'key'],
  ['encryption', 'key'],
  ['signing', 'key'],
  ['master', 'key'],
  // Azure Storage connection strings: `AccountKey=...`, `SharedAccessKey=...`.
  ['account', 'key'],
  // Keys of hosted services, in headers and query strings: Azure API Management's
  // `Ocp-Apim-Subscription-Key` (`subscription-key`), Azure Functions' `x-functions-key`, New
  // Relic's license and insert keys (`X-License-Key`, `NEW_RELIC_LICENSE_KEY`, `X-Insert-Key`).
  ['subscription', 'key'],
  ['functions', 'key'],
  ['license', 'key'],
  ['insert', 'key'],
  // Authentication headers and fields [sentry-server] [sentry-python]: auth, Authorization,
  // Proxy-Authorization. `author` and `authenticated` are other words.
  ['auth'],
  ['authorization'],
  ['credential'],
  ['credentials'],
  ['creds'],
  // Cookies and sessions [sentry-python]: Cookie, Set-Cookie, sessionid, PHPSESSID,
  // connect.sid (Express), JSESSIONID (Java servlets).
  ['cookie'],
  ['cookies'],
  ['session'],
  ['sessionid'],
  ['sessid'],
  ['phpsessid'],
  ['jsessionid'],
  ['connect', 'sid'],
  // Cross-site request forgery tokens [sentry-python]: csrf, _csrf, XSRF-TOKEN, _xsrf.
  ['csrf'],
  ['xsrf'],
  ['csrftoken'],
  // Signatures of presigned URLs: AWS SigV4 `X-Amz-Signature`, Azure SAS `sig`.
  ['signature'],
  ['sig'],
  // One-time passwords and PINs [owasp] [pci].
  ['otp'],
  ['totp'],
  ['pin'],
  ['pincode'],
  // Payment cards [pci] and Sentry's `card[number]` [sentry-server].
  ['card', 'number'],
  ['cardnumber'],
  ['credit', 'card'],
  ['creditcard'],
  ['cvv'],
  ['cvv2'],
  ['cvc'],
  ['cvc2'],
  ['security', 'code'],
  // US social security numbers [owasp].
  ['ssn'],
  ['social', 'security'],
];

/**
 * Endings of run-together key names that hold a secret: `stripetoken`, `csrftoken`,
 * `githubtoken` (Sentry's list has `stripetoken` and `github_token`), `clientsecret`,
 * `userpassword`. Only these endings: `tokenizer` or `secretary` end otherwise.
 */
export const SECRET_KEY_ENDINGS: readonly string[] = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'privatekey',
  'sessionid',
];

/**
 * Beginnings of run-together key names that hold a password: `passwordhash`,
 * `passwordconfirmation`.
 */
export const SECRET_KEY_BEGINNINGS: readonly string[] = ['password', 'passwd'];

/**
 * Key words that hold an IP address: the user's address, the forwarding headers a proxy adds,
 * the CGI variables in `request.env` [sentry-python DEFAULT_PII_DENYLIST], and OpenTelemetry's
 * `client.address` and `network.peer.address` attributes.
 */
export const IP_KEY_PHRASES: readonly (readonly string[])[] = [
  ['ip'],
  ['ip', 'address'],
  ['ipaddress'],
  ['ip', 'addr'],
  ['remote', 'addr'],
  ['remote', 'address'],
  ['client', 'ip'],
  ['client', 'address'],
  ['peer', 'address'],
  ['peer', 'ip'],
  ['forwarded'],
  ['x', 'forwarded', 'for'],
  ['x', 'real', 'ip'],
  ['cf', 'connecting', 'ip'],
  ['true', 'client', 'ip'],
  ['fastly', 'client', 'ip'],
];

/**
 * Words that make a key describe a secret rather than hold it: `token_count`, `max_tokens`,
 * `token_type` (its value is `"Bearer"`), `password_min_length`, `token_expires_at`,
 * `auth_url`, `session_duration`, and errors about a secret (`password_error`, or the class
 * name that starts an error message, `AuthCancelledError: user closed dialog`). They only veto
 * the built-in list, never the `keys` option.
 */
export const DESCRIPTIVE_WORDS: readonly string[] = [
  'count',
  'counts',
  'max',
  'min',
  'limit',
  'limits',
  'length',
  'len',
  'size',
  'type',
  'types',
  'expires',
  'expiry',
  'expiration',
  'expired',
  'ttl',
  'age',
  'duration',
  'timeout',
  'at',
  'date',
  'time',
  'enabled',
  'disabled',
  'required',
  'policy',
  'strength',
  'used',
  'usage',
  'remaining',
  'url',
  'uri',
  'endpoint',
  'path',
  'name',
  'field',
  'format',
  'provider',
  'method',
  'scheme',
  'version',
  'error',
  'errors',
  'exception',
  // `cookie_consent`: whether the user accepted cookies, not a cookie.
  'consent',
];

/**
 * Fragments that every built-in secret key contains (a test checks this), so the text
 * scanner only looks closer at `name=value` pairs whose name contains one of them.
 */
export const TEXT_STEMS: readonly string[] = [
  'pass',
  'pwd',
  'secret',
  'token',
  'bearer',
  'jwt',
  'key',
  'auth',
  'cred',
  'cookie',
  'sess',
  'sid',
  'csrf',
  'xsrf',
  'sig',
  'otp',
  'pin',
  'card',
  'cvv',
  'cvc',
  'security',
  'ssn',
];
