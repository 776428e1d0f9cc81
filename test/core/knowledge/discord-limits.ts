/** Discord's documented limits on message components and embeds, in characters. */
export const discordLimits = {
  buttonLabel: 80,
  buttonsPerRow: 5,
  selectOptionLabel: 100,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedTotal: 6000,
} as const;
