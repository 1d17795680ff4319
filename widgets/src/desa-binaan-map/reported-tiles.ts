import { html } from 'lit';
import { formatNumber, t, type Language } from '../core/i18n.ts';
import type { DesaBinaanMapAnswer } from './desa-binaan-map.data.ts';

/** The national figures the ministry reported, drawn beside the map even when no village is on record. */
export function reportedTiles(answer: DesaBinaanMapAnswer, language: Language) {
  const tiles = [
    { figure: answer.reportedVillages.total, label: t('partnerVillages', language) },
    { figure: answer.reportedPimpasa.total, label: t('pimpasa', language) },
  ];
  return html`<div class="kpis" role="list">
    ${tiles.map((tile) =>
      tile.figure?.value
        ? html`<div class="kpi" role="listitem">
            <div class="kpi-value">${tile.figure.isLowerBound ? html`<span class="kpi-qualifier">${t('lowerBound', language)} </span>` : ''}${formatNumber(tile.figure.value, language)}</div>
            <div class="kpi-label">${tile.label} · ${t('national', language).toLowerCase()}, ${t('reported', language)}</div>
          </div>`
        : '',
    )}
  </div>`;
}
