import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Detector } from './types.ts';

/** A credential format a service documents, found by its fixed prefix. */
interface ServiceKey {
  /** The fixed start, which the candidate pattern looks for. */
  readonly prefix: string;
  /** The whole credential, matched at the prefix (sticky). */
  readonly pattern: RegExp;
  /** Where the secret starts in the match; a webhook's host and path stay. */
  readonly secretFrom?: (matched: string) => number;
  /** Whether the credential starts a word (tokens) or may follow `/` (webhook URLs). */
  readonly url?: boolean;
  /**
   * Whether what follows the prefix must hold a digit and a capital, as a key made at random
   * does, for a prefix that words also follow (`sk-button-primary-large`, a class name).
   */
  readonly random?: boolean;
}

const afterLastSlash = (matched: string): number => matched.lastIndexOf('/') + 1;

/** Known credential formats, each with where its format is documented. */
export const SERVICE_KEYS: readonly ServiceKey[] = [
  // AWS access key ids: "Understanding unique ID prefixes", AWS IAM user guide.
  ...['AKIA', 'ASIA', 'ABIA', 'ACCA'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix}[A-Z0-9]{16}(?![A-Za-z0-9])`, 'y'),
  })),
  // GitHub tokens: "Behind GitHub's new authentication token formats", GitHub blog, 2021;
  // fine-grained personal access tokens, 2022.
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix}[A-Za-z0-9]{36}(?![A-Za-z0-9])`, 'y'),
  })),
  { prefix: 'github_pat_', pattern: /github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])/y },
  // GitLab personal access tokens: "Token prefixes", GitLab docs.
  { prefix: 'glpat-', pattern: /glpat-[A-Za-z0-9_-]{20,}/y },
  // Slack bot, user, app and configuration tokens: "Token types", Slack API docs.
  ...['xoxa-', 'xoxb-', 'xoxe-', 'xoxo-', 'xoxp-', 'xoxr-', 'xoxs-'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix}[A-Za-z0-9-]{10,}`, 'y'),
  })),
  { prefix: 'xapp-', pattern: /xapp-\d-[A-Za-z0-9-]{10,}/y },
  // Slack incoming webhooks: the URL is the secret ("Sending messages using incoming
  // webhooks", Slack API docs); the host stays.
  {
    prefix: 'hooks.slack.com/',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,}/y,
    secretFrom: (matched) => matched.indexOf('/', 'hooks.slack.com/'.length) + 1,
    url: true,
  },
  // Discord webhooks: /api/webhooks/{id}/{token}, "Webhook resource", Discord developer docs.
  ...['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix.replaceAll('.', '\\.')}\\d+/[A-Za-z0-9_-]{20,}`, 'y'),
    secretFrom: afterLastSlash,
    url: true,
  })),
  // Stripe secret, restricted and webhook signing keys: "API keys", Stripe docs. Publishable
  // keys (`pk_`) are public by design.
  ...['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix}[A-Za-z0-9]{16,}`, 'y'),
  })),
  // Google API keys: "Manage API keys", Google Cloud docs (39 characters starting `AIza`).
  { prefix: 'AIza', pattern: /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y },
  // OpenAI (`sk-`, `sk-proj-`) and Anthropic (`sk-ant-`) API keys: random base62 or
  // base64url, so never without digits and capitals, unlike CSS class names and slugs.
  { prefix: 'sk-', pattern: /sk-[A-Za-z0-9_-]{20,}/y, random: true },
  // npm access tokens: "npm access token format", GitHub blog, 2021.
  { prefix: 'npm_', pattern: /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y },
  // PyPI API tokens: "API tokens", PyPI help (a macaroon starting `pypi-AgEIcHlwaS5vcmc`).
  { prefix: 'pypi-', pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/y },
  // SendGrid API keys: "API keys", Twilio SendGrid docs.
  { prefix: 'SG.', pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/y },
  // Sentry organization and user auth tokens: "Auth Tokens", Sentry docs.
  { prefix: 'sntrys_', pattern: /sntrys_[A-Za-z0-9_=+/-]{20,}/y },
  { prefix: 'sntryu_', pattern: /sntryu_[0-9a-f]{64}/y },
  // Shopify access tokens and shared secrets: "Access tokens", Shopify docs.
  ...['shpat_', 'shpca_', 'shppa_', 'shpss_'].map((prefix) => ({
    prefix,
    pattern: new RegExp(`${prefix}[a-fA-F0-9]{32}`, 'y'),
  })),
];

