import { z } from 'zod';

/** Qlik answers in PascalCase while its specs say camelCase: lower the first letter of every key, deeply. */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const camel = key.charAt(0).toLowerCase() + key.slice(1);
    // A camelCase key wins over its PascalCase twin when a server sends both.
    if (camel in result && camel !== key) continue;
    result[camel] = camelCaseKeys(item);
  }
  return result;
}

/** A schema written in camelCase that also accepts the PascalCase answers of real servers. */
export function anyCase<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, unknown> {
  return z.preprocess(camelCaseKeys, schema);
}
