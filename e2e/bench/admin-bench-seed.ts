/**
 * Bulk seed for the admin benchmark: sections, 40 authors and N articles
 * written by one INSERT … SELECT generate_series per batch. Text is drawn
 * from the demo stories plus random vocabulary, so full-text search sees a
 * realistic spread of common and rare words (each article also carries a
 * file reference shared with about two others); the database trigger fills
 * "searchVector" exactly as for articles saved through the app.
 */
import { demoStories } from "../../prisma/seed/demo-stories";
import { referenceStory } from "../../prisma/seed/reference-story";
import { seedSections } from "../../prisma/seed/sections";

/** Runs one SQL statement with positional parameters, returning rows. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

const stories = [referenceStory, ...demoStories];
const paragraphs = stories.flatMap((s) => [...s.paragraphs, s.lead]);
const titles = stories.map((s) => s.title);
const leads = stories.map((s) => s.lead);
const summaries = stories.map((s) => s.summary);
const words = [...new Set(paragraphs.join(" ").toLowerCase().match(/[a-z]{4,}/g) ?? [])];

// Russian and Azerbaijani copy for the other languages' rows (original text).
const ruParagraphs = [
  "Министерство иностранных дел сообщило о проведении политических консультаций в Баку.",
  "Цены на нефть марки Азери Лайт выросли на мировых рынках на фоне сокращения предложения.",
  "В ходе встречи стороны обсудили развитие транспортного коридора и торговое сотрудничество.",
  "Государственный комитет по статистике опубликовал данные о росте ненефтяного экспорта.",
  "Сборная по футболу провела тренировку перед отборочным матчем чемпионата Европы.",
  "В столице открылась международная выставка, посвящённая цифровым технологиям.",
  "Центральный банк сохранил учётную ставку без изменений по итогам заседания.",
  "Парламент принял в первом чтении законопроект об образовании.",
];
const azParagraphs = [
  "Xarici İşlər Nazirliyi Bakıda siyasi məsləhətləşmələrin keçirildiyini bildirib.",
  "Azəri Layt neftinin qiyməti dünya bazarlarında bahalaşıb.",
  "Görüşdə tərəflər nəqliyyat dəhlizinin inkişafını və ticarət əməkdaşlığını müzakirə ediblər.",
  "Dövlət Statistika Komitəsi qeyri-neft ixracının artımı barədə məlumat yayıb.",
  "Milli komanda Avropa çempionatının seçmə mərhələsinə hazırlaşır.",
  "Mərkəzi Bank uçot dərəcəsini dəyişməz saxlayıb.",
];

export interface BenchFixtures {
  editorId: string;
  authorIds: string[];
  authorSlugs: string[];
  sectionSlugs: string[];
}

/** Sections (with the economy → business nesting) and the bench accounts. */
export async function seedBenchAccounts(query: RawQuery): Promise<BenchFixtures> {
  const ids = new Map<string, string>();
  for (const [position, section] of seedSections.entries()) {
    const parentId = "parent" in section ? ids.get(section.parent) : null;
    const [row] = await query<{ id: string }>(
      `INSERT INTO "Category" ("id","name","slug","description","position","parentId","updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING "id"`,
      [section.name, section.slug, section.description, position, parentId],
    );
    ids.set(section.slug, row?.id as string);
  }
  const users = await query<{ id: string; slug: string; role: string }>(
    `INSERT INTO "User" ("id","email","name","slug","role","passwordHash","updatedAt")
     SELECT gen_random_uuid(), 'bench' || g || '@newsdesk.test', 'Bench Writer ' || g, 'bench-writer-' || g,
            (CASE WHEN g = 0 THEN 'EDITOR' ELSE 'AUTHOR' END)::"Role", 'x', now()
     FROM generate_series(0, 40) g ORDER BY g RETURNING "id", "slug", "role"`,
  );
  const editor = users.find((u) => u.role === "EDITOR");
  const authors = users.filter((u) => u.role === "AUTHOR");
  return {
    editorId: editor?.id as string,
    authorIds: authors.map((a) => a.id),
    authorSlugs: authors.map((a) => a.slug),
    sectionSlugs: [...ids.keys()],
  };
}

/**
 * Articles `from`..`to` (inclusive). Status mix: 80% published, 8% draft,
 * 3% in review, 2% scheduled ahead, 1% scheduled and due, 6% archived;
 * 85% English, 10% Russian, 5% Azerbaijani; article n is dated n/100,000
 * of the way through the last five years (1,000 articles are a young
 * newsroom's first weeks); sections and authors skewed as in a real one.
 */
export async function seedBenchArticles(query: RawQuery, fixtures: BenchFixtures, from: number, to: number): Promise<void> {
  const categories = await query<{ id: string }>(`SELECT "id" FROM "Category" ORDER BY "position"`);
  const batch = 10_000;
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await query(INSERT_ARTICLES, [
      start,
      end,
      paragraphs,
      titles,
      leads,
      summaries,
      words,
      ruParagraphs,
      azParagraphs,
      categories.map((c) => c.id),
      fixtures.authorIds,
    ]);
  }
}

