import { CliUsageError } from './errors.js';
import type { CommandSpec } from './spec.js';

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** Bounds and default of a numeric flag. */
export interface NumberRule {
  default?: number;
  min?: number;
  max?: number;
}

/**
 * A command's parsed arguments with typed, validated accessors. Every accessor throws
 * CliUsageError (exit 2) naming the flag, so commands never see a malformed value.
 */
export class Args {
  readonly #values: Values;
  readonly #positionals: Map<string, string>;
  readonly #helpHint: string;

  constructor(command: CommandSpec, values: Values, positionals: string[], helpHint: string) {
    this.#values = values;
    this.#helpHint = helpHint;
    this.#positionals = new Map();
    const specs = command.positionals ?? [];
    specs.forEach((p, i) => {
      const v = positionals[i];
      if (v !== undefined) this.#positionals.set(p.name, v);
      else if (!p.optional) throw new CliUsageError(`Missing <${p.name}>: ${p.description}`, helpHint);
    });
    if (positionals.length > specs.length) {
      throw new CliUsageError(`Unexpected argument "${positionals[specs.length]}".`, helpHint);
    }
  }

  /** A required positional (declared non-optional, so checked at construction). */
  positional(name: string): string {
    const v = this.#positionals.get(name);
    if (v === undefined) throw new CliUsageError(`Missing <${name}>.`, this.#helpHint);
    return v;
  }

  /** An optional positional. */
  optionalPositional(name: string): string | undefined {
    return this.#positionals.get(name);
  }

  /** Whether a boolean flag was given. */
  flag(name: string): boolean {
    return this.#values[name] === true;
  }

  /** A string flag, or undefined. */
  string(name: string): string | undefined {
    const v = this.#values[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** A string flag that must be given. */
  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw new CliUsageError(`Missing --${name}.`, this.#helpHint);
    return v;
  }

  /** Every value of a repeatable flag (`--gpu 4090 --gpu 3090`), commas splitting too. */
  strings(name: string): string[] {
    const v = this.#values[name];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list
      .flatMap((x) => String(x).split(','))
      .map((x) => x.trim())
      .filter(Boolean);
  }

  /** One of a fixed set of words. */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(choices as readonly string[]).includes(v)) {
      throw new CliUsageError(`--${name} must be one of ${choices.join(', ')}; got "${v}".`, this.#helpHint);
    }
    return v as T;
  }

  /** A whole number flag. */
  int(name: string, rule: NumberRule & { default: number }): number;
  int(name: string, rule?: NumberRule): number | undefined;
  int(name: string, rule: NumberRule = {}): number | undefined {
    const n = this.number(name, rule);
    if (n !== undefined && !Number.isSafeInteger(n))
      throw new CliUsageError(`--${name} must be a whole number; got ${n}.`, this.#helpHint);
    return n;
  }

  /** A decimal number flag. */
  number(name: string, rule: NumberRule & { default: number }): number;
  number(name: string, rule?: NumberRule): number | undefined;
  number(name: string, rule: NumberRule = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return rule.default;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n))
      throw new CliUsageError(`--${name} must be a number; got "${text}".`, this.#helpHint);
    if (rule.min !== undefined && n < rule.min)
      throw new CliUsageError(`--${name} must be at least ${rule.min}; got ${n}.`, this.#helpHint);
    if (rule.max !== undefined && n > rule.max)
      throw new CliUsageError(`--${name} must be at most ${rule.max}; got ${n}.`, this.#helpHint);
    return n;
  }
}
