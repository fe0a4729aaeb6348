import { useCallback, useState } from 'react';

/**
 * The errors of a form's fields, each of which leaves as soon as the person edits its field. An error says what
 * was wrong with the value that was sent; left beside a value the person has since corrected, it says something
 * false and sends them looking for a problem that is gone (the error summary lists only what is still wrong).
 * The field's handler calls `clear(field)`; a submit replaces the whole set with `setErrors`.
 *
 * `T` maps each field to its error: a message, or for a list of fields (the charter's questions) one per item.
 */
export function useFieldErrors<T extends Record<string, unknown>>() {
  const [errors, setErrors] = useState<Partial<T>>({});
  const clear = useCallback((...fields: (keyof T)[]) => {
    setErrors((current) => {
      if (!fields.some((f) => current[f] !== undefined)) return current;
      const next = { ...current };
      for (const f of fields) delete next[f];
      return next;
    });
  }, []);
  return { errors, setErrors, clear };
}
