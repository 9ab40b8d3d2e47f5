import { createReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { SentryEventFilter } from '../../filter/index.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { type InputSource, listSources } from '../input/list-files.ts';
import { type FormatChoice, type OpenedInput, openInput } from '../input/read-input.ts';
import type { InputFault, InputRecord } from '../input/records.ts';
import type { CliIo } from '../io.ts';
import { JsonReporter } from '../report/json-reporter.ts';
import { Progress } from '../report/progress.ts';
import type { Reporter } from '../report/reporter.ts';
import { TextReporter } from '../report/text-reporter.ts';
import { UsageError } from '../usage-error.ts';
import { OutputError, type OutputSink, openSink, outputPath } from './out-writer.ts';
import { Tally } from './tally.ts';
import { envelopeUnits, eventUnit, headerResult } from './units.ts';

/** What `check` was asked to do, after argument parsing. */
export interface CheckSettings {
  readonly paths: readonly string[];
  readonly format: FormatChoice;
  readonly json: boolean;
  readonly explain: boolean;
  readonly quiet: boolean;
  readonly out: string | undefined;
}

/** Faults shown one by one per input; the rest are counted. */
const MAX_FAULTS_SHOWN = 100;

/**
 * Reads every input, runs each event and envelope through the filter, reports every unit
 * and fault, and ends with the summary. Returns 1 when any input had a fault.
 */
export async function runCheck(
  filter: SentryEventFilter,
  settings: CheckSettings,
  io: CliIo,
): Promise<ExitCode> {
  const sources = await listSources(settings.paths, io.cwd);
  if (settings.out !== undefined) {
    refuseOverwritingInputs(sources, resolve(io.cwd, settings.out));
  }

  const reportSettings = { explain: settings.explain, quiet: settings.quiet };
  const reporter: Reporter = settings.json
    ? new JsonReporter(io, reportSettings)
    : new TextReporter(io, reportSettings);
  const tally = new Tally();
  const progress = createProgress(io, settings, sources);
  const context: FileContext = {
    filter,
    settings,
    io,
    reporter,
    tally,
    progress,
    bytesBefore: 0,
    units: 0,
    written: 0,
  };

  for (const source of sources) {
    await checkSource(source, context);
  }

  progress?.clear();
  const summary = tally.summary(filter.stats());
  await reporter.summary(
    settings.out === undefined
      ? summary
      : {
          ...summary,
          out: {
            dir: settings.out,
            files: context.written,
            leftOut: summary.files.read - context.written,
          },
        },
  );
  return tally.faults > 0 ? EXIT_CODES.invalid : EXIT_CODES.ok;
}

interface FileContext {
  readonly filter: SentryEventFilter;
  readonly settings: CheckSettings;
  readonly io: CliIo;
  readonly reporter: Reporter;
  readonly tally: Tally;
  readonly progress: Progress | undefined;
  /** Bytes of the inputs already done, for progress over several files. */
  bytesBefore: number;
  /** Units checked so far, for progress. */
  units: number;
  /** Files written to `--out`. */
  written: number;
}

async function checkSource(source: InputSource, context: FileContext): Promise<void> {
  const faults = new FaultCounter(source.display, context);
  if (source.kind === 'unreadable') {
    await faults.report({ file: source.display, message: `${source.problem}.` });
    context.tally.file(faults.count);
    return;
  }

  const chunks =
    source.kind === 'stdin'
      ? context.io.stdin
      : createReadStream(source.path, { highWaterMark: 1024 * 1024 });
  const extension = source.kind === 'file' ? extname(source.path).toLowerCase() : '';
  let input: OpenedInput | undefined;
  let sink: OutputSink | undefined;
  try {
    input = await openInput(source.display, chunks, context.settings.format, extension);
    const out = context.settings.out;
    if (out !== undefined && input.format !== undefined) {
      sink = await openSink(outputPath(resolve(context.io.cwd, out), source, input), input);
    }
    for await (const record of input.records) {
      await checkRecord(record, context, faults, sink);
      context.progress?.update(
        context.bytesBefore + input.bytesRead(),
        context.units,
        source.display,
      );
    }
    if (await sink?.close()) {
      context.written++;
    }
  } catch (error) {
    const problem = error instanceof OutputError ? error.message : describeSystemError(error);
    if (problem === undefined) {
      throw error;
    }
    await faults.report({ file: source.display, message: `${problem}.` });
  } finally {
    if (source.kind === 'file' && 'destroy' in chunks) {
      chunks.destroy();
    }
  }

  context.bytesBefore += input?.bytesRead() ?? 0;
  await faults.flush();
  context.tally.file(faults.count);
}

/** Checks one record; one that cannot be written out is reported, and the rest go on. */
async function checkRecord(
  record: InputRecord,
  context: FileContext,
  faults: FaultCounter,
  sink: OutputSink | undefined,
): Promise<void> {
  try {
    await checkAndWrite(record, context, faults, sink);
  } catch (error) {
    if (!(error instanceof OutputError) || record.kind === 'fault') {
      throw error;
    }
    await faults.report({ ...record.location, message: `${error.message}.` });
  }
}

async function checkAndWrite(
  record: InputRecord,
  context: FileContext,
  faults: FaultCounter,
  sink: OutputSink | undefined,
): Promise<void> {
  const { filter, reporter, tally } = context;

  if (record.kind === 'fault') {
    await faults.report(record.fault);
    return;
  }

  if (record.kind === 'event') {
    const result = filter.check(record.event);
    context.units++;
    const unit = eventUnit(record.location, record.event, result);
    tally.unit(unit);
    await reporter.unit(unit);
    await sink?.event(result.event);
    return;
  }

  const result = filter.checkEnvelope(record.envelope);
  const header = headerResult(record, result);
  tally.envelope(result.envelope === null && result.items.length > 0, header);
  for (const unit of envelopeUnits(record, result)) {
    context.units++;
    tally.unit(unit);
    await reporter.unit(unit);
  }
  if (header !== undefined) {
    await reporter.header(header);
  }
  await sink?.envelope(result.envelope, record.form);
}

/** Reports an input's faults, showing the first ones and counting the rest. */
class FaultCounter {
  readonly #file: string;
  readonly #context: FileContext;
  count = 0;

  constructor(file: string, context: FileContext) {
    this.#file = file;
    this.#context = context;
  }

  async report(fault: InputFault): Promise<void> {
    this.count++;
    this.#context.tally.fault();
    if (this.count <= MAX_FAULTS_SHOWN) {
      this.#context.progress?.clear();
      await this.#context.reporter.fault(fault);
    }
  }

  async flush(): Promise<void> {
    if (this.count > MAX_FAULTS_SHOWN) {
      await this.#context.reporter.faultsHidden(this.#file, this.count - MAX_FAULTS_SHOWN);
    }
  }
}

/**
 * Names a failed read or write of a file (`cannot open out/a.json: EACCES`, or `cannot read:
 * EIO` for the input, which the fault names); `undefined` for anything else, such as a closed
 * standard output, which ends the whole run.
 */
function describeSystemError(error: unknown): string | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || syscall === undefined) {
    return undefined;
  }
  if (path === undefined) {
    // A read of an open file names no path; writes without one are to standard output.
    return syscall === 'read' ? `cannot read: ${code}` : undefined;
  }
  return `cannot ${syscall} ${path}: ${code}`;
}

/**
 * Progress goes to stderr on a terminal, and only when stdout is not the same terminal
 * already scrolling one line per unit.
 */
function createProgress(
  io: CliIo,
  settings: CheckSettings,
  sources: readonly InputSource[],
): Progress | undefined {
  if (!io.stderr.isTTY) {
    return undefined;
  }
  if (io.stdout.isTTY && !settings.quiet) {
    return undefined;
  }
  const reading = sources.filter((source) => source.kind !== 'unreadable');
  const total = reading.every((source) => source.kind === 'file')
    ? reading.reduce((sum, source) => sum + (source.kind === 'file' ? source.size : 0), 0)
    : undefined;
  return new Progress(io.stderr, total, io.now);
}

function refuseOverwritingInputs(sources: readonly InputSource[], outDir: string): void {
  for (const source of sources) {
    if (source.kind === 'file' && resolve(outDir, source.outName) === source.path) {
      throw new UsageError(
        `--out ${outDir} would overwrite the input ${source.display}; choose another directory.`,
        'check',
      );
    }
  }
}
