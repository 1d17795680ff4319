import type { Database } from '@pantau/prisma';
import { SingleFlight } from '../cache/single-flight.ts';
import { queryVillageMapColumns, type BuiltColumns, type VillageMapColumns } from './village-map-columns.ts';

/**
 * The partner-village map's columns, built once per change of the villages, regions and offices they
 * come from (`map_catalogue_version`, bumped by triggers in the change's own transaction), so a
 * national map costs one tiny statement until the next change. Each request reads the version first:
 * a writer's next read sees its change at once, whichever instance answers. Identical builds in flight
 * run once. At most one set of columns is held per province and synthetic choice (78 in all).
 */
export class VillageMapMemo {
  readonly #built = new Map<string, BuiltColumns>();
  readonly #building = new SingleFlight<BuiltColumns>();
  /** Every province and synthetic choice asked for, so they can be built again ahead of the next visitor. */
  readonly #asked = new Map<string, [provinceCode: string | null, includeSynthetic: boolean]>();

  constructor(private readonly database: Database) {}

  async columns(provinceCode: string | null, includeSynthetic: boolean): Promise<VillageMapColumns> {
    const [current] = await this.database.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version::text AS version FROM map_catalogue_version');
    if (!current) throw new Error('map_catalogue_version has no row: the database is not migrated');
    const key = `${provinceCode ?? ''}|${includeSynthetic}`;
    this.#asked.set(key, [provinceCode, includeSynthetic]);
    const held = this.#built.get(key);
    if (held?.version === current.version) return held.columns;
    const { answer } = this.#building.run(`${key}|${current.version}`, async () => {
      const built = await queryVillageMapColumns(this.database, provinceCode, includeSynthetic);
      this.#keep(key, built);
      return built;
    });
    return (await answer).columns;
  }

  /**
   * Brings the national maps and every set asked for so far up to the current catalogue version, one
   * after another: a set still current costs only the version check.
   */
  async buildAhead(): Promise<void> {
    const wanted = new Map<string, [string | null, boolean]>([['|false', [null, false]], ['|true', [null, true]], ...this.#asked]);
    for (const [provinceCode, includeSynthetic] of wanted.values()) await this.columns(provinceCode, includeSynthetic);
  }

  /** Keeps the newest build: one that started earlier may finish later. */
  #keep(key: string, built: BuiltColumns): void {
    const held = this.#built.get(key);
    if (!held || BigInt(held.version) <= BigInt(built.version)) this.#built.set(key, built);
  }
}

const memos = new WeakMap<Database, VillageMapMemo>();

/** The memo of one database (each replica keeps its own). */
export function villageMapMemo(database: Database): VillageMapMemo {
  let memo = memos.get(database);
  if (!memo) memos.set(database, (memo = new VillageMapMemo(database)));
  return memo;
}
