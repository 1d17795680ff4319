import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import indonesia from '../map/indonesia.topo.json';

/** A province's or regency's properties in the bundled TopoJSON: its Kemendagri code and name. */
export interface ShapeProperties {
  code: string;
  name: string;
}

const topology = indonesia as unknown as Topology<{ provinces: GeometryCollection<ShapeProperties> }>;
/** Province shapes, decoded once per page and shared by every map on it. */
export const provinceShapes = feature(topology, topology.objects.provinces).features;

export type Shape = (typeof provinceShapes)[number];

/** One province's regencies, fetched the first time a map zooms to it and shared by every map on the page. */
const regencyFiles = new Map<string, Promise<Shape[]>>();

export function regencyShapesOf(province: string): Promise<Shape[]> {
  if (!/^\d{2}$/.test(province)) return Promise.resolve([]);
  let shapes = regencyFiles.get(province);
  if (!shapes) {
    shapes = import(`../map/regencies/${province}.topo.json`).then(
      (module: { default: unknown }) => {
        const regencies = module.default as Topology<{ regencies: GeometryCollection<ShapeProperties> }>;
        return feature(regencies, regencies.objects.regencies).features;
      },
      // No file for that code (or the network failed): the province's own outline is drawn.
      () => [],
    );
    regencyFiles.set(province, shapes);
  }
  return shapes;
}
