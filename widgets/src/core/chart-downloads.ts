import { html, nothing } from 'lit';
import type { View } from 'vega';
import { loadCanvasRenderer } from './canvas-renderer.ts';
import { csvColumns, type RowFacts } from './csv-facts.ts';
import { pictureSvg, picturePng, type PictureWords } from './download-picture.ts';
import { downloadName, saveAs, saveCsv, saveText, type DownloadNaming } from './downloads.ts';
import { formatDate, t, type Language } from './i18n.ts';
import { sourceLabels } from './source-labels.ts';
import type { ChartColors } from './vega-view.ts';
import type { SourceRef, WidgetData } from './widget-data.ts';

/** Everything a download says besides its chart, from the widget as it is on screen. */
export interface DownloadContext<Row> {
  root: ShadowRoot;
  naming: Omit<DownloadNaming, 'date' | 'synthetic' | 'language'>;
  language: Language;
  title: string;
  filters: string;
  summary: string;
  data: WidgetData<Row>;
  facts: ((row: Row) => RowFacts) | null;
  colors: ChartColors;
  view: View | null;
  /** Today, ISO; a parameter so tests and the file name agree on the day. */
  today: string;
}

/** The source line as plain text, as the card's caption reads: `Sumber: ANTARA, 20 Jan 2026; …`. */
export function sourceText(sources: readonly SourceRef[], language: Language): string | null {
  if (sources.length === 0) return null;
  const named = sourceLabels(sources, language);
  return `${t(named.length > 1 ? 'sources' : 'source', language)}: ${named.map(({ label }) => label).join('; ')}`;
}

function wordsOf<Row>(context: DownloadContext<Row>): PictureWords {
  const { language, data } = context;
  return {
    title: context.title,
    subtitle: data.subtitle,
    filters: context.filters,
    summary: context.summary,
    sources: sourceText(data.sources, language),
    licence: t('licence', language),
    drawn: `${t('drawnOn', language)} ${formatDate(context.today, language)}`,
    synthetic: data.synthetic ? { badge: t('synthetic', language), note: t('syntheticHint', language) } : null,
  };
}

const nameFor = <Row>(context: DownloadContext<Row>, extension: string) =>
  downloadName({ ...context.naming, date: context.today, synthetic: context.data.synthetic, language: context.language }, extension);

export function downloadCsv<Row>(context: DownloadContext<Row>): void {
  const columns = context.facts ? csvColumns(context.data.columns, context.facts, context.language) : context.data.columns;
  saveCsv(context.root, nameFor(context, 'csv'), columns, context.data.rows);
}

/** The chart with its title, filters, summary, sources, licence, date and synthetic badge, as SVG or PNG. */
export async function downloadImage<Row>(context: DownloadContext<Row>, type: 'png' | 'svg'): Promise<void> {
  const { view, colors } = context;
  if (!view) return;
  const words = wordsOf(context);
  // The picture is the chart's own width plus the card's padding, at least as wide as a phone.
  const frame = (chartWidth: number) => Math.max(Math.ceil(chartWidth) + 32, 320);
  if (type === 'svg') {
    const chart = await view.toSVG();
    const size = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(chart)?.[1] ?? 0);
    saveText(context.root, nameFor(context, 'svg'), pictureSvg(chart, size('height'), frame(size('width')), words, colors), 'image/svg+xml;charset=utf-8');
    return;
  }
  const scale = 2;
  await loadCanvasRenderer();
  const canvas = (await view.toCanvas(scale)) as unknown as HTMLCanvasElement;
  saveAs(context.root, nameFor(context, 'png'), picturePng(canvas, scale, frame(canvas.width / scale), words, colors));
}

/** The table toggle and the three downloads. */
export function chartToolbar<Row>(options: { language: Language; showTable: boolean; toggle: () => void; context: () => DownloadContext<Row> }) {
  const { language, showTable } = options;
  return html`<div class="toolbar" part="toolbar">
    <button type="button" aria-pressed=${showTable ? 'true' : 'false'} aria-controls="widget-body" @click=${options.toggle}>${t(showTable ? 'showChart' : 'showTable', language)}</button>
    <button type="button" @click=${() => downloadCsv(options.context())}>${t('downloadCsv', language)}</button>
    ${
      showTable
        ? nothing
        : html`<button type="button" @click=${() => void downloadImage(options.context(), 'png')}>${t('downloadPng', language)}</button>
          <button type="button" @click=${() => void downloadImage(options.context(), 'svg')}>${t('downloadSvg', language)}</button>`
    }
  </div>`;
}
