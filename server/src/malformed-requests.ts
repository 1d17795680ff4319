import { GraphQLError, visit, type ASTNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codeOfStatus, requestIdOf } from './unexpected-errors.ts';

const refusalWithoutBody: Record<number, string> = {
  404: 'No GraphQL endpoint at this path: use /graphql',
  415: 'Send GraphQL as a POST with Content-Type application/json (or multipart/form-data for uploads), or as a GET with query parameters',
};
const answerTypes = ['application/graphql-response+json', 'application/json'];

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as text (PostgreSQL refuses NUL; a lone surrogate is no character), or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which no text may hold';
  if (loneSurrogate.test(text)) return 'contains an unpaired UTF-16 surrogate (such as \\uD800), which is not a character';
  return null;
}

/** The first string inside a JSON value that is not text, with its path (`input.dimensions[0].value`). */
function firstBadText(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstBadText(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstBadText(key, `${path} (a field name)`) ?? firstBadText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** The first string literal in the document that is not text, named by its argument. */
function badLiteral(document: ASTNode): { path: string; problem: string } | null {
  let found: { path: string; problem: string } | null = null;
  visit(document, {
    Argument(argument) {
      if (found) return false;
      visit(argument.value, {
        StringValue(node) {
          const problem = textProblem(node.value);
          if (problem && !found) found = { path: argument.name.value, problem };
        },
      });
      return false;
    },
  });
  return found;
}

const badText = (where: { path: string; problem: string }) =>
  new GraphQLError(`\`${where.path}\` ${where.problem}`, { extensions: { code: 'BAD_USER_INPUT', argument: where.path, http: { status: 400 } } });

/**
 * Requests Yoga cannot read are the client's mistake, and the answer says what is wrong: a JSON
 * parameter that is not JSON (Yoga's GET and multipart parsers let `JSON.parse` throw, which would be
 * masked as a 500), a media type it cannot read or answer in (Yoga sends 415 and 406 with no body),
 * and strings that are not text: NUL, which PostgreSQL refuses (a 500 once it got there), and
 * unpaired surrogates, which would be stored as U+FFFD. Both are refused before any resolver runs.
 */
export function useMalformedRequestRefusals(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError(`A JSON parameter of the request (\`variables\`, \`extensions\`, \`operations\` or \`map\`) is not valid JSON: ${error.message}`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onExecute({ args }) {
      const inVariables = firstBadText(args.variableValues ?? {}, 'variables');
      const found = inVariables ? { ...inVariables, path: inVariables.path.replace(/^variables\.?/, '$') } : badLiteral(args.document);
      if (found) throw badText(found);
    },
    onResultProcess({ request, resultProcessor, setResultProcessor }) {
      if (resultProcessor) return;
      const requestId = requestIdOf(request);
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Cannot answer in any media type the Accept header allows: send Accept: ${answerTypes.join(' or ')}`,
                  extensions: { code: 'NOT_ACCEPTABLE', requestId },
                },
              ],
            }),
            { status: 406, headers: { 'content-type': 'application/json; charset=utf-8', accept: answerTypes.join(', ') } },
          ),
        'application/json',
      );
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.body !== null || request.method === 'HEAD') return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const body = {
        errors: [
          {
            message: refusalWithoutBody[response.status] ?? `Request refused (HTTP ${response.status})`,
            extensions: { code: codeOfStatus[response.status] ?? 'BAD_REQUEST', requestId: requestIdOf(request) },
          },
        ],
      };
      setResponse(new fetchAPI.Response(JSON.stringify(body), { status: response.status, headers }));
    },
  };
}
