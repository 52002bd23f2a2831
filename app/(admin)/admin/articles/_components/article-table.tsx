import Link from "next/link";
import { ArticleStatusBadge } from "@/components/admin/article-status-badge";
import { NewsroomTime } from "@/components/site/newsroom-time";
import type { ArticleListRow } from "@/lib/data/article-list";
import { TableHeader } from "@/components/admin/table-header";

/** The list's rows: title to the editor, then status, section, author and times. */
export function ArticleTable({ rows, defaultLanguage }: { rows: ArticleListRow[]; defaultLanguage: string }) {
  return (
    <table className="table article-table">
      <TableHeader columns={["Title", "Status", "Section", "Author", "Updated", "Publication"]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/admin/articles/${row.id}`} className="article-table__title" lang={row.language}>
                {row.title}
              </Link>
              {row.language !== defaultLanguage && <span className="article-table__language">{row.language.toUpperCase()}</span>}
              <span className="article-table__actions">
                {/* A plain link: the preview route sets a cookie, which a prefetch must never do. */}
                <a href={`/admin/articles/${row.id}/preview`} aria-label={`Preview “${row.title}”`}>
                  Preview
                </a>
                <Link href={`/admin/articles/${row.id}/share`} aria-label={`Share a preview of “${row.title}”`}>
                  Share
                </Link>
              </span>
            </td>
            <td>
              <ArticleStatusBadge status={row.status} publishedAt={row.publishedAt} />
            </td>
            <td>{row.section.name}</td>
            <td>{row.author.name}</td>
            <td>
              <NewsroomTime instant={row.updatedAt} />
            </td>
            <td>{row.publishedAt ? <NewsroomTime instant={row.publishedAt} /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
