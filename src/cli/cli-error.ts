/** A mistake in how the CLI was called: shown as a message with the usage, never a stack. */
export class UsageError extends Error {}
