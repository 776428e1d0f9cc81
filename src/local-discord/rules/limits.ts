/**
 * Discord's documented limits that the local server enforces, in one place: commands, messages,
 * components and modals. Each rule module checks requests against these.
 */
export const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
export const MAX_CHAT_INPUT_COMMANDS = 100;
/** Per app and scope, user and message commands each (15 since March 2026, 5 before). */
export const MAX_CONTEXT_MENU_COMMANDS = 15;
export const MAX_COMBINED_CHARACTERS = 8000;
export const CONTENT_MAX = 2000;
export const EMBEDS_MAX = 10;
export const EMBED_TOTAL_MAX = 6000;
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
export const SELECT_OPTIONS_MAX = 25;
/** Components in a Components V2 message, nested ones included. */
export const V2_COMPONENTS_MAX = 40;
/** Characters of all the text displays of a Components V2 message together. */
export const V2_TEXT_TOTAL_MAX = 4000;
export const SECTION_TEXTS_MAX = 3;
export const MEDIA_GALLERY_ITEMS_MAX = 10;
/** Alt text of a media gallery item or a thumbnail. */
export const MEDIA_DESCRIPTION_MAX = 1024;
export const ACCENT_COLOR_MAX = 0xffffff;
export const TOP_LEVEL_MAX = 5;
export const CUSTOM_ID_MAX = 100;
export const TITLE_MAX = 45;
export const LABEL_MAX = 45;
export const LABEL_DESCRIPTION_MAX = 100;
export const PLACEHOLDER_MAX = 100;
export const TEXT_INPUT_LENGTH_MAX = 4000;
export const TEXT_DISPLAY_MAX = 4000;
