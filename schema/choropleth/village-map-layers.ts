import { regionShade, type Shading } from './region-shading.ts';

interface RegionShape {
  properties: { code: string };
}

export interface VillageMapLayersOptions<S extends RegionShape, O> {
  /** The regions drawn: the regencies (a zoomed province's, or all 514), else the provinces. */
  regions: readonly S[];
  asRegencies: boolean;
  /** Every province, for the priority outlines of a national map of regencies. */
  allProvinces: readonly S[];
  priorityCodes: ReadonlySet<string>;
  /** The province zoomed to, and its border to outline when it is a priority; null nationally. */
  zoomedTo: { code: string; outline: O | null } | null;
  shading: Shading | null;
}

/**
 * The `provinces` and `priority` datasets of the village-map spec: each region with its group
 * (in a priority province or not) and shade, plus `extra` fields (tooltips); and the priority layer,
 * an outline only when the map is shaded. The element and the server's picture both draw these.
 */
export function villageMapLayers<S extends RegionShape, O extends object, E extends object>(
  { regions, asRegencies, allProvinces, priorityCodes, zoomedTo, shading }: VillageMapLayersOptions<S, O>,
  extra: (shape: S) => E = () => ({}) as E,
) {
  const marks = regions.map((shape) => {
    const { code } = shape.properties;
    const group: 'highlight' | 'normal' = priorityCodes.has(code.slice(0, 2)) ? 'highlight' : 'normal';
    return { ...shape, code, group, ...extra(shape), ...(shading && regionShade(shading, code)) };
  });
  const outlineOnly = shading !== null;
  // Zoomed to a priority province, its regencies carry the priority colour themselves (or, shaded, its
  // border is traced along them): the province's outline drawn over them would hide their borders.
  // Nationally, shaded regencies are outlined by their priority province's border.
  if (asRegencies && outlineOnly) {
    const zoomedOutline = zoomedTo?.outline && priorityCodes.has(zoomedTo.code) ? [zoomedTo.outline] : [];
    const priority = zoomedTo ? zoomedOutline : allProvinces.filter((shape) => priorityCodes.has(shape.properties.code));
    return { regions: marks, priority: priority.map((shape: S | O) => ({ ...shape, outlineOnly })) };
  }
  return { regions: marks, priority: marks.filter((mark) => mark.group === 'highlight').map((mark) => ({ ...mark, outlineOnly })) };
}
