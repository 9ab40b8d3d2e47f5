import { describe, expect, it } from 'vitest';
import { createKeyClassifier, IP_KEY_STEMS, KeyVerdict } from '../../src/scrub/keys/classify.ts';
import {
  IP_KEY_PHRASES,
  SECRET_KEY_BEGINNINGS,
  SECRET_KEY_ENDINGS,
  SECRET_KEY_PHRASES,
  TEXT_STEMS,
} from '../../src/scrub/keys/default-keys.ts';
import { containsPhrase, splitWords } from '../../src/scrub/keys/words.ts';
import { scrubEvent } from './helpers.ts';

const builtIn = createKeyClassifier({ keys: [], exemptKeys: [], defaults: true, ipKeys: true });

describe('splitting key names into words', () => {
  it.each([
    ['X-Api-Key', ['x', 'api', 'key']],
    ['apiKey', ['api', 'key']],
    ['API_KEY', ['api', 'key']],
    ['api.key', ['api', 'key']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['oauth2Token', ['oauth', '2', 'token']],
    ['token2', ['token', '2']],
    ['card[number]', ['card', 'number']],
    ['author', ['author']],
    ['__proto__', ['proto']],
    ['', []],
  ])('%s', (key, words) => {
    expect(splitWords(key)).toEqual(words);
  });

  it('finds phrases only as consecutive whole words', () => {
    expect(containsPhrase(['x', 'api', 'key'], ['api', 'key'])).toBe(true);
    expect(containsPhrase(['api', 'x', 'key'], ['api', 'key'])).toBe(false);
    expect(containsPhrase(['api'], ['api', 'key'])).toBe(false);
  });
});

describe('built-in sensitive keys', () => {
  it.each([
    'password',
    'passwd',
    'user_password',
    'passwordHash',
    'PASSWORD_CONFIRMATION',
    'passphrase',
    'mysql_pwd',
    'secret',
    'client_secret',
    'clientSecret',
    'token',
    'access_token',
    'accessToken',
    'refreshToken',
    'x-auth-token',
    'X-CSRF-Token',
    'csrftoken',
    'stripetoken',
    'githubToken',
    'api_key',
    'apiKey',
    'API_KEY',
    'x-api-key',
    'X-Api-Key',
    'apikey',
    'private_key',
    'privateKey',
    'apiKeys',
    'api_keys',
    'privateKeys',
    'secret_key',
    'aws_secret_access_key',
    'AccountKey',
    // Keys of hosted services sent in headers and query strings: Azure API Management and
    // Azure Functions, New Relic.
    'Ocp-Apim-Subscription-Key',
    'subscription-key',
    'x-functions-key',
    'X-License-Key',
    'NEW_RELIC_LICENSE_KEY',
    'X-Insert-Key',
    'auth',
    'Authorization',
    'Proxy-Authorization',
    'credentials',
    'creds',
    'Cookie',
    'Set-Cookie',
    'cookies',
    'session',
    'sessionId',
    'PHPSESSID',
    'JSESSIONID',
    'connect.sid',
    '_csrf',
    'XSRF-TOKEN',
    'X-Amz-Signature',
    'sig',
    'otp',
    'pin',
    'card_number',
    'card[number]',
    'creditCard',
    'cvv',
    'cvc2',
    'security_code',
    'ssn',
    'social_security_number',
    'jwt',
    'bearer',
    'token2',
    'apiKey2',
    'password1',
    'passWord',
    'CoOkIe',
    'PHPSessID',
    'pass',
    'DB_PASS',
    'smtpPass',
  ])('%s is a secret', (key) => {
    expect(builtIn.classify(key)).toBe(KeyVerdict.Secret);
  });

  it.each([
    'author',
    'authorId',
    'isAuthenticated',
    'authenticated',
    'token_count',
    'max_tokens',
    'input_tokens',
    'gen_ai.usage.output_tokens',
    'tokenizer',
    'token_type',
    'token_expires_at',
    'password_min_length',
    'passage',
    'passenger_count',
    'bypass',
    'keyboard_layout',
    'monkey',
    'key',
    'cache_key',
    'idempotency_key',
    'secretary_id',
    'session_duration',
    'auth_url',
    'pinned',
    'pipeline',
    'signal',
    'description',
    'PWD',
    'status',
    'event_id',
    'maxToken',
    'authorName',
    'passes',
    'pass_count',
    'cookie_consent',
    'cookieConsent',
    'AuthCancelledError',
    'password_error',
    'TokenExpiredException',
  ])('%s is not', (key) => {
    expect(builtIn.classify(key)).toBe(KeyVerdict.Plain);
  });

  it.each([
    'ip',
    'ip_address',
    'ipAddress',
    'REMOTE_ADDR',
    'X-Forwarded-For',
    'HTTP_X_FORWARDED_FOR',
    'X-Real-IP',
    'CF-Connecting-IP',
    'True-Client-IP',
    'Forwarded',
    'client.address',
    'network.peer.address',
  ])('%s holds an IP address', (key) => {
    expect(builtIn.classify(key)).toBe(KeyVerdict.Ip);
  });

  it.each([
    'version',
    'Version',
    'app_version',
    'appVersion',
    'APP_VERSION',
    'os.version',
    'build-version',
  ])('%s names a version', (key) => {
    expect(builtIn.classify(key)).toBe(KeyVerdict.Version);
  });

  it.each(['versions', 'subversion', 'version_host', 'versionName', 'password'])(
    '%s does not',
    (key) => {
      expect(builtIn.classify(key)).not.toBe(KeyVerdict.Version);
    },
  );

  it('does not treat IP keys specially when the IP detector is off', () => {
    const classifier = createKeyClassifier({
      keys: [],
      exemptKeys: [],
      defaults: true,
      ipKeys: false,
    });
    expect(classifier.classify('X-Forwarded-For')).toBe(KeyVerdict.Plain);
  });

  it('every built-in secret key contains one of the text stems', () => {
    const entries = [
      ...SECRET_KEY_PHRASES.map((phrase) => phrase.join('')),
      ...SECRET_KEY_ENDINGS,
      ...SECRET_KEY_BEGINNINGS,
    ];
    for (const entry of entries) {
      expect(
        TEXT_STEMS.some((stem) => entry.includes(stem)),
        entry,
      ).toBe(true);
    }
  });

  it('every built-in IP key contains one of the IP stems', () => {
    for (const phrase of IP_KEY_PHRASES) {
      expect(
        IP_KEY_STEMS.some((stem) => phrase.join('').includes(stem)),
        phrase.join(' '),
      ).toBe(true);
    }
  });

  it('keeps the lists free of duplicates', () => {
    const phrases = [...SECRET_KEY_PHRASES, ...IP_KEY_PHRASES].map((phrase) => phrase.join(' '));
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});

describe('the keys option', () => {
  it('compares its words like the built-in ones', () => {
    const classifier = createKeyClassifier({
      keys: ['pin code', 'tenantSecretRef'],
      exemptKeys: [],
      defaults: true,
      ipKeys: true,
    });
    expect(classifier.classify('PIN_CODE')).toBe(KeyVerdict.Custom);
    expect(classifier.classify('userPinCode')).toBe(KeyVerdict.Custom);
    expect(classifier.classify('tenant-secret-ref')).toBe(KeyVerdict.Custom);
    expect(classifier.customWords).toEqual(['pin', 'code', 'tenant', 'secret', 'ref']);
  });

  it('exempts keys that a regular expression matches', () => {
    const classifier = createKeyClassifier({
      keys: [/^internal_/],
      exemptKeys: ['internal_id'],
      defaults: true,
      ipKeys: true,
    });
    expect(classifier.classify('internal_id')).toBe(KeyVerdict.Plain);
    expect(classifier.classify('internal_note')).toBe(KeyVerdict.Custom);
  });

  it('judges nothing sensitive with no defaults and no keys', () => {
    const classifier = createKeyClassifier({
      keys: [],
      exemptKeys: [],
      defaults: false,
      ipKeys: false,
    });
    expect(classifier.classify('password')).toBe(KeyVerdict.Plain);
  });

  it('tests regular expressions against the whole key, from the start every time', () => {
    const pattern = /^internal_/g;
    const classifier = createKeyClassifier({
      keys: [pattern],
      exemptKeys: [],
      defaults: true,
      ipKeys: true,
    });
    expect(classifier.classify('internal_note')).toBe(KeyVerdict.Custom);
    expect(classifier.classify('internal_other')).toBe(KeyVerdict.Custom);
    expect(classifier.classify('note')).toBe(KeyVerdict.Plain);
    expect(classifier.hasPatterns).toBe(true);
  });

  it('is not vetoed by descriptive words', () => {
    const classifier = createKeyClassifier({
      keys: ['token'],
      exemptKeys: [],
      defaults: false,
      ipKeys: false,
    });
    expect(classifier.classify('token_count')).toBe(KeyVerdict.Custom);
  });
});

describe('exemptKeys', () => {
  it('exempts a key by name, ignoring case', () => {
    const classifier = createKeyClassifier({
      keys: ['session'],
      exemptKeys: ['Session_Id'],
      defaults: true,
      ipKeys: true,
    });
    expect(classifier.classify('session_id')).toBe(KeyVerdict.Plain);
    expect(classifier.classify('SESSION_ID')).toBe(KeyVerdict.Plain);
    expect(classifier.classify('session')).toBe(KeyVerdict.Custom);
  });

  it('still scans the exempt value with the detectors', () => {
    const { event } = scrubEvent(
      { extra: { auth: 'mail jane.doe@example.com' } },
      { exemptKeys: ['auth'] },
    );
    expect(event.extra).toEqual({ auth: 'mail [Filtered]' });
  });
});

describe('defaults: false', () => {
  it('uses only the keys option', () => {
    const classifier = createKeyClassifier({
      keys: ['pin'],
      exemptKeys: [],
      defaults: false,
      ipKeys: false,
    });
    expect(classifier.classify('password')).toBe(KeyVerdict.Plain);
    expect(classifier.classify('pin')).toBe(KeyVerdict.Custom);
  });
});

describe('the verdict cache', () => {
  it('gives the same verdicts after it filled up and was cleared', () => {
    const classifier = createKeyClassifier({
      keys: [],
      exemptKeys: [],
      defaults: true,
      ipKeys: true,
    });
    for (let index = 0; index < 5000; index++) {
      classifier.classify(`field_${index}`);
    }
    expect(classifier.classify('password')).toBe(KeyVerdict.Secret);
    expect(classifier.classify('password')).toBe(KeyVerdict.Secret);
    expect(classifier.classify('field_1')).toBe(KeyVerdict.Plain);
  });
});
