import type { Database } from '@pantau/prisma';
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
  readonly #building = new Map<string, Promise<BuiltColumns>>();
  /** Every province and synthetic choice asked for, so they can be built again ahead of the next visitor. */
  readonly #asked = new Map<string, [provinceCode: string | null, includeSynthetic: boolean]>();

  constructor(private readonly database: Database) {}

  async columns(provinceCode: string | null, includeSynthetic: boolean): Promise<VillageMapColumns> {
    const [current] = await this.database.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version::text AS version FROM map_catalogue_version');
    const key = `${provinceCode ?? ''}|${includeSynthetic}`;
    this.#asked.set(key, [provinceCode, includeSynthetic]);
    const held = this.#built.get(key);
    if (current && held?.version === current.version) return held.columns;
    const flight = `${key}|${current?.version ?? ''}`;
    let building = this.#building.get(flight);
    if (!building) {
      building = queryVillageMapColumns(this.database, provinceCode, includeSynthetic).finally(() => this.#building.delete(flight));
      this.#building.set(flight, building);
      building.then(
        (built) => this.#keep(key, built),
        () => undefined,
      );
    }
    return (await building).columns;
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
