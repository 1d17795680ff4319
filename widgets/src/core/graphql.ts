/** Where the widgets' script was loaded from: the default API origin. */
const scriptOrigin = new URL(import.meta.url).origin;

export function endpointFor(attribute: string | null | undefined): string {
  return attribute?.trim() || `${scriptOrigin}/graphql`;
}

export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
}

/** A widget's operation from schema/operations: sent by its hash, the document kept for servers that lack it. */
export interface PersistedOperation {
  hash: string;
  document: string;
}

type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function send<T>(endpoint: string, init: RequestInit): Promise<{ response: Response; body: Answer<T> }> {
  let response: Response;
  try {
    response = await fetch(endpoint, { ...init, credentials: 'omit' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphQLRequestError(`Network error: ${(error as Error).message}`);
  }
  try {
    return { response, body: (await response.json()) as Answer<T> };
  } catch {
    throw new GraphQLRequestError(`HTTP ${response.status}: the response was not JSON`);
  }
}

/**
 * Runs a persisted operation by its hash and returns its data. A server that does not know the hash
 * (older than the widgets) gets the document instead. HTTP failures and GraphQL errors both throw
 * with a readable message.
 */
export async function requestGraphQL<T>(endpoint: string, operation: PersistedOperation, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const accept = 'application/graphql-response+json, application/json';
  // A GET with the operation's hash: browsers, CDNs and the server's cache can answer it again.
  const url = new URL(endpoint, location.href);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.hash } }));
  url.searchParams.set('variables', JSON.stringify(variables));
  let { response, body } = await send<T>(url.href, { headers: { accept, 'x-pantau-client': 'pantau-widgets' }, signal: signal ?? null });
  if (body.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    ({ response, body } = await send<T>(endpoint, {
      method: 'POST',
      headers: { accept, 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.document, variables }),
      signal: signal ?? null,
    }));
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body.data) throw new GraphQLRequestError(`HTTP ${response.status}`);
  return body.data;
}
