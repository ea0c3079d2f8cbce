/**
 * Words of a text: runs of letters and digits. A hyphenated word (IT-support) or a
 * web address (www.randers.dk, randers.dk) gives itself and its parts; an
 * apostrophe (driver's) is dropped.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (token) => out.push(token));
  return out;
}

/** Each token with the word as written that it comes from: ITsupport, IT and support from "IT-support". */
export function tokenizeAsWritten(text: string): { token: string; written: string }[] {
  const out: { token: string; written: string }[] = [];
  eachToken(text, (token, written) => out.push({ token, written }));
  return out;
}

function eachToken(text: string, emit: (token: string, written: string) => void): void {
  for (const written of text.match(/[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu) ?? []) {
    // Most words are plain letters: one test instead of the rewrites below.
    if (!/[-.'’]/u.test(written)) {
      emit(written, written);
      continue;
    }
    const w = written.replace(/^www\./iu, "").replace(/['’]\p{L}{0,2}$/u, "").replace(/['’]/g, "");
    if (!/[-.]/.test(w)) {
      emit(w, written);
      continue;
    }
    emit(w.replace(/[-.]/g, ""), written);
    for (const part of w.split(/[-.]/)) if (part.length > 1) emit(part, written);
  }
}
