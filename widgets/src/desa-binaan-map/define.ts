import { defineOnce } from '../core/define-once.ts';
import { PantauDesaBinaanMap } from './desa-binaan-map.ts';

defineOnce('pantau-desa-binaan-map', PantauDesaBinaanMap);

export { PantauDesaBinaanMap };

declare global {
  interface HTMLElementTagNameMap {
    'pantau-desa-binaan-map': PantauDesaBinaanMap;
  }
}
