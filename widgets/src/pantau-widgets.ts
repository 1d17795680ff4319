/// <reference types="vite/client" />
/**
 * The one-script-tag bundle: defines every Pantau element, found from the element folders (each
 * `<folder>/define.ts` registers `<pantau-folder>`), so a new element needs no line here.
 */
import.meta.glob('./*/define.ts', { eager: true });
