import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import type { PantauEventMap } from './events.ts';
import { HostThemeController, resolveTheme } from './host-theme.ts';
import type { Language } from './i18n.ts';
import { LanguageController } from './language-controller.ts';
import { SnapshotController } from './snapshot-controller.ts';
import { widgetStyles } from './styles.ts';
import { WidthController } from './width-controller.ts';

/**
 * What every Pantau element shares: the attributes `endpoint`, `theme`, `include-synthetic` and
 * `heading`, the language and width it follows, the theme it resolves to, and typed events.
 * A live change of the host's theme or of any `--pantau-*` property (set in the element's,
 * style, `html` or `body`) redraws a chart in the new colours, its marks included.
 *
 * @fires pantau-load - Data arrived; `detail.rows` are the rows of the data table.
 * @fires pantau-error - Loading failed; `detail.message` says why, and the element shows its error state with a retry button.
 * @slot snapshot - The server-drawn picture of the same attributes (`<img slot="snapshot" src="…/snapshot/…svg">`), shown until the element has drawn its figures.
 * @csspart figure - The card around everything.
 * @csspart title - The title.
 * @csspart badge - The “Data sintetis” badge.
 * @csspart source - The source line.
 * @cssproperty --pantau-font-family - Font of text and chart labels (default: the system UI font).
 * @cssproperty --pantau-font-size - Base font size (default 14px).
 * @cssproperty --pantau-background - Card background.
 * @cssproperty --pantau-surface - Background of tiles and buttons.
 * @cssproperty --pantau-text - Main text colour.
 * @cssproperty --pantau-muted - Secondary text and axis labels.
 * @cssproperty --pantau-border - Borders and grid lines.
 * @cssproperty --pantau-accent - Bars, points, links and focus rings.
 * @cssproperty --pantau-highlight - Priority regions, lower bounds and the synthetic-data badge.
 * @cssproperty --pantau-radius - Corner radius of the card.
 */
export abstract class PantauElement extends LitElement {
  static override styles: CSSResultGroup = widgetStyles;

  static override properties = {
    endpoint: { type: String },
    theme: { type: String, reflect: true },
    includeSynthetic: { type: Boolean, attribute: 'include-synthetic' },
    heading: { type: String },
  };

  /** GraphQL endpoint. Default: `/graphql` on the server the script was loaded from. */
  declare endpoint: string | null;
  /** `auto` (default) follows the host page (a `dark` class, `data-theme` or `data-bs-theme` on `html` or `body`, then `color-scheme`), then the reader’s system setting, live; `light` or `dark` fixes it. */
  declare theme: 'auto' | 'light' | 'dark';
  /** Also show synthetic demo data; a “Data sintetis” badge then says so. */
  declare includeSynthetic: boolean;
  /** Replaces the default title. */
  declare heading: string | null;

  readonly #language = new LanguageController(this);
  readonly #width = new WidthController(this);

  constructor() {
    super();
    new HostThemeController(this);
    new SnapshotController(this, (rows) => this.waitsForChart(rows));
    this.endpoint = null;
    this.theme = 'auto';
    this.includeSynthetic = false;
    this.heading = null;
  }

  /** Whether, with `rows` loaded, a chart is still to be drawn (a snapshot then stands in until `pantau-render`). */
  protected waitsForChart(_rows: number): boolean {
    return false;
  }

  /** `id` or `en`: the element's own `lang`, else the nearest ancestor's, else the page's. */
  protected get language(): Language {
    return this.#language.value;
  }

  /** Content width in pixels, 0 before the first layout. */
  protected get width(): number {
    return this.#width.value;
  }

  /** Fires one of the events in `PantauEventMap`, bubbling out of the shadow root. */
  protected emit<Name extends keyof PantauEventMap>(name: Name, detail: PantauEventMap[Name]['detail']): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** The theme in force, as an attribute the styles select on (`data-pantau-theme`). */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const theme = resolveTheme(this, this.theme);
    if (this.dataset.pantauTheme !== theme) this.dataset.pantauTheme = theme;
  }
}
