/**
 * Latin transliteration for the newsroom's languages (Azerbaijani, Russian,
 * Turkish) so headlines become readable ASCII slugs.
 */
const TRANSLITERATION: Record<string, string> = {
  // Azerbaijani / Turkish
  ə: "e", ı: "i", ğ: "g", ş: "sh", ç: "ch", ö: "o", ü: "u", İ: "i", Ə: "e",
  // Russian (ISO 9 / passport-style, simplified)
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** Maximum slug length: long enough for a headline, short enough for a URL. */
export const MAX_SLUG_LENGTH = 120;

/** "Azərbaycan və Serbiya" → "azerbaycan-ve-serbiya". */
export function slugify(text: string): string {
  const lower = text.toLocaleLowerCase("en-US");
  const transliterated = Array.from(lower, (ch) => TRANSLITERATION[ch] ?? ch).join("");
  return transliterated
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
}

/** True for slugs slugify could have produced. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
