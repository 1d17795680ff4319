// How a map is shaded by a coverage figure (`color-by`): the element draws it and the server's
// snapshot draws the same classes, so both import it from here. Plain data and Intl only.
export { colorByValues, colorByOf, figureName, legendTitle, type ColorBy } from './color-by.ts';
export { figureOf, type CoverageFigures, type RegionFigure } from './region-figure.ts';
export { shadeClasses, type ShadeClass } from './shade-classes.ts';
export { regionShade, regionShading, type RegionShade, type Shading } from './region-shading.ts';
export { choroplethLabels, choroplethT, type ChoroplethLabelKey } from './labels.ts';
export { villageMapLayers, type VillageMapLayersOptions } from './village-map-layers.ts';