/**
 * How the text scanner finds each key: by its upper-case first letter (`AKIA`, `AIza`,
 * `SG.`), by the `_` or `-` in its prefix (`ghp_`, `sk_live_`, `xoxb-`), or by the host of a
 * URL (webhooks).
 */
export const SERVICE_KEY_ANCHORS = {
  /** Prefix starts after their first letter, for keys found by an upper-case letter. */
  upper: SERVICE_KEYS.filter((key) => !key.url && /^[A-Z]/.test(key.prefix)).map((key) =>
    key.prefix.slice(1),
  ),
  /** Prefixes up to their first `_` or `-`, for keys found by that separator. */
  separated: SERVICE_KEYS.filter((key) => !key.url && /^[a-z]/.test(key.prefix)).map((key) =>
    key.prefix.slice(0, key.prefix.search(/[_-]/) + 1),
  ),
  /** Host and path prefixes of webhook URLs, found after `://`. */
  url: SERVICE_KEYS.filter((key) => key.url === true).map((key) => key.prefix),
};

/**
 * Runs at the first `_` or `-` of a text that may start with a separated prefix: finds the
 * prefix that ends there and checks the key from its start.
 */
export const detectServiceKeyAtSeparator: Detector = (text, anchor, context, findings) => {
  for (const [prefix, offset] of PREFIXES_BY_END.get(text.charCodeAt(anchor - 1)) ?? []) {
    if (text.startsWith(prefix, anchor - offset)) {
      return Math.max(detectServiceKey(text, anchor - offset, context, findings), anchor + 1);
    }
  }
  return anchor + 1;
};

// Each separated prefix with the position of its first `_` or `-`.
const SEPARATED_PREFIXES: readonly (readonly [string, number])[] = SERVICE_KEYS.filter(
  (key) => !key.url && /^[a-z]/.test(key.prefix),
).map((key) => [key.prefix, key.prefix.search(/[_-]/)] as const);

// The same, by the letter before that separator, in their order: one lookup per separator.
const PREFIXES_BY_END = new Map<number, (readonly [string, number])[]>();
for (const entry of SEPARATED_PREFIXES) {
  const [prefix, offset] = entry;
  const letter = prefix.charCodeAt(offset - 1);
  PREFIXES_BY_END.set(letter, [...(PREFIXES_BY_END.get(letter) ?? []), entry]);
}

/** Runs at the `/` after a webhook host: checks the URL from the host on. */
export const detectWebhook: Detector = (text, slash, context, findings) => {
  for (const prefix of SERVICE_KEY_ANCHORS.url) {
    const host = slash - prefix.indexOf('/');
    if (text.startsWith(prefix, host)) {
      return Math.max(detectServiceKey(text, host, context, findings), slash + 1);
    }
  }
  return slash + 1;
};

// The keys by the first character of their prefix, in the order above.
const KEYS_BY_FIRST = new Map<number, ServiceKey[]>();
for (const key of SERVICE_KEYS) {
  const first = key.prefix.charCodeAt(0);
  KEYS_BY_FIRST.set(first, [...(KEYS_BY_FIRST.get(first) ?? []), key]);
}

/** The service keys whose prefix starts with the character at `start`, in order. */
export function keysStartingAt(text: string, start: number): readonly ServiceKey[] {
  return KEYS_BY_FIRST.get(text.charCodeAt(start)) ?? NO_KEYS;
}

const NO_KEYS: readonly ServiceKey[] = [];

/** Credentials of the services above, found by their documented formats. */
export const detectServiceKey: Detector = (text, start, _context, findings) => {
  for (const key of keysStartingAt(text, start)) {
    if (!text.startsWith(key.prefix, start) || (!key.url && isWordAt(text, start - 1))) {
      continue;
    }
    key.pattern.lastIndex = start;
    if (!key.pattern.test(text)) {
      continue;
    }
    const end = key.pattern.lastIndex;
    if (key.random === true && !hasDigitAndCapital(text, start + key.prefix.length, end)) {
      // Words joined by `-`: nothing in the run is a key, so it is not read again.
      return end;
    }
    const secretFrom = key.secretFrom?.(text.slice(start, end)) ?? 0;
    findings.add(start + secretFrom, end, DETECTOR_RULES.serviceKeys);
    return end;
  }
  return start + 1;
};

function hasDigitAndCapital(text: string, start: number, end: number): boolean {
  let digit = false;
  let capital = false;
  for (let index = start; index < end && !(digit && capital); index++) {
    const code = text.charCodeAt(index);
    digit ||= code >= 48 && code <= 57;
    capital ||= code >= 65 && code <= 90;
  }
  return digit && capital;
}
