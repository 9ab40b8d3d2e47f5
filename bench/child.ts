import { execFile } from 'node:child_process';

/**
 * Runs a benchmark script in a fresh Node process and parses the JSON line it prints last.
 * The child inherits this process's loader flags (tsx); `flags` are added to them, for
 * settings that must be given when Node starts.
 */
export function runChild<T>(
  script: string,
  options: { readonly flags?: readonly string[]; readonly args?: readonly string[] } = {},
): Promise<T> {
  const { flags = [], args = [] } = options;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, ...flags, script, ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${script} failed: ${error.message}\n${stderr}`));
          return;
        }
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T);
      },
    );
  });
}
