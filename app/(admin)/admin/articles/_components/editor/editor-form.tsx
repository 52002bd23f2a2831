"use client";

import type { Editor } from "@tiptap/react";
import { type FormEvent, useMemo } from "react";
import { bodyToPlainText, countWords } from "@/lib/content/body-text";
import { FIELD_LABELS } from "@/lib/content/form-fields";
import type { ArticleFormFields } from "@/lib/validations/article";
import { Field } from "./field";
import { MetadataFields, type SectionOption } from "./metadata-fields";
import { RichTextEditor } from "./rich-text-editor";

interface Props {
  fields: ArticleFormFields;
  tagsText: string;
  errors: Record<string, string[]>;
  bodyErrors: string[] | undefined;
  initialBody: string;
  canType: boolean;
  sections: SectionOption[];
  languages: { code: string; label: string }[];
  timeZone: string;
  isSlugAuto: boolean;
  slugSuggestion?: string;
  canSetPublicationTime: boolean;
  publishedAtLabel: string | null;
  onSubmit: (event: FormEvent) => void;
  onChange: (patch: Partial<ArticleFormFields>, extra?: { tagsText?: string; isSlugAuto?: boolean }) => void;
  onEditorReady: (editor: Editor) => void;
}

/**
 * The story in the order a wire story is written (headline, lead, body), then
 * everything about it; disabled as a whole while the user may not type.
 */
export function EditorForm(props: Props) {
  const { fields, errors, bodyErrors, onChange } = props;
  const wordCount = useMemo(() => countWords(bodyToPlainText(fields.body)), [fields.body]);
  return (
    <form id="article-form" className="form editor__form" onSubmit={props.onSubmit} noValidate>
      <fieldset className="editor__fieldset" disabled={!props.canType}>
        <Field id="article-title" label="Headline" errors={errors.title} className="field--title">
          {(aria) => <input {...aria} type="text" autoComplete="off" value={fields.title} onChange={(e) => onChange({ title: e.target.value })} />}
        </Field>
        <Field id="article-lead" label={FIELD_LABELS.lead} errors={errors.lead} hint="The first paragraph, usually with the source: “…, Report informs, citing …”.">
          {(aria) => <textarea {...aria} rows={3} value={fields.lead} onChange={(e) => onChange({ lead: e.target.value })} />}
        </Field>
        <div className="field">
          <span className="field__label" id="article-body-label">
            Body <span className="muted">({wordCount.toLocaleString("en-US")} words)</span>
          </span>
          <RichTextEditor
            initialHtml={props.initialBody}
            isEditable={props.canType}
            isInvalid={Boolean(bodyErrors?.length)}
            describedBy={bodyErrors?.length ? "article-body-error" : undefined}
            onChange={(html) => onChange({ body: html })}
            onReady={props.onEditorReady}
          />
          {bodyErrors?.length ? (
            <p className="field__error" id="article-body-error">
              {bodyErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <MetadataFields
          fields={fields}
          tagsText={props.tagsText}
          errors={errors}
          sections={props.sections}
          languages={props.languages}
          timeZone={props.timeZone}
          isSlugAuto={props.isSlugAuto}
          slugSuggestion={props.slugSuggestion}
          canSetPublicationTime={props.canSetPublicationTime}
          publishedAtLabel={props.publishedAtLabel}
          onChange={(patch) => onChange(patch)}
          onSlugEdit={(slug) => onChange({ slug }, { isSlugAuto: false })}
          onSlugReset={() => onChange({}, { isSlugAuto: true })}
          onTagsChange={(text) => onChange({ tags: text.split(",").map((t) => t.trim()).filter(Boolean) }, { tagsText: text })}
        />
      </fieldset>
    </form>
  );
}
