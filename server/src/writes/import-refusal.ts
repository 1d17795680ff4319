import { GraphQLError } from 'graphql';

/**
 * Where in the file a refusal points, all 1-based: the line, and either the CSV column (field number,
 * as a spreadsheet counts columns, with its header name) or the character on that line.
 */
export interface FilePosition {
  line?: number | null;
  column?: number | null;
  columnName?: string | null;
  character?: number | null;
}

/** "line 3, column 5 (period_start): ", "line 3, character 12: ", "line 3: " or nothing. */
export function at({ line, column, columnName, character }: FilePosition): string {
  if (!line) return '';
  if (column) return `line ${line}, column ${column}${columnName ? ` (${columnName})` : ''}: `;
  if (character) return `line ${line}, character ${character}: `;
  return `line ${line}: `;
}

/**
 * A file the import cannot read at all (wrong type, broken structure, no rows). Nothing is written;
 * the message names the line and column and says what to do. The CLI prints the same message.
 */
export function fileRefused(message: string, position: FilePosition = {}): GraphQLError {
  return new GraphQLError(`${at(position)}${message}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: 'file',
      line: position.line ?? null,
      column: position.column ?? null,
      ...(position.columnName ? { columnName: position.columnName } : {}),
      ...(position.character ? { character: position.character } : {}),
      http: { status: 400 },
    },
  });
}

export const isFileRefusal = (error: unknown): error is GraphQLError => error instanceof GraphQLError && error.extensions.argument === 'file';
