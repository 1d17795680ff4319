import fc from 'fast-check';
import { nastyJson, nastyNumber, nastyString } from './arbitraries.ts';
import { operations, tokens } from './corpus.ts';

/** A whole value replaced, or one leaf deep inside it: wrong types, huge numbers, NUL, lone surrogates. */
export function mutateValue(value: unknown): fc.Arbitrary<unknown> {
  const replaceWhole = nastyJson;
  if (value === null || typeof value !== 'object') return replaceWhole;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replaceWhole;
  return fc.oneof(
    replaceWhole,
    fc.integer({ min: 0, max: entries.length - 1 }).chain((index) => {
      const [key, inner] = entries[index] as readonly [string, unknown];
      return mutateValue(inner).map((mutated) => {
        if (Array.isArray(value)) return value.map((v, i) => (i === index ? mutated : v));
        return { ...(value as Record<string, unknown>), [key]: mutated };
      });
    }),
    // A field of its own that the input type does not declare.
    fc.tuple(nastyString, nastyJson).map(([key, extra]) => (Array.isArray(value) ? [...value, extra] : { ...(value as Record<string, unknown>), [key]: extra })),
  );
}

/** A document cut, spliced or salted with tokens: mostly invalid, sometimes valid in a new way. */
const mutatedDocument = fc.constantFrom(...operations.map((o) => o.document)).chain((document) =>
  fc.oneof(
    fc.tuple(fc.nat(document.length), fc.nat(40)).map(([at, length]) => document.slice(0, at) + document.slice(at + length)),
    fc.tuple(fc.nat(document.length), fc.constantFrom(...tokens)).map(([at, token]) => `${document.slice(0, at)} ${token} ${document.slice(at)}`),
    fc.tuple(fc.nat(document.length), nastyString).map(([at, text]) => `${document.slice(0, at)}${text}${document.slice(at)}`),
    fc.tuple(fc.nat(document.length), fc.constantFrom(...tokens)).map(([, token]) => document.replace(/\b(first|last|limit): \$?\w+/, `$1: ${token}`)),
    fc.constantFrom(
      document.replace(/"hbi-76-2026"|\$slug/g, '"\\u0000"'),
      document.replace(/\(first: \$first/, '(first: 100000'),
      document.replaceAll('{', '{ ... on Query {').replace(/}$/, '}}'),
    ),
  ),
);

const randomDocument = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(' '));

/** Literal arguments in place of variables, with hostile literal values. */
const literalDocument = fc
  .tuple(
    fc.constantFrom('offices', 'observations', 'regions', 'campaigns', 'sources', 'metrics'),
    fc.constantFrom('first', 'last', 'after', 'before'),
    fc.oneof(
      nastyNumber.map(String),
      nastyString.map((s) => JSON.stringify(s)),
    ),
  )
  .map(([field, argument, literal]) => `{ ${field}(${argument}: ${literal}) { totalCount } }`);

const variableDefaults = fc
  .tuple(
    fc.constantFrom('Int', 'Int!', 'String', 'Float', 'Boolean', '[Int]'),
    fc.oneof(
      nastyNumber.map(String),
      nastyString.map((s) => JSON.stringify(s)),
      fc.constant('null'),
    ),
  )
  .map(([type, literal]) => `query($n: ${type} = ${literal}) { offices(first: $n) { totalCount } }`);

/** Any of the documents above, in place of a valid operation. */
export const hostileDocument = fc.oneof(mutatedDocument, randomDocument, literalDocument, variableDefaults);
