import { isRegExp } from '../reg-exp.ts';

const MAX_PREVIEW = 60;

/** Shows a configuration value in an error message, short and without running user code. */
export function describeValue(value: unknown): string {
  try {
    return describeReadable(value);
  } catch {
    // Only a proxy throws here whatever it is asked, once revoked.
    return 'a value that cannot be read (a revoked proxy)';
  }
}

function describeReadable(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return truncate(JSON.stringify(value));
    case 'function':
      return describeFunction(value);
    case 'symbol':
      return 'a symbol';
    case 'bigint':
      return `${value}n`;
    case 'object':
      return value === null ? 'null' : describeObject(value);
    default:
      return String(value);
  }
}

function describeFunction(value: unknown): string {
  const name = readName(value);
  const isClass = Function.prototype.toString.call(value).startsWith('class');
  if (isClass) {
    return name ? `class ${name}` : 'an anonymous class';
  }
  return name ? `function ${name}` : 'an anonymous function';
}

function describeObject(value: object): string {
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }

  if (isRegExp(value)) {
    return truncate(String(value));
  }

  let constructorName: string | undefined;
  try {
    constructorName = readName(Object.getPrototypeOf(value)?.constructor);
  } catch {
    constructorName = undefined;
  }

  if (constructorName && constructorName !== 'Object') {
    return `an instance of ${constructorName}`;
  }

  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return 'an object';
  }
  return keys.length === 0 ? '{}' : truncate(`an object with keys ${keys.join(', ')}`);
}

function readName(value: unknown): string | undefined {
  const name: unknown = (value as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function truncate(text: string): string {
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}
