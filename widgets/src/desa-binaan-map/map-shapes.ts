import { feature, mesh } from 'topojson-client';
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

/** A province's regencies and the province's outer border traced along them (for the priority outline). */
export interface RegencyShapes {
  shapes: Shape[];
  outline: { type: 'Feature'; properties: ShapeProperties; geometry: ReturnType<typeof mesh> } | null;
}

/** One province's regencies (or, for `national`, all 514), fetched the first time a map shows them and shared by every map on the page. */
const regencyFiles = new Map<string, Promise<RegencyShapes>>();

export function regencyShapesOf(province: string | 'national'): Promise<RegencyShapes> {
  if (province !== 'national' && !/^\d{2}$/.test(province)) return Promise.resolve({ shapes: [], outline: null });
  let shapes = regencyFiles.get(province);
  if (!shapes) {
    const file = province === 'national' ? import('../map/regencies.topo.json') : import(`../map/regencies/${province}.topo.json`);
    shapes = file.then(
      (module: { default: unknown }) => {
        const regencies = module.default as Topology<{ regencies: GeometryCollection<ShapeProperties> }>;
        const features = feature(regencies, regencies.objects.regencies).features;
        // Arcs used by one regency only are the province's own border.
        const border = mesh(regencies, regencies.objects.regencies, (a, b) => a === b);
        return { shapes: features, outline: { type: 'Feature' as const, properties: { code: province, name: '' }, geometry: border } };
      },
      // No file for that code (or the network failed): the province's own outline is drawn.
      () => ({ shapes: [], outline: null }),
    );
    regencyFiles.set(province, shapes);
  }
  return shapes;
}
