/** Where the widgets' script was loaded from: the default API origin. */
const scriptOrigin = new URL(import.meta.url).origin;

export function endpointFor(attribute: string | null | undefined): string {
  return attribute?.trim() || `${scriptOrigin}/graphql`;
}

export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
}

/** POSTs one operation and returns its data; HTTP failures and GraphQL errors both throw with a readable message. */
export async function requestGraphQL<T>(endpoint: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      credentials: 'omit',
      signal: signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphQLRequestError(`Network error: ${(error as Error).message}`);
  }
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`HTTP ${response.status}: the response was not JSON`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body.data) throw new GraphQLRequestError(`HTTP ${response.status}`);
  return body.data;
}
