import { builder } from '../builder.ts';

export const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: 'What was deleted.',
  fields: (t) => ({ deletedId: t.id({ description: 'Global ID of the deleted object.', resolve: (p) => p.deletedId }) }),
});

export const idempotencyKeyDescription = `Any unique string of 1 to 200 printable ASCII characters (e.g. a UUID). A retry with the same key and input returns the first answer and writes nothing more.`;
