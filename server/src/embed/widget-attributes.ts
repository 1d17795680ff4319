import type { Language } from './words.ts';

/** One attribute a widget takes: the values it allows, in words for the 400 that names it. */
export interface AttributeRule {
  values: string;
  valid: (value: string) => boolean;
  required?: boolean;
}

export type AttributeRules = Readonly<Record<string, AttributeRule>>;

const oneOf = (...allowed: string[]): AttributeRule => ({ values: allowed.map((a) => `\`${a}\``).join(', '), valid: (v) => allowed.includes(v) });
export const key: AttributeRule = { values: 'a key of lower-case letters, digits and `_`', valid: (v) => /^[a-z0-9_]{1,64}$/.test(v) };
export const slug: AttributeRule = { values: 'a slug of lower-case letters, digits and `-`', valid: (v) => /^[a-z0-9-]{1,100}$/.test(v) };
export const provinceCode: AttributeRule = { values: 'a two-digit province code such as `53`', valid: (v) => /^\d{2}$/.test(v) };
export const regionCode: AttributeRule = { values: 'a Kemendagri code such as `53` or `53.71`', valid: (v) => /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(v) };
export const isoDate: AttributeRule = {
  values: 'an ISO date such as `2025-01-31`',
  valid: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v !== '0000-00-00' && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
};
export { oneOf };

/** Attributes every widget takes besides its own (`endpoint` is not one: a snapshot draws this server's data). */
const sharedRules: AttributeRules = {
  lang: oneOf('id', 'en'),
  theme: oneOf('auto', 'light', 'dark'),
  'include-synthetic': { values: 'empty, `true` or `false` (a boolean attribute)', valid: (v) => ['', 'true', 'false', 'include-synthetic'].includes(v) },
  heading: { values: 'text of at most 200 characters', valid: (v) => v.length <= 200 && [...v].every((c) => c >= ' ') },
};

/** A widget's attributes as given, checked: the shared ones read out, the widget's own by name. */
export interface Attributes {
  language: Language;
  theme: 'light' | 'dark';
  includeSynthetic: boolean;
  heading: string | null;
  /** The widget's own attributes and the extra ones (such as `width`), by attribute name. */
  own: ReadonlyMap<string, string>;
  /** Every attribute given, in a stable order: what a cache key and an embed URL are made of. */
  given: readonly [string, string][];
}

/**
 * Reads `params` as a widget's attributes. Every problem is named: an unknown attribute (with the
 * known ones), one given twice, a value outside its rule, a required one missing.
 */
export function readAttributes(params: URLSearchParams, rules: AttributeRules, extra: AttributeRules = {}): { attributes: Attributes } | { problems: string[] } {
  const all: AttributeRules = { ...sharedRules, ...rules, ...extra };
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [name, value] of params) {
    const rule = all[name];
    if (!rule)
      problems.push(
        `Unknown attribute \`${name}\`; this widget takes ${Object.keys(all)
          .map((n) => `\`${n}\``)
          .join(', ')}`,
      );
    else if (seen.has(name)) problems.push(`Attribute \`${name}\` is given more than once`);
    else if (!rule.valid(value)) problems.push(`Attribute \`${name}\` must be ${rule.values}, not ${JSON.stringify(value.slice(0, 100))}`);
    seen.set(name, value);
  }
  for (const [name, rule] of Object.entries(all)) if (rule.required && !seen.has(name)) problems.push(`Attribute \`${name}\` is required (${rule.values})`);
  if (problems.length) return { problems };
  const synthetic = seen.get('include-synthetic');
  return {
    attributes: {
      language: seen.get('lang') === 'en' ? 'en' : 'id',
      // `auto` follows a host page; a picture has none, so it is drawn light.
      theme: seen.get('theme') === 'dark' ? 'dark' : 'light',
      includeSynthetic: synthetic !== undefined && synthetic !== 'false',
      heading: seen.get('heading') || null,
      own: new Map([...seen].filter(([name]) => !(name in sharedRules))),
      given: [...seen].sort(([a], [b]) => a.localeCompare(b)),
    },
  };
}
