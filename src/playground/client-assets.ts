import { readFile } from 'node:fs/promises';

export interface ClientAssets {
  readonly script: string;
  readonly styles: string;
}

/**
 * Reads the page's script and styles from `folder`, where `npm run build` bundles them (the page's
 * code and the Discord web components from node_modules), so the page needs no CDN and starting
 * the playground bundles nothing.
 */
export async function loadClientAssets(folder: URL): Promise<ClientAssets> {
  try {
    const [script, styles] = await Promise.all([readFile(new URL('page.js', folder), 'utf8'), readFile(new URL('app.css', folder), 'utf8')]);
    return { script, styles };
  } catch (cause) {
    throw new Error(`The playground page is not built in ${folder.pathname}: run \`npm run build\` (\`npm start\` does it for you).`, { cause });
  }
}
