/** Languages the newsroom writes in; the site's own language and the story's are always offered. */
const KNOWN = [
  { code: "en", label: "English" },
  { code: "az", label: "Azərbaycanca" },
  { code: "ru", label: "Русский" },
  { code: "tr", label: "Türkçe" },
];

export function languageOptions(...extra: string[]): { code: string; label: string }[] {
  const options = [...KNOWN];
  for (const code of extra) if (code && !options.some((o) => o.code === code)) options.push({ code, label: code });
  return options;
}
