import { html } from 'lit';
import type { WidgetData } from './widget-data.ts';

/** The data table the chart toggles to (and what screen readers use): formatted values, numbers right-aligned. */
export function dataTable<Row>(data: WidgetData<Row>) {
  return html`<div class="table-wrap">
    <table>
      <caption>${data.caption}</caption>
      <thead><tr>${data.columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.header}</th>`)}</tr></thead>
      <tbody>${data.rows.map((row) => html`<tr>${data.columns.map((c) => html`<td class=${c.numeric ? 'num' : ''}>${c.display(row)}</td>`)}</tr>`)}</tbody>
    </table>
  </div>`;
}
