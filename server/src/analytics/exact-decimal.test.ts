import { describe, expect, it } from 'vitest';
import { add, compare, divide, subtract } from './exact-decimal.ts';

describe('exact decimals', () => {
  it('adds and subtracts without binary fractions', () => {
    expect(add('0.1', '0.2')).toBe('0.3'); // 0.30000000000000004 in floating point
    expect(add('9999999999999999.9999', '0.0001')).toBe('10000000000000000');
    expect(subtract('12', '60')).toBe('-48');
    expect(subtract('7.5', '7.5')).toBe('0');
  });

  it('compares across scales', () => {
    expect(compare('12.50', '12.5')).toBe(0);
    expect(compare('-1', '0.0001')).toBe(-1);
    expect(compare('100', '99.9999')).toBe(1);
  });

  it('divides, rounding half away from zero to the places asked', () => {
    expect(divide('100', '172.5', 6)).toBe('0.57971'); // 0.5797101…
    expect(divide('1', '8', 2)).toBe('0.13'); // 0.125
    expect(divide('-1', '8', 2)).toBe('-0.13');
    expect(divide('-48', '60', 2, 100)).toBe('-80');
    expect(divide('2', '3', 6)).toBe('0.666667');
    expect(() => divide('1', '0', 2)).toThrow(/zero/);
  });
});
