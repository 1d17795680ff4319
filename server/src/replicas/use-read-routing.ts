import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';
import type { CallerGate } from '../protection/caller-gate.ts';
import { createLoaders } from '../loaders.ts';
import { RecentWrites } from './recent-writes.ts';

export interface ReadRoutingOptions {
  /** The primary; its `replicas` (when configured) receive the reads. */
  database: Database;
  /** Who each request is from: a caller's reads see that caller's writes. */
  gate: CallerGate;
  /** Shared by every Yoga of one server. @default memory of its own */
  writes?: RecentWrites;
}

/** The memory of writes a server's Yogas share; null without replicas. */
export function recentWritesFor(database: Database): RecentWrites | null {
  const replicas = database.replicas;
  return replicas ? new RecentWrites(replicas.maxLagMs + 2 * replicas.checkMs) : null;
}

/**
 * Sends each query to a read replica that has replayed the caller's own last write and every change
 * heard so far, or to the primary when none has; mutations (and everything their answers read) run
 * on the primary, and the WAL position after them is remembered for the caller.
 */
export function useReadRouting({ database, gate, writes }: ReadRoutingOptions): Plugin {
  const replicas = database.replicas;
  const memory = writes ?? recentWritesFor(database);
  if (!replicas || !memory) return {};
  return {
    onExecute({ args, extendContext }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      const request = (args.contextValue as { request: Request }).request;
      const { identity } = gate.admissionOf(request);
      if (operation !== 'query') {
        memory.started(identity);
        return { onExecuteDone: () => memory.finished(identity, replicas.primaryPosition()) };
      }
      const floor = memory.floorOf(identity);
      const reader = floor === null ? database : replicas.forRead(floor ?? null);
      if (reader !== database) extendContext({ database: reader, loaders: createLoaders(reader) } as never);
      return undefined;
    },
  };
}
