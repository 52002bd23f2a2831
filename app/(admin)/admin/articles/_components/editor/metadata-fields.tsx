"use client";

import { FIELD_LABELS } from "@/lib/content/form-fields";
import { articlePath } from "@/lib/urls";
import { SEO_HINTS, type ArticleFormFields } from "@/lib/validations/article";
import { Field, LengthHint } from "./field";

export interface SectionOption {
  id: string;
  name: string;
  slug: string;
  parentName: string | null;
}

interface Props {
  fields: ArticleFormFields;
  tagsText: string;
  errors: Record<string, string[]>;
  sections: SectionOption[];
  languages: { code: string; label: string }[];
  timeZone: string;
  isSlugAuto: boolean;
  slugSuggestion?: string;
  canSetPublicationTime: boolean;
  publishedAtLabel: string | null;
  onChange: (patch: Partial<ArticleFormFields>) => void;
  onSlugEdit: (slug: string) => void;
  onSlugReset: () => void;
  onTagsChange: (text: string) => void;
}

/** Everything about the story besides its text (headline, lead, body), from summary to search engines. */
export function MetadataFields(props: Props) {
  const { fields, errors, sections, onChange } = props;
  const section = sections.find((s) => s.id === fields.sectionId);
  return (
    <>
      <Field id="article-summary" label={FIELD_LABELS.summary} errors={errors.summary} hint="Teaser for lists, feeds and link previews.">
        {(aria) => <textarea {...aria} rows={2} value={fields.summary} onChange={(e) => onChange({ summary: e.target.value })} />}
      </Field>
      <Field
        id="article-slug"
        label={FIELD_LABELS.slug}
        errors={errors.slug}
        hint={
          <>
            {props.isSlugAuto ? "Follows the headline until you edit it. " : ""}
            URL: <code>{articlePath(section?.slug ?? "<section>", fields.slug || "<slug>")}</code>
          </>
        }
      >
        {(aria) => (
          <div className="input-row">
            <input {...aria} type="text" autoComplete="off" spellCheck={false} value={fields.slug} onChange={(e) => props.onSlugEdit(e.target.value)} />
            {props.slugSuggestion && (
              <button type="button" className="button" onClick={() => props.onSlugEdit(props.slugSuggestion ?? "")}>
                Use “{props.slugSuggestion}”
              </button>
            )}
            {!props.isSlugAuto && (
              <button type="button" className="button button--ghost" onClick={props.onSlugReset}>
                From headline
              </button>
            )}
          </div>
        )}
      </Field>
      <div className="field-grid">
        <Field id="article-section" label={FIELD_LABELS.sectionId} errors={errors.sectionId}>
          {(aria) => (
            <select {...aria} value={fields.sectionId} onChange={(e) => onChange({ sectionId: e.target.value })}>
              <option value="">Choose a section…</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.parentName ? `${s.parentName} › ${s.name}` : s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="article-language" label={FIELD_LABELS.language} errors={errors.language}>
          {(aria) => (
            <select {...aria} value={fields.language} onChange={(e) => onChange({ language: e.target.value })}>
              {props.languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="article-tags" label={FIELD_LABELS.tags} errors={errors.tags} hint="Separate with commas. New tags are created as you save.">
        {(aria) => <input {...aria} type="text" autoComplete="off" value={props.tagsText} onChange={(e) => props.onTagsChange(e.target.value)} />}
      </Field>
      <div className="field-grid">
        <Field id="article-byline" label={FIELD_LABELS.byline} errors={errors.byline} hint="Printed byline; empty shows the author's name.">
          {(aria) => <input {...aria} type="text" value={fields.byline} onChange={(e) => onChange({ byline: e.target.value })} />}
        </Field>
        <Field id="article-source" label={FIELD_LABELS.sourceAttribution} errors={errors.sourceAttribution} hint="e.g. citing Azerbaijani Ministry of Foreign Affairs">
          {(aria) => <input {...aria} type="text" value={fields.sourceAttribution} onChange={(e) => onChange({ sourceAttribution: e.target.value })} />}
        </Field>
      </div>
      <Field id="article-published-at" label={`${FIELD_LABELS.publishedAt} (${props.timeZone})`} errors={errors.publishedAt} hint={publicationHint(props)}>
        {(aria) =>
          props.canSetPublicationTime ? (
            <input {...aria} type="datetime-local" value={fields.publishedAt} onChange={(e) => onChange({ publishedAt: e.target.value })} />
          ) : (
            <input {...aria} type="text" readOnly value={props.publishedAtLabel ?? "Set by an editor when the story goes out"} />
          )
        }
      </Field>
      <fieldset className="fieldset">
        <legend>Search engines</legend>
        <Field id="article-seo-title" label={FIELD_LABELS.seoTitle} errors={errors.seoTitle} hint={<LengthHint length={(fields.seoTitle || fields.title).length} recommended={SEO_HINTS.title} what="Google" />}>
          {(aria) => <input {...aria} type="text" placeholder={fields.title} value={fields.seoTitle} onChange={(e) => onChange({ seoTitle: e.target.value })} />}
        </Field>
        <Field
          id="article-seo-description"
          label={FIELD_LABELS.seoDescription}
          errors={errors.seoDescription}
          hint={<LengthHint length={(fields.seoDescription || fields.summary || fields.lead).length} recommended={SEO_HINTS.description} what="Google" />}
        >
          {(aria) => <textarea {...aria} rows={2} placeholder={fields.summary || fields.lead} value={fields.seoDescription} onChange={(e) => onChange({ seoDescription: e.target.value })} />}
        </Field>
      </fieldset>
    </>
  );
}

function publicationHint(props: Props): string {
  if (!props.canSetPublicationTime) return "Only editors set the publication time.";
  return "Newsroom time. Empty: set when the story is published. A past time back-dates the story; to publish later, use Schedule.";
}
