import { defineOnce } from '../core/define-once.ts';
import { PantauMetricTile } from './metric-tile.ts';

defineOnce('pantau-metric-tile', PantauMetricTile);

export { PantauMetricTile };

declare global {
  interface HTMLElementTagNameMap {
    'pantau-metric-tile': PantauMetricTile;
  }
}
