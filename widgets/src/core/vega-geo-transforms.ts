/**
 * The transforms of the map's spec (projected shapes and points), registered by the map element
 * only, so the charts do not ship them. See `vega-runtime.ts`.
 */
import { transforms } from 'vega-dataflow';
import geojson from 'vega-geo/src/GeoJSON.js';
import geopoint from 'vega-geo/src/GeoPoint.js';
import geoshape from 'vega-geo/src/GeoShape.js';
import projection from 'vega-geo/src/Projection.js';

Object.assign(transforms, { geojson, geopoint, geoshape, projection });
