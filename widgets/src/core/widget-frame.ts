import { html, nothing, type TemplateResult } from 'lit';
import { endpointFor } from './graphql.ts';
import { t, type Language } from './i18n.ts';
import { safeHttpUrl } from './safe-url.ts';
import { sourceLabels } from './source-labels.ts';
import type { SourceRef } from './widget-data.ts';

export interface FrameParts {
  language: Language;
  title: string;
  subtitle?: string | undefined;
  /** The active filters in words. */
  filters?: string | undefined;
  /** One sentence written from the data; the chart names it as its description (`aria-describedby`). */
  summary?: string | undefined;
  synthetic: boolean;
  busy: boolean;
  sources: readonly SourceRef[];
  /** The element's `endpoint` attribute: sources without a URL link to that server's `/sources/<key>`. */
  endpoint: string | null;
  /** Everything between the header and the source line. */
  content: TemplateResult | typeof nothing;
  /** A layer the tooltip is placed in. */
  layer?: TemplateResult | typeof nothing;
}

/** The source line: each source once, its own URL when it is http(s), else its page on the API server. */
export function sourceLine(sources: readonly SourceRef[], language: Language, endpoint: string | null) {
  if (sources.length === 0) return nothing;
  const apiOrigin = new URL(endpointFor(endpoint)).origin;
  const named = sourceLabels(sources, language);
  return html`${t(named.length > 1 ? 'sources' : 'source', language)}:
    ${named.map(({ source, label }, index) => {
      const href = safeHttpUrl(source.url) ?? `${apiOrigin}/sources/${encodeURIComponent(source.key)}`;
      return html`${index > 0 ? '; ' : ''}<a href=${href} target="_blank" rel="noopener noreferrer" title=${source.title}>${label}</a>`;
    })}`;
}

/** The card every element draws: title, synthetic badge, its content, the source line and the synthetic note. */
export function widgetFrame(parts: FrameParts) {
  const { language } = parts;
  return html`<slot name="snapshot"></slot><figure part="figure" lang=${language} aria-busy=${parts.busy ? 'true' : 'false'}>
    ${parts.layer ?? nothing}
    <header>
      <div>
        <h2 part="title">${parts.title}</h2>
        ${parts.subtitle ? html`<p class="subtitle">${parts.subtitle}</p>` : nothing}
        ${parts.filters ? html`<p class="subtitle filters" part="filters">${parts.filters}</p>` : nothing}
        ${parts.summary ? html`<p class="summary" id="pantau-summary" part="summary">${parts.summary}</p>` : nothing}
      </div>
      ${parts.synthetic ? html`<span class="badge" part="badge" title=${t('syntheticHint', language)}>${t('synthetic', language)}</span>` : nothing}
    </header>
    ${parts.content}
    <figcaption part="source">
      ${sourceLine(parts.sources, language, parts.endpoint)}
      ${parts.synthetic ? html`<p class="synthetic-note">${t('syntheticHint', language)}</p>` : nothing}
    </figcaption>
  </figure>`;
}

/** Loading and error states, the error with a retry button. */
export const states = {
  loading: (language: Language) => html`<div class="state" role="status">${t('loading', language)}</div>`,
  error: (language: Language, message: string, retry: () => void) => html`<div class="state error" role="alert">
    <div>${t('error', language)}</div>
    <div class="subtitle">${message}</div>
    <button type="button" @click=${retry}>${t('retry', language)}</button>
  </div>`,
};
