import { type Envelope, type Event, parseEnvelope, serializeEnvelope } from '@sentry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Removal, SentryEventFilter } from '../../src/index.ts';
import { createScrubber, type Scrubber } from '../../src/scrub/index.ts';
import { createKeyClassifier, KeyVerdict } from '../../src/scrub/keys/classify.ts';
import { resolveScrubOptions } from '../../src/scrub/options.ts';
import { corpusFiles, readCorpusFile } from '../helpers/shared.ts';
import { innocentKey, innocentValue, placedSecret } from '../scrub/fixtures/secrets.ts';

// The real events and envelopes of ../shared/corpus: each one is scrubbed without a failure,
// what is removed from each is recorded (paths and rules, never values), and secrets placed
// anywhere in them never come out.

const files = corpusFiles();

function scrubberWithFailures(): { scrubber: Scrubber; failures: unknown[] } {
  const failures: unknown[] = [];
  const scrubber = createScrubber(
    resolveScrubOptions(),
    { removed: () => {}, failed: (error) => failures.push(error) },
    { enabled: false, info() {}, warn() {}, error() {} },
  );
  return { scrubber, failures };
}

function readEnvelope(name: string): Envelope {
  return parseEnvelope(readCorpusFile(name)) as Envelope;
}

/** Every event of the corpus: the `.json` files and the event items of the envelopes. */
function corpusEvents(): { name: string; event: Event }[] {
  const decoder = new TextDecoder();
  return files.flatMap(({ name, kind }) => {
    if (kind === 'event') {
      return [{ name, event: JSON.parse(readCorpusFile(name).toString('utf8')) as Event }];
    }
    const [, items] = readEnvelope(name);
    return items.flatMap(([header, payload]) => {
      const type = (header as { type?: string }).type;
      if (type !== 'event' && type !== 'transaction') {
        return [];
      }
      const json = payload instanceof Uint8Array ? decoder.decode(payload) : payload;
      const event = (typeof json === 'string' ? JSON.parse(json) : json) as Event;
      return [{ name: `${name} (${type})`, event }];
    });
  });
}

describe('the corpus', () => {
  it.each(files.map((file) => [file.name, file] as const))(
    'scrubs %s without a failure',
    (name, file) => {
      const { scrubber, failures } = scrubberWithFailures();
      if (file.kind === 'event') {
        const event = JSON.parse(readCorpusFile(name).toString('utf8')) as Event;
        const scrubbed = scrubber.event(event);
        expect(() => JSON.stringify(scrubbed)).not.toThrow();
      } else {
        const scrubbed = scrubber.envelope(readEnvelope(name));
        // What is sent can be written and read back as an envelope.
        const reread = parseEnvelope(serializeEnvelope(scrubbed));
        expect(reread[1]).toHaveLength(scrubbed[1].length);
      }
      expect(failures).toEqual([]);
    },
  );

  it('records what is removed from each file', async () => {
    const lines: string[] = [];
    for (const { name, kind } of files) {
      const { scrubber } = scrubberWithFailures();
      const removals: Removal[] = [];
      if (kind === 'event') {
        scrubber.event(JSON.parse(readCorpusFile(name).toString('utf8')) as Event, removals);
      } else {
        scrubber.envelope(readEnvelope(name), removals);
      }
      lines.push(name);
      for (const removal of removals) {
        const item = removal.item === undefined ? '' : `item ${removal.item}: `;
        lines.push(`  ${item}${removal.path}  ${removal.rule}`);
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      './__snapshots__/scrub-corpus-removals.txt',
    );
  });
});

// Plain objects an added key would be scrubbed in: everything except what is structure by
// design (sdk info, module lists, debug images, source lines, registers, existing _meta).
const STRUCTURE = new Set([
  'sdk',
  'modules',
  'debug_meta',
  '_meta',
  'sdkProcessingMetadata',
  'measurements',
  'breakdowns',
  'fingerprint',
  'meta',
  'registers',
  'held_locks',
  'snapshot',
  'hashes',
  'grouping_config',
  'transaction_info',
]);

// Keys whose whole subtree is replaced by design (`request.cookies`, `credentials`).
const SENSITIVE_VERDICTS: ReadonlySet<KeyVerdict> = new Set([
  KeyVerdict.Secret,
  KeyVerdict.Custom,
  KeyVerdict.Ip,
]);
const classifier = createKeyClassifier({ keys: [], exemptKeys: [], defaults: true, ipKeys: true });
const isSensitiveKey = (key: string): boolean =>
  key === 'cookies' || SENSITIVE_VERDICTS.has(classifier.classify(key));

function placesIn(event: Event, outsideSensitive = false): Record<string, unknown>[] {
  const places: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      return;
    }
    places.push(value as Record<string, unknown>);
    for (const [key, child] of Object.entries(value)) {
      if (!STRUCTURE.has(key) && !(outsideSensitive && isSensitiveKey(key))) {
        visit(child);
      }
    }
  };
  visit(event);
  return places;
}

/** Nests `value` under `keys`, the first key outermost, sometimes inside a list. */
function nest(keys: readonly string[], value: unknown, inList: boolean): unknown {
  const nested = keys.slice(1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  return inList ? [nested] : nested;
}

describe('property: secrets placed anywhere never come out', () => {
  const events = corpusEvents();

  it('holds for every kind of secret, under any innocent key, at any depth', () => {
    const placement = fc.record({
      secret: placedSecret,
      place: fc.nat(),
      keys: fc.array(innocentKey, { minLength: 1, maxLength: 5 }),
      inList: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...events),
        fc.array(placement, { minLength: 1, maxLength: 4 }),
        ({ event: original }, placements) => {
          const event = structuredClone(original);
          const places = placesIn(event);
          const original_text = JSON.stringify(original);
          fc.pre(placements.every(({ secret }) => !original_text.includes(secret.secret)));
          for (const { secret, place, keys, inList } of placements) {
            const target = places[place % places.length] as Record<string, unknown>;
            target[keys[0] as string] = nest(keys, secret.text, inList);
          }

          const filter = new SentryEventFilter();
          const sent = JSON.stringify(filter.check(event).event);
          for (const { secret } of placements) {
            expect(sent.includes(secret.secret), `${secret.kind}: ${secret.secret}`).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: what has nothing to remove comes out unchanged', () => {
  const filter = new SentryEventFilter();
  const scrubbed = corpusEvents().map(({ name, event }) => ({
    name,
    event: filter.check(event).event as Event,
  }));

  it('a scrubbed event is scrubbed already: scrubbing it again changes nothing', () => {
    for (const { name, event } of scrubbed) {
      expect(filter.check(event).event, name).toStrictEqual(event);
    }
  });

  it('innocent values added at any depth of a scrubbed event come out as they went in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scrubbed),
        fc.array(
          fc.record({
            value: innocentValue,
            place: fc.nat(),
            keys: fc.array(innocentKey, { minLength: 1, maxLength: 5 }),
            inList: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        ({ event: base }, additions) => {
          const event = structuredClone(base);
          const places = placesIn(event, true);
          for (const { value, place, keys, inList } of additions) {
            const target = places[place % places.length] as Record<string, unknown>;
            target[keys[0] as string] = nest(keys, value, inList);
          }
          expect(filter.check(event).event).toStrictEqual(event);
        },
      ),
      { numRuns: 300 },
    );
  });
});
