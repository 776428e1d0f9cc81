// discord-api-spec/zod ships plain JavaScript; these are the few schemas the server uses.
declare module 'discord-api-spec/zod' {
  export interface SpecIssue {
    readonly code: string;
    readonly path: readonly PropertyKey[];
    readonly message: string;
    readonly origin?: string;
    readonly expected?: string;
    readonly maximum?: number | bigint;
    readonly minimum?: number | bigint;
    readonly values?: readonly unknown[];
    readonly errors?: readonly (readonly SpecIssue[])[];
    readonly keys?: readonly string[];
  }
  export type SpecResult = { readonly success: true; readonly data: unknown } | { readonly success: false; readonly error: { readonly issues: readonly SpecIssue[] } };
  export interface SpecSchema {
    safeParse(input: unknown): SpecResult;
  }
  export const MessageCreateRequestSchema: SpecSchema;
  export const MessageEditRequestPartialSchema: SpecSchema;
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const ModalInteractionCallbackRequestSchema: SpecSchema;
  export const PongInteractionCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const ApplicationCommandUpdateRequestSchema: SpecSchema;
  export const CreatePrivateChannelRequestSchema: SpecSchema;
}
