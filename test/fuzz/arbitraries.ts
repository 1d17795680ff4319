import fc from 'fast-check';

/** Strings that have broken servers before: NUL, lone surrogates, bad escapes, huge and odd numbers, traversal. */
export const nastyConstants = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uFFFF',
  '\u202E',
  '💥',
  '%',
  '%00',
  '%E0%A4%A',
  '%zz',
  '%C0%AF',
  '..',
  '../../etc/passwd',
  '..%2f..%2f',
  '//',
  '\\',
  "'; DROP TABLE observation; --",
  '"',
  '${x}',
  '<script>',
  '-1',
  '0',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '0.00001',
  '1,5',
  '2025-02-30',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '2025-13-01',
  'T'.repeat(5_000),
  'null',
  'true',
  '[]',
  '{}',
  'PROVINCE',
  'passports_issued',
  'hbi-76-2026',
  '53',
  'kanwil-ditjenim-ntt',
  'T2JzZXJ2YXRpb246MQ==',
  'T2JzZXJ2YXRpb246LTE=',
  'T2JzZXJ2YXRpb246OTk5OTk5OTk5OTk5OTk5OTk5OTk5',
  'T2ZmaWNlOmFiYw==',
  'Tm9wZTox',
  'T2JzZXJ2YXRpb246',
  'T2JzZXJ2YXRpb246MS41',
  'T2JzZXJ2YXRpb246MWUz',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyConstants) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...nastyConstants), { maxLength: 4 }).map((parts) => parts.join('')) },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 500, 501, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 0.5, -0, Number.MAX_SAFE_INTEGER, 100_000),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, weighted towards the ones above. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('key', 'value', 'id', 'first', 'regionCode', 'from', 'to', 'metric')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Percent-encodes what a URL must not carry raw, leaving `%`, `/` and `..` as they are. */
export const looseEncode = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\x21-\xff]|[#?]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);

/** Query-string encoding, except that broken escapes stay broken. */
export const queryValue: fc.Arbitrary<string> = fc.oneof(
  nastyString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
  nastyString.map(looseEncode),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%FF', '%uD800', '+', '%2B'),
);
