import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function uploadTooLarge(limit: number): GraphQLError {
  return new GraphQLError(
    `The upload is larger than ${limit} bytes (${megabytes(limit)}), the most this server accepts in one request. Split the file, or import it on the server with \`pnpm pantau import FILE\``,
    {
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit, http: { status: 413 } },
    },
  );
}

const isMultipart = (request: Request) => request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * Multipart imports up to `maxUploadBytes`, refused with a 413 that names the limit. Yoga's own body
 * limit (`maxRequestBodySize`, 25 MB unless set) must be at least as large, or it cuts imports first;
 * it still counts the bytes of a body sent without `Content-Length`, and its refusal is renamed here.
 */
export function useUploadLimit(maxUploadBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!isMultipart(request)) return;
      const declared = request.headers.get('content-length');
      if (declared && /^\d+$/.test(declared) && Number(declared) > maxUploadBytes) throw uploadTooLarge(maxUploadBytes);
      if (!requestParser) return;
      setRequestParser(async (limited) => {
        try {
          return await requestParser(limited);
        } catch (error) {
          if (/Request body too large|File size limit exceeded/.test((error as Error).message)) throw uploadTooLarge(maxUploadBytes);
          throw error;
        }
      });
    },
  };
}
