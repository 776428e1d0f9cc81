// Imported before the component library: it reads this global once, when it loads, and would
// otherwise point every default avatar at Discord's CDN.
import { avatarFor } from './avatars.ts';

(globalThis as { $discordMessage?: unknown }).$discordMessage = {
  avatars: { default: avatarFor('?', 5) },
  defaultTheme: 'dark',
};
