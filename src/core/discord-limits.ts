/**
 * Discord's documented limits on what a bot sends, in characters (or components), in one place.
 * Pure numbers, so the core can keep its own texts and custom ids within them while knowing
 * nothing else of Discord. The embed limits stay as bounds on the knowledge's texts (each part of a
 * guide stays the size a Discord embed field or description allows); messages are Components V2.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  url: 512,
  rowComponents: 5,
  attachmentDescription: 1024,
  /** Components V2: every component of a message, nested ones included. */
  messageComponents: 40,
  /** Components V2: the characters of all text displays of a message together. */
  messageText: 4000,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  /** An application command's name (a message command's as members see it, too). */
  commandName: 32,
  /** A slash command's description, and each option's. */
  commandDescription: 100,
} as const;
