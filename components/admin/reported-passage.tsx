// Context is cut at word boundaries; an ellipsis marks a cut that is not a sentence's start or end.
const startsSentence = (text: string) => /^[\p{Lu}\p{N}"“«‘(]/u.test(text);
const endsSentence = (text: string) => /[.!?…]["”»’)]*$/u.test(text.trimEnd());

/**
 * A reader's typo report where it stands: the text around it with the
 * reported words marked, and the reader's correction beside them.
 */
export function ReportedPassage({ report }: { report: { contextBefore: string; selectedText: string; contextAfter: string; suggestion: string | null; language: string } }) {
  return (
    <div className="reported-passage">
      <blockquote lang={report.language} className="reported-passage__text">
        {report.contextBefore && (startsSentence(report.contextBefore) ? report.contextBefore : `…${report.contextBefore}`)}
        <mark>{report.selectedText}</mark>
        {report.contextAfter && (endsSentence(report.contextAfter) ? report.contextAfter : `${report.contextAfter}…`)}
      </blockquote>
      {report.suggestion ? (
        <p className="reported-passage__suggestion">
          Suggested: <del>{report.selectedText}</del> → <ins lang={report.language}>{report.suggestion}</ins>
        </p>
      ) : (
        <p className="reported-passage__suggestion muted">No correction suggested.</p>
      )}
    </div>
  );
}
