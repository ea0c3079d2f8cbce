/**
 * Citizens' details end up in questions ("borgeren 010190-1234 har skrevet fra
 * a@b.dk"). Before a question or comment is written anywhere, CPR numbers, e-mail
 * addresses and Danish phone numbers are replaced by a placeholder, so the log never
 * holds them; and the search leaves them out, since they are never a question's topic.
 * Pure, so it can be tested on its own.
 */

/** ddmmyy-xxxx or ddmmyyxxxx (also with a space), not inside a longer number. */
const CPR = /(?<![\d-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?![\d-])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Eight digits, written together or in pairs/fours, optionally after +45 or 0045. */
const PHONE = /(?<![\d+])(?:(?:\+|00)45[\s-]?)?(?:\d{8}|\d{2}(?:[\s-]\d{2}){3}|\d{4}[\s-]\d{4})(?![\d-])/g;

export const MASKS = { cpr: "[cpr]", email: "[e-mail]", phone: "[telefon]" } as const;

export function maskPersonalData(text: string, masks: Record<keyof typeof MASKS, string> = MASKS): string {
  // CPR first: ten digits would otherwise be read as a phone number and two more.
  return text.replace(CPR, masks.cpr).replace(EMAIL, masks.email).replace(PHONE, masks.phone);
}

/** The text with CPR numbers, e-mail addresses and phone numbers left out: they are never what a question is about. */
export function withoutPersonalData(text: string): string {
  return maskPersonalData(text, { cpr: " ", email: " ", phone: " " });
}
