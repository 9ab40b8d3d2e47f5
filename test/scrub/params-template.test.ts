import { describe, expect, it } from 'vitest';
import { createTextScanner, type TextScanner } from '../../src/scrub/detect/text-scanner.ts';
import { findHits } from '../../src/scrub/items/parameters/hits.ts';
import {
  parseTemplate,
  renderTemplate,
  type Syntax,
} from '../../src/scrub/items/parameters/template.ts';
import { createKeyClassifier } from '../../src/scrub/keys/classify.ts';
import { resolveScrubOptions } from '../../src/scrub/options.ts';

// How templates are read, and how findings in a filled-in template are placed.

function filled(template: string, syntax: Syntax, parameters: string[], named = false): string {
  const parsed = parseTemplate(template, syntax, parameters.length, named);
  return renderTemplate(parsed, (slot) =>
    typeof slot === 'number' ? (parameters[slot] ?? '?') : `<${slot}>`,
  ).text;
}

describe('templates', () => {
  it.each([
    ['printf placeholders in order', 'a=%s b=%d', 'printf', ['1', '2'], 'a=1 b=2'],
    ['flags, widths and precision', 'x %-5s y %05.2f', 'printf', ['1', '2'], 'x 1 y 2'],
    ['a percent sign written twice', '100%% of %s', 'printf', ['it'], '100% of it'],
    ['a lone percent sign', '50% off %s', 'printf', ['now'], '50% off now'],
    ['parameters no placeholder takes', 'hello %s', 'printf', ['a', 'b', 'c'], 'hello a b c'],
    ['braces in order', 'a={} b={}', 'braces', ['1', '2'], 'a=1 b=2'],
    ['braces by position', 'b={1} a={0}', 'braces', ['1', '2'], 'b=2 a=1'],
    ['escaped braces', '{{literal}} {}', 'braces', ['x'], '{literal} x'],
    ['format and alignment', 'n={0:N2} m={1,-8}', 'braces', ['1', '2'], 'n=1 m=2'],
    ['printf chosen by auto', 'x=%s {}', 'auto', ['1'], 'x=1 {}'],
    ['braces chosen by auto', 'x={} y', 'auto', ['1'], 'x=1 y'],
    ['console: what util.format reads', 'a %s {} %x', 'console', ['1', '2'], 'a 1 {} %x 2'],
    ['console: a space is no flag', '100% d %s', 'console', ['1'], '100% d 1'],
    ['the console suffix', 'obj {} is {} {}', 'console-suffix', ['1', '2'], 'obj {} is 1 2'],
  ] as const)('reads %s', (_name, template, syntax, parameters, expected) => {
    expect(filled(template, syntax, [...parameters])).toBe(expected);
  });

  it('takes named parameters by name when they are given by name', () => {
    expect(filled('%(user)s and {pw}', 'printf', [], true)).toBe('<user> and {pw}');
    expect(filled('{user} and {pw}', 'braces', [], true)).toBe('<user> and <pw>');
    expect(filled('{user} and {pw}', 'braces', ['a', 'b'])).toBe('a and b');
  });

  it('keeps both ends of long literals and parameters', () => {
    const parsed = parseTemplate(`${'a'.repeat(50)}key=%s`, 'printf', 1, false);
    const rendered = renderTemplate(parsed, () => `v${'b'.repeat(50)}`, 5);
    expect(rendered.text).toBe('aaaaa\nakey=vbbbb\nbbbbb');
    expect(rendered.spans).toEqual([{ slot: 0, start: 11, end: 22 }]);
  });
});

describe('findings placed in the text they were found in', () => {
  const options = resolveScrubOptions();
  const classifier = createKeyClassifier({
    keys: [],
    exemptKeys: [],
    defaults: true,
    ipKeys: true,
  });
  const probe: TextScanner = createTextScanner({
    detectors: options.detectors,
    replacement: options.replacement,
    classifier,
    onRemoved: () => {},
  });

  it('finds nothing in clean text', () => {
    expect(findHits(probe, 'all good here')).toEqual([]);
  });

  it('places each finding exactly when the text around it is unique', () => {
    const text = 'a password=x1 b token=yy2 c';
    expect(findHits(probe, text)).toEqual([
      { start: 11, end: 13, rule: '@keyvalue:filter' },
      { start: 22, end: 25, rule: '@keyvalue:filter' },
    ]);
    expect(text.slice(11, 13)).toBe('x1');
  });

  it('covers every place a finding could have had when the text repeats', () => {
    // The copied text after the value (`"`) also occurs inside it.
    const text = 'password="a\\"b" next';
    const [hit] = findHits(probe, text);
    expect(hit?.start).toBeLessThanOrEqual(10);
    expect(hit?.end).toBeGreaterThanOrEqual(14);
  });

  it('spans a card number across its groups', () => {
    expect(findHits(probe, 'card 4111 1111 1111 1111 ok')).toEqual([
      { start: 5, end: 24, rule: '@creditcard:filter' },
    ]);
  });
});
