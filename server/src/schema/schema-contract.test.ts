import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputObjectType, isObjectType } from 'graphql';
import { printContract, schema } from './index.ts';

describe('printed schema', () => {
  it('matches the committed schema/schema.graphql (run `pnpm schema:print` after changing a type)', () => {
    const committed = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printContract()).toBe(committed);
  });

  it('describes every type, field and argument of our own', () => {
    const generated = /(Connection|ConnectionEdge)$|^(PageInfo|String|Int|Float|Boolean|ID)$|^__/;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (generated.test(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            const relayArgument = ['first', 'last', 'after', 'before'].includes(arg.name) || ['node', 'nodes'].includes(field.name);
            if (!arg.description && !relayArgument) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