// $1 from, $2 to, $3 paragraphs, $4 titles, $5 leads, $6 summaries, $7 words,
// $8 ru paragraphs, $9 az paragraphs, $10 category ids, $11 author ids.
const INSERT_ARTICLES = `
WITH r AS (
  SELECT g,
    (hashint4(g * 11 + 1) & 2147483647) % 10000 AS rs,
    (hashint4(g * 11 + 2) & 2147483647) % 100 AS rl,
    (hashint4(g * 11 + 3) & 2147483647)::float8 / 2147483647 AS rt,
    (hashint4(g * 11 + 4) & 2147483647)::float8 / 2147483647 AS rc,
    (hashint4(g * 11 + 5) & 2147483647)::float8 / 2147483647 AS ra,
    (hashint4(g * 11 + 6) & 2147483647) AS rp,
    (hashint4(g * 11 + 7) & 2147483647) AS rw,
    (hashint4(g * 11 + 8) & 2147483647)::float8 / 2147483647 AS rd
  FROM generate_series($1::int, $2::int) g
), shaped AS (
  SELECT r.*,
    CASE WHEN rs < 8000 THEN 'PUBLISHED' WHEN rs < 8800 THEN 'DRAFT' WHEN rs < 9100 THEN 'IN_REVIEW'
         WHEN rs < 9400 THEN 'SCHEDULED' ELSE 'ARCHIVED' END AS status,
    CASE WHEN rl < 85 THEN 'en' WHEN rl < 95 THEN 'ru' ELSE 'az' END AS lang,
    -- Stories arrive in time order, as in a real newsroom (so the heap is
    -- roughly in date order too), with a day of jitter.
    LEAST(now(), now() - interval '5 years' + (g::float8 / 100000) * interval '5 years' + (rt - 0.5) * interval '1 day') AS t,
    rs >= 9100 AND rs < 9300 AS is_ahead,
    rs >= 9300 AND rs < 9400 AS is_due
  FROM r
), timed AS (
  SELECT s.*,
    CASE WHEN status IN ('DRAFT', 'IN_REVIEW') THEN NULL
         WHEN is_ahead THEN now() + rd * interval '30 days'
         WHEN is_due THEN now() - rd * interval '2 days'
         ELSE date_trunc('minute', t) END AS published_at
  FROM shaped s
), texts AS (
  SELECT t.*,
    CASE lang
      WHEN 'en' THEN ($4::text[])[1 + rp % cardinality($4::text[])] || ': ' || ($7::text[])[1 + rw % cardinality($7::text[])]
      WHEN 'ru' THEN split_part(($8::text[])[1 + rp % cardinality($8::text[])], ',', 1)
      ELSE split_part(($9::text[])[1 + rp % cardinality($9::text[])], ',', 1) END AS title,
    CASE lang
      WHEN 'en' THEN (
        SELECT string_agg('<p>' || ($3::text[])[1 + (t.rp / (k * 7 + 1) + k * 31) % cardinality($3::text[])] || '</p>', '' ORDER BY k)
        FROM generate_series(1, 8) k
      ) || '<p>' || (
        SELECT string_agg(($7::text[])[1 + (hashint4(t.g * 37 + k) & 2147483647) % cardinality($7::text[])], ' ' ORDER BY k)
        FROM generate_series(1, 30) k
      ) || '.</p><p>File ref' || (hashint4(t.g * 37) & 2147483647) % 40000 || '.</p>'
      WHEN 'ru' THEN (
        SELECT string_agg('<p>' || ($8::text[])[1 + (t.rp / (k + 1) + k) % cardinality($8::text[])] || '</p>', '' ORDER BY k)
        FROM generate_series(1, 6) k)
      ELSE (
        SELECT string_agg('<p>' || ($9::text[])[1 + (t.rp / (k + 1) + k) % cardinality($9::text[])] || '</p>', '' ORDER BY k)
        FROM generate_series(1, 5) k)
    END AS body
  FROM timed t
)
INSERT INTO "Article" ("id", "language", "slug", "title", "summary", "lead", "body", "status", "publishedAt",
  "contentUpdatedAt", "categoryId", "authorId", "createdAt", "updatedAt")
SELECT
  (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8'
    || substr(md5(g::text), 4, 15))::uuid,
  lang,
  'bench-' || g,
  title,
  CASE WHEN lang = 'en' THEN ($6::text[])[1 + rw % cardinality($6::text[])] END,
  CASE lang WHEN 'en' THEN ($5::text[])[1 + rw % cardinality($5::text[])]
            WHEN 'ru' THEN ($8::text[])[1 + rw % cardinality($8::text[])]
            ELSE ($9::text[])[1 + rw % cardinality($9::text[])] END,
  body,
  status::"ArticleStatus",
  published_at,
  published_at,
  ($10::uuid[])[1 + LEAST(cardinality($10::uuid[]) - 1, floor(power(rc, 1.6) * cardinality($10::uuid[]))::int)],
  ($11::uuid[])[1 + LEAST(cardinality($11::uuid[]) - 1, floor(power(ra, 1.5) * cardinality($11::uuid[]))::int)],
  t,
  LEAST(now(), GREATEST(t, coalesce(published_at, t)) + rd * interval '3 days')
FROM texts`;
