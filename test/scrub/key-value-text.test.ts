/* biome-ignore-all lint/suspicious/noExplicitAny: meta trees are free-form */
import { describe, expect, it } from 'vitest';
import { createTextScanner, type TextScanner } from '../../src/scrub/detect/text-scanner.ts';
import { createKeyClassifier } from '../../src/scrub/keys/classify.ts';
import { resolveScrubOptions } from '../../src/scrub/options.ts';
import { scrubEvent, scrubText } from './helpers.ts';

// Names and values with no separator between them: XML elements and validation messages that
// quote a field's value after its name in words. Both are judged by the `keyValuePairs` rules.

const F = '[Filtered]';
const metaOf = (event: unknown): any => (event as { _meta?: unknown })._meta;

describe('keyValuePairs in XML elements', () => {
  it.each([
    ['<password>hunter2</password>', `<password>${F}</password>`],
    ['<api_key>abc</api_key>', `<api_key>${F}</api_key>`],
    ['<ns:Token>x</ns:Token>', `<ns:Token>${F}</ns:Token>`],
    ['<Password >pw1</Password >', `<Password >${F}</Password >`],
    ['<auth token="abc">x</auth>', `<auth token="${F}">${F}</auth>`],
    // The namespace prefix is no name of a pair, even when it names a secret.
    ['<auth:Password>pw1</auth:Password>', `<auth:Password>${F}</auth:Password>`],
    // The line breaks and indentation around the text stay.
    ['<password>\n  hunter2\n</password>', `<password>\n  ${F}\n</password>`],
    // A CDATA section is replaced whole, whatever it holds.
    ['<password><![CDATA[a<b>c]]></password>', `<password>${F}</password>`],
    ['<password>\n  <![CDATA[x]]>\n</password>', `<password>\n  ${F}\n</password>`],
    // Inside a value already replaced, an element is not read again.
    ['password="<token>x</token>', `password="${F}`],
    // Findings inside the text give way to the element's own.
    ['<password>jane@example.com and more</password>', `<password>${F}</password>`],
    [
      '<soap:Body><wsse:UsernameToken><wsse:Username>bob</wsse:Username>' +
        '<wsse:Password Type="https://example.com/wss#PasswordText">s3cr3t</wsse:Password>' +
        '</wsse:UsernameToken></soap:Body>',
      '<soap:Body><wsse:UsernameToken><wsse:Username>bob</wsse:Username>' +
        `<wsse:Password Type="https://example.com/wss#PasswordText">${F}</wsse:Password>` +
        '</wsse:UsernameToken></soap:Body>',
    ],
    // Around other elements, each inner element is judged by its own name.
    [
      '<credentials><user>bob</user><password>x</password></credentials>',
      `<credentials><user>bob</user><password>${F}</password></credentials>`,
    ],
    [
      '<Login><SessionId>s-1</SessionId><Key>reports/2024.csv</Key></Login>',
      `<Login><SessionId>${F}</SessionId><Key>reports/2024.csv</Key></Login>`,
    ],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    '<author>Jane</author><passage>p</passage><token_count>5</token_count>',
    '<password/>',
    '<password></password>',
    `<password>${F}</password>`,
    '<password>?</password>',
    // Not closed by its own start tag, or holding something that is not text.
    '<password>a<b</password>',
    '<secret>x</password>',
    '<password>x</secret>',
    '<password><br/>x</password>',
    '<password a="1">b>c</password>',
    `<password ${'a '.repeat(300)}>x</password>`,
    '<password><![CDATA[x]]><![CDATA[y]]></password>',
    'Use <token> to sign in</token',
    '</password>',
    'x</password>',
    '<password>hunter2',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('judges elements by the names in `keys`', () => {
    expect(scrubText('<memberCode>M-1</memberCode>', { keys: ['memberCode'] })).toBe(
      `<memberCode>${F}</memberCode>`,
    );
  });

  it('is switched off with keyValuePairs', () => {
    const text = '<password>hunter2</password>';
    expect(scrubText(text, { detectors: { keyValuePairs: false } })).toBe(text);
  });

  it('records the replaced text in _meta as a pair found in text', () => {
    const { event, removed } = scrubEvent({
      request: { data: '<login><password>hunter2</password></login>' },
    });
    expect(event.request?.data).toBe(`<login><password>${F}</password></login>`);
    expect(removed).toEqual(['@keyvalue:filter']);
    expect(metaOf(event).request.data['']).toEqual({
      rem: [['@keyvalue:filter', 's', 17, 27]],
      len: 43,
    });
  });
});

describe('keyValuePairs in validation messages', () => {
  it.each([
    [
      '"password" with value "hunter2" fails to match the required pattern: /^[a-z]+$/',
      `"password" with value "${F}" fails to match the required pattern: /^[a-z]+$/`,
    ],
    [
      '"user.apiKey" with value \'abc\' matches the inverted pattern: /x/',
      `"user.apiKey" with value '${F}' matches the inverted pattern: /x/`,
    ],
    [
      '"New password" with value "abc" fails to match the strong pattern',
      `"New password" with value "${F}" fails to match the strong pattern`,
    ],
    [
      'token with value "abc def" fails to match the required pattern',
      `token with value "${F}" fails to match the required pattern`,
    ],
    // A message held in a JSON string quotes with escaped quotes.
    [
      '{"message":"\\"password\\" with value \\"hunter2\\" fails to match"}',
      `{"message":"\\"password\\" with value \\"${F}\\" fails to match"}`,
    ],
    ['"password" with value "unterminated', `"password" with value "${F}`],
    // Joi does not escape quotes inside the value: it runs to the quote its message goes on
    // after.
    [
      '"password" with value "hun"ter2" fails to match the required pattern',
      `"password" with value "${F}" fails to match the required pattern`,
    ],
    [
      '{"message":"\\"password\\" with value \\"hun\\"ter2\\" fails to match the pattern"}',
      `{"message":"\\"password\\" with value \\"${F}\\" fails to match the pattern"}`,
    ],
    // Held in a JSON string, a quote inside the value is escaped twice.
    [
      '{"message":"\\"password\\" with value \\"hun\\\\\\"ter2\\" fails"}',
      `{"message":"\\"password\\" with value \\"${F}\\" fails"}`,
    ],
  ])('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    // Joi names a value without a key `"value"`.
    '"value" with value "hunter2" fails to match the required pattern',
    '"username" with value "jane" fails to match the required pattern',
    '"author" with value "Jane" fails to match the required pattern',
    // Prose: no quoted value follows.
    'Set the password with value from the environment',
    'password with value 1234',
    `"password" with value "${F}" fails to match`,
    '"password" with values "a", "b"',
    '"password"with value "x"',
  ])('leaves %s', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('records the replaced value in _meta as a pair found in text', () => {
    const { event, removed } = scrubEvent({
      exception: {
        values: [{ type: 'ValidationError', value: '"pin" with value "1234" fails' }],
      },
    });
    expect(event.exception?.values?.[0]?.value).toBe(`"pin" with value "${F}" fails`);
    expect(removed).toEqual(['@keyvalue:filter']);
    expect(metaOf(event).exception.values['0'].value['']).toEqual({
      rem: [['@keyvalue:filter', 's', 18, 28]],
      len: 29,
    });
  });
});

describe('XML and validation messages in hostile text', () => {
  // A megabyte read whole, as text attachments are: each case must complete, with the same
  // findings as a short text would give. Any walk that went back over the text at every tag
  // would take minutes here.
  const MEGABYTE = 1 << 20;
  const options = resolveScrubOptions();
  const scanner: TextScanner = createTextScanner({
    detectors: options.detectors,
    replacement: options.replacement,
    classifier: createKeyClassifier({ keys: [], exemptKeys: [], defaults: true, ipKeys: true }),
    onRemoved: () => {},
  });
  const fill = (piece: string): string => piece.repeat(Math.ceil(MEGABYTE / piece.length));
  const scan = (text: string): string => scanner.scan(text, text.length);

  it.each([
    ['a run of <', fill('<')],
    ['a run of </', fill('</')],
    ['a run of closing tags', fill('</password>')],
    ['start tags never closed', fill('<password>')],
    ['CDATA ends with no start', fill(']]></password>')],
    ['CDATA starts never ended', fill('<password><![CDATA[')],
    ['long start tags', fill(`<x ${'a'.repeat(500)}></password>`)],
    ['validation words with no name', fill(' with value "')],
    ['validation words after a secret name', fill('"password" with value "')],
  ])('leaves %s', (_label, text) => {
    expect(scan(text)).toBe(text);
  });

  it('replaces every element in a megabyte of them', () => {
    const text = fill('<a><password>pw</password></a>');
    const scanned = scan(text);
    expect(scanned).not.toContain('>pw<');
    expect(scanned.split(`<password>${F}</password>`)).toHaveLength(
      text.split('<password>pw</password>').length,
    );
  });

  it('replaces every value in a megabyte of validation messages', () => {
    const text = fill('"password" with value "pw" ');
    const scanned = scan(text);
    expect(scanned).not.toContain('"pw"');
  });

  it('replaces an unclosed value up to the end of its line', () => {
    const text = `"password" with value "${'a'.repeat(MEGABYTE)}\nnext`;
    expect(scan(text)).toBe(`"password" with value "${F}\nnext`);
  });
});
