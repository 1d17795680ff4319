import { defineOnce } from '../core/define-once.ts';
import { PantauCampaignTotals } from './campaign-totals.ts';

defineOnce('pantau-campaign-totals', PantauCampaignTotals);

export { PantauCampaignTotals };

declare global {
  interface HTMLElementTagNameMap {
    'pantau-campaign-totals': PantauCampaignTotals;
  }
}
