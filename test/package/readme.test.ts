import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { REPO_ROOT } from '../helpers/shared.ts';

// The README's setup code, pasted into a file as a user would, against the built package.

let receiver: EnvelopeReceiver;
let workDir: string;

beforeAll(async () => {
  receiver = await startReceiver();
  // Inside the repository, so `sentry-event-filter` resolves to the package itself.
  workDir = mkdtempSync(join(REPO_ROOT, '.readme-check-'));
});

afterAll(async () => {
  await receiver.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The first fenced code block of the given language after a heading. */
function codeBlockAfter(heading: string, language: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const match = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section);
  if (match?.[1] === undefined) {
    throw new Error(`no ${language} block after "${heading}" in README.md`);
  }
  return match[1];
}

function runNode(file: string, env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

describe('README', () => {
  it('the setup code works when pasted', async () => {
    const setup = codeBlockAfter('## Use it in your application', 'js');
    const file = join(workDir, 'instrument.mjs');
    writeFileSync(
      file,
      `${setup}
Sentry.captureException(new AuthCancelledError('user closed the login dialog'));
Sentry.captureException(new ValidationError('postcode is invalid'));
await Sentry.flush(5000);
`,
    );

    const code = await runNode(file, { SENTRY_DSN: receiver.dsn });
    await receiver.waitFor(() => receiver.events().length >= 1);

    expect(code).toBe(0);
    const events = receiver.events().map((event) => event.payload);
    expect(events.map((event) => event.exception.values.at(-1).value)).toEqual([
      'postcode is invalid',
    ]);
    expect(events[0].tags).toMatchObject({ user_caused: 'true' });
  });
});
