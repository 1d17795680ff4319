/** The `importObservations` operation the import tests send, selecting every field of the report. */
export const importMutation = `mutation($file: File!, $format: ImportFormat, $dryRun: Boolean, $key: String) {
  importObservations(file: $file, format: $format, dryRun: $dryRun, idempotencyKey: $key) {
    format mode dryRun fileHash rows inserted revised unchanged withdrawn rejectedCount rejected { line record column reason } rolledBack replayed
  }
}`;

/**
 * A GraphQL multipart request as a browser or curl sends it: the FormData is encoded into a real
 * multipart body with its boundary, so Yoga parses bytes rather than receiving a ready FormData.
 */
export async function multipartBody(file: Uint8Array | string, filename: string, variables: Record<string, unknown>): Promise<{ body: Uint8Array; contentType: string }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: importMutation, variables: { file: null, ...variables } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([file as BlobPart], filename, { type: 'application/octet-stream' }));
  const encoded = new Response(form);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? '' };
}
