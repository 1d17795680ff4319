import type { Plugin } from 'graphql-yoga';
import { refused } from './refusal.ts';

export interface DocumentSizeOptions {
  /** Bytes of the `query` text. @default 20_000 */
  maxBytes?: number;
}

/** Refuses an oversized document before the lexer sees it. */
export function useDocumentSize({ maxBytes = 20_000 }: DocumentSizeOptions = {}): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && Buffer.byteLength(params.query) > maxBytes) throw refused(413, `The GraphQL document is larger than ${maxBytes} bytes`);
    },
  };
}
