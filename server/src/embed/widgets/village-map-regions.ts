import { regionShade, type Shading } from '@pantau/schema/choropleth';
import type { Geography } from '../picture.ts';

type Shape = Geography['provinces'][number];

export interface VillageMapShapes {
  /** Every province (`allProvinces`), and those drawn: all of them, or the one zoomed to. */
  allProvinces: readonly Shape[];
  provinces: readonly Shape[];
  /** The regencies drawn instead of provinces (a zoomed province's, or all 514); empty draws provinces. */
  regencies: readonly Shape[];
  priorityCodes: ReadonlySet<string>;
  zoomed: boolean;
  shading: Shading | null;
}

/**
 * The `provinces` and `priority` datasets of the village-map spec, as `<pantau-desa-binaan-map>`
 * builds them (widgets/src/desa-binaan-map/desa-binaan-map.spec.ts) less the tooltips, which a
 * picture cannot show: each region's group and shade, and the priority layer, an outline only
 * when the map is shaded.
 */
export function villageMapRegions({ allProvinces, provinces, regencies, priorityCodes, zoomed, shading }: VillageMapShapes) {
  const asRegencies = regencies.length > 0;
  const zoomedTo = zoomed ? provinces[0] : undefined;
  const regionOf = (shape: Shape) => {
    const { code } = shape.properties;
    return {
      ...shape,
      code,
      group: priorityCodes.has(code.slice(0, 2)) ? 'highlight' : 'normal',
      ...(shading && regionShade(shading, code)),
    };
  };
  const regions = (asRegencies ? regencies : provinces).map(regionOf);
  const outlineOnly = shading !== null;
  if (asRegencies && outlineOnly) {
    // The element traces a zoomed priority province's border along its regencies; the picture has
    // the province's own shape, which as an outline draws the same border.
    const outline = zoomedTo && priorityCodes.has(zoomedTo.properties.code) ? [zoomedTo] : [];
    const priority = zoomed ? outline : allProvinces.filter((shape) => priorityCodes.has(shape.properties.code));
    return { regions, priority: priority.map((shape) => ({ ...shape, outlineOnly })) };
  }
  return { regions, priority: regions.filter((region) => region.group === 'highlight').map((region) => ({ ...region, outlineOnly })) };
}
