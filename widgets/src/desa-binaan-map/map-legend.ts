import { html, nothing } from 'lit';
import { legendTitle, type Shading } from '@pantau/schema/choropleth';
import { t, type Language } from '../core/i18n.ts';
import { mapT } from './map-labels.ts';

export interface LegendParts {
  language: Language;
  shading: Shading | null;
  /** Whether the shaded regions are regencies (a zoomed province) rather than provinces. */
  regencies: boolean;
  priorityNames: readonly string[];
  /** Whether any place on the map stands for more than one village. */
  sharedPlaces: boolean;
}

/** The map's legend in the widget's language: the shade classes (zero and "no data" among them), the priority mark, the points. */
export function mapLegend({ language, shading, regencies, priorityNames, sharedPlaces }: LegendParts) {
  return html`<div class="legend" role="group" aria-label=${mapT('legend', language)}>
    ${
      shading
        ? html`<div class="shades">
          <span class="legend-title">${legendTitle(shading.colorBy, regencies, language)}</span>
          <ul>
            ${shading.classes.map((shade) => html`<li><span class="swatch shade-${shade.percent === null ? 'none' : shade.percent}"></span>${shade.label}</li>`)}
          </ul>
        </div>`
        : nothing
    }
    <span><span class="swatch point"></span>${mapT('villagePoint', language)}</span>
    ${sharedPlaces ? html`<span><span class="swatch point shared"></span>${mapT('sharedPlace', language)}</span>` : nothing}
    ${priorityNames.length ? html`<span><span class="swatch ${shading ? 'outline' : ''}"></span>${t('priorityLegend', language)}: ${priorityNames.join(', ')}</span>` : nothing}
  </div>`;
}
