import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Database } from '@pantau/prisma';
import { operationHash, operationsDir } from '@pantau/schema/persisted-operations';
import { loadChartAssets } from './chart-svg.ts';
import type { Picture, WidgetModel } from './picture.ts';
import { snapshotSvg } from './snapshot-svg.ts';
import type { Attributes } from './widget-attributes.ts';

/** Yoga's `fetch`, with the Node request the snapshot answers so limits count against its caller. */
export type GraphQLFetch = (request: Request, serverContext: { req: IncomingMessage; res: ServerResponse }) => Promise<Response>;

/** A picture could not be drawn: the status and the words the caller gets. */
export class SnapshotRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: { code?: string; http?: { status?: number } } }[];
}

/**
 * Draws widgets as the element would: the same persisted operation with the same variables, run
 * anonymously through Yoga (so the API's limits, visibility and errors apply), then the picture.
 */
export function createSnapshotRenderer(database: Database, fetch: GraphQLFetch, widgetsDir: string) {
  const assets = loadChartAssets(widgetsDir);
  const hashes = new Map<string, string>();
  const hashOf = (file: string) => {
    let hash = hashes.get(file);
    if (!hash) {
      hash = operationHash(readFileSync(new URL(file, operationsDir), 'utf8'));
      hashes.set(file, hash);
    }
    return hash;
  };

  async function picture(model: WidgetModel, attributes: Attributes, width: number, serverContext: { req: IncomingMessage; res: ServerResponse }): Promise<Picture> {
    const url = new URL('http://pantau.internal/graphql');
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(model.operation) } }));
    url.searchParams.set('variables', JSON.stringify(model.variables(attributes)));
    const response = await fetch(new Request(url, { headers: { accept: 'application/json', 'x-pantau-client': 'pantau-snapshot' } }), serverContext);
    const answer = (await response.json()) as GraphQLAnswer;
    if (answer.errors?.length || !answer.data) {
      const status = answer.errors?.[0]?.extensions?.http?.status ?? response.status;
      const message = answer.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
      // The API's refusal of an attribute's value (an unknown metric or campaign) is the caller's 400.
      throw new SnapshotRefusal(status === 429 || status === 503 ? status : status >= 500 ? 502 : 400, `${model.tag}: ${message}`);
    }
    const codes = model.regionCodes(attributes);
    const regions = codes.length ? await database.prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : [];
    return model.picture(answer.data, attributes, { regionNames: new Map(regions.map((r) => [r.code, r.name])), width: width - 34, geography: assets.geography });
  }

  return {
    picture,
    async svg(model: WidgetModel, attributes: Attributes, width: number, serverContext: { req: IncomingMessage; res: ServerResponse }): Promise<{ svg: string; picture: Picture }> {
      const drawn = await picture(model, attributes, width, serverContext);
      return { svg: await snapshotSvg(assets, drawn, { width, language: attributes.language, theme: attributes.theme }), picture: drawn };
    },
    /** The SVG rasterised by resvg with the system's fonts (loaded with the first PNG, not at start). */
    async png(svg: string): Promise<Buffer> {
      const { Resvg } = await import('@resvg/resvg-js');
      return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'rgba(0,0,0,0)' }).render().asPng();
    },
  };
}

export type SnapshotRenderer = ReturnType<typeof createSnapshotRenderer>;
