import { pathToFileURL } from 'node:url';
import { type ArgsDef, type CommandDef, defineCommand, renderUsage, runMain } from 'citty';
import { AppError } from './apps.ts';
import { maskSecrets } from './mask.ts';
import { renderReport } from './report.ts';
import { type DemoResult, runDemo } from './runner.ts';
import type { Scenario } from './scenario.ts';
import { type Spotlight, startSpotlight } from './spotlight.ts';
import { createStyle, usesColor } from './style.ts';

/**
 * Exit codes: 0 when every scenario behaved as configured, 1 when one did not, 2 for a usage
 * error (an unknown scenario or option, a SENTRY_DSN that is no DSN), 3 when the demo itself
 * could not run (an app did not start, for example).
 */
export const EXIT = { passed: 0, failed: 1, usage: 2, broken: 3 } as const;

// What citty puts in `args`: the positionals, the positional's name and the options below.
const KNOWN_ARGS = new Set(['_', 'scenario', 'json', 'spotlight']);

/** The demo's command line, over the given scenarios. */
export async function runFromCommandLine(scenarios: readonly Scenario[]): Promise<void> {
  const names = scenarios.map((item) => item.name).join(', ');
  const command = defineCommand({
    meta: {
      name: 'demo',
      description:
        'Runs the example service and worker with the filter, drives traffic through them ' +
        'and reports what reached Sentry.',
    },
    args: {
      scenario: {
        type: 'positional',
        required: false,
        description: `Scenarios to run (default: all): ${names}`,
      },
      json: { type: 'boolean', description: 'Print a machine-readable summary instead' },
      spotlight: {
        type: 'boolean',
        description: 'Also show the events in the Spotlight UI (or set SPOTLIGHT=1)',
      },
    },
    async run({ args }) {
      // citty passes unknown flags through; a mistyped `--spotlight` must not go unnoticed.
      const unknownOptions = Object.keys(args).filter((key) => !KNOWN_ARGS.has(key));
      if (unknownOptions.length > 0) {
        const flags = unknownOptions.map((key) => (key.length === 1 ? `-${key}` : `--${key}`));
        console.error(`Unknown option: ${flags.join(', ')}. Run with --help for the options.`);
        process.exitCode = EXIT.usage;
        return;
      }
      const wanted = args._;
      const unknown = wanted.filter((name) => !scenarios.some((item) => item.name === name));
      if (unknown.length > 0) {
        console.error(`Unknown scenario: ${unknown.join(', ')}. Run with --help for the list.`);
        process.exitCode = EXIT.usage;
        return;
      }
      const dsn = nonEmpty(process.env.SENTRY_DSN);
      if (dsn !== undefined && !isDsn(dsn)) {
        // The SDK would only say so in the app's hidden output, and send nothing.
        console.error(
          'SENTRY_DSN is not a Sentry DSN: expected https://<key>@<host>/<project id>, as ' +
            "your project's Client Keys (DSN) settings show it.",
        );
        process.exitCode = EXIT.usage;
        return;
      }
      const selected =
        wanted.length === 0 ? scenarios : scenarios.filter((item) => wanted.includes(item.name));
      const spotlight = args.spotlight === true || isSet(process.env.SPOTLIGHT);
      process.exitCode = await run(selected, { json: args.json === true, spotlight });
    },
  });
  await runMain(command, { showUsage: printUsage });
}

/** citty's usage text, without its colours where the report would have none (a pipe). */
async function printUsage<T extends ArgsDef = ArgsDef>(
  command: CommandDef<T>,
  parent?: CommandDef<T>,
): Promise<void> {
  const usage = await renderUsage(command, parent);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences
  console.log(usesColor(process.stdout) ? usage : usage.replace(/\u001b\[[0-9;]*m/g, ''));
}

/** Runs the command line when `moduleUrl` is the file Node was started with. */
export async function runIfMain(moduleUrl: string, scenarios: readonly Scenario[]): Promise<void> {
  const entry = process.argv[1];
  if (entry !== undefined && pathToFileURL(entry).href === moduleUrl) {
    await runFromCommandLine(scenarios);
  }
}

async function run(
  scenarios: readonly Scenario[],
  options: { json: boolean; spotlight: boolean },
): Promise<number> {
  const secrets = scenarios.flatMap((scenario) => scenario.secrets ?? []);
  let spotlight: Spotlight | undefined;
  try {
    spotlight = options.spotlight ? await startSpotlight() : undefined;
  } catch (error) {
    console.error(`Spotlight could not start: ${String(error)}`);
    return EXIT.broken;
  }

  let result: DemoResult;
  try {
    result = await runDemo({
      scenarios,
      dsn: nonEmpty(process.env.SENTRY_DSN),
      spotlightUrl: spotlight?.sidecarUrl,
    });
  } catch (error) {
    await spotlight?.stop();
    // What the app printed includes its logs, which hold planted secrets.
    const what =
      error instanceof AppError
        ? `${error.message}. The app printed:\n${error.output}`
        : String(error instanceof Error ? error.stack : error);
    console.error(maskSecrets(`The demo could not run: ${what}`, secrets));
    return EXIT.broken;
  }

  // The report never prints a planted secret, even one the filter let through. The result is
  // masked before layout, so lines wrap at their printed width, and the text once more after.
  const masked = JSON.parse(maskSecrets(JSON.stringify(result), secrets)) as DemoResult;
  const text = options.json
    ? `${JSON.stringify(masked, null, 2)}\n`
    : renderReport(masked, createStyle(process.stdout));
  process.stdout.write(maskSecrets(text, secrets));

  if (spotlight !== undefined) {
    console.error(`\nSpotlight: open ${spotlight.uiUrl} to click through the events.`);
    console.error('Press Ctrl+C to stop.');
    await spotlight.waitForStop();
  }
  return result.passed ? EXIT.passed : EXIT.failed;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Whether a DSN has the parts the SDK requires: a public key, a host and a project id. */
function isDsn(value: string): boolean {
  if (!URL.canParse(value)) {
    return false;
  }
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username !== '' &&
    /\/\d+$/.test(url.pathname)
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
