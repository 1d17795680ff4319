import { defineOnce } from '../core/define-once.ts';
import { PantauTppoCoverage } from './tppo-coverage.ts';

defineOnce('pantau-tppo-coverage', PantauTppoCoverage);

export { PantauTppoCoverage };

declare global {
  interface HTMLElementTagNameMap {
    'pantau-tppo-coverage': PantauTppoCoverage;
  }
}
