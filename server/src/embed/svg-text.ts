/** Text for an SVG's content and quoted attributes; numeric references, which every XML reader knows. */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
