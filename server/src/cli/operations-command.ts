import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '@pantau/prisma';
import { KeyOperationRefusal, listKeyOperations, registerKeyOperation, removeKeyOperation } from '../partner-operations/key-operations.ts';

export class OperationsUsageError extends Error {}

type Output = { out: (line: string) => void; err: (line: string) => void };

/**
 * `pnpm pantau operations register|list|remove --key NAME ...`: the allow-list of one API key, the
 * queries its holder runs by hash (a partner's nightly pull). Exit 2 when the document is refused.
 */
export async function operations(database: Database, action: string | undefined, args: string[], { out, err }: Output): Promise<0 | 2> {
  const { values } = parseArgs({ args, options: { key: { type: 'string' }, file: { type: 'string' }, name: { type: 'string' } } });
  if (!values.key) throw new OperationsUsageError(`operations ${action ?? ''} needs --key NAME`);
  try {
    if (action === 'register') {
      if (!values.file) throw new OperationsUsageError('operations register needs --file FILE.graphql');
      const registered = await registerKeyOperation(database, values.key, readFileSync(values.file, 'utf8'));
      out(`Registered "${registered.name}" for key "${values.key}". Send it as extensions.persistedQuery.sha256Hash:\n\n  ${registered.hash}\n`);
    } else if (action === 'list') {
      for (const operation of await listKeyOperations(database, values.key)) out(`${operation.name}\t${operation.hash}\tregistered ${operation.createdAt.toISOString()}`);
    } else if (action === 'remove') {
      if (!values.name) throw new OperationsUsageError('operations remove needs --name OPERATION');
      await removeKeyOperation(database, values.key, values.name);
      out(`Removed "${values.name}" from key "${values.key}".`);
    } else {
      throw new OperationsUsageError(`Unknown operations command "${action ?? ''}"`);
    }
  } catch (error) {
    if (!(error instanceof KeyOperationRefusal)) throw error;
    err(`Refused, nothing written: ${error.message}`);
    return 2;
  }
  return 0;
}
