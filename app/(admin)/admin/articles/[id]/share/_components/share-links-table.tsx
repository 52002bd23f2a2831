import { NewsroomTime } from "@/components/site/newsroom-time";
import type { PreviewLinkSummary } from "@/lib/data/previews";
import { revokeShareLinkAction } from "../actions";
import { TableHeader } from "@/components/admin/table-header";

/** Links that still work, each with a revoke button (works without JavaScript). */
export function ShareLinksTable({ articleId, links }: { articleId: string; links: PreviewLinkSummary[] }) {
  if (links.length === 0) return <p className="muted">No share links are active.</p>;
  return (
    <table className="table">
      <TableHeader columns={["Created", "By", "Expires"]} actionsLabel="Actions" />
      <tbody>
        {links.map((link) => (
          <tr key={link.id}>
            <td>
              <NewsroomTime instant={link.createdAt} />
            </td>
            <td>{link.createdBy}</td>
            <td>
              <NewsroomTime instant={link.expiresAt} />
            </td>
            <td>
              <form action={revokeShareLinkAction}>
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="linkId" value={link.id} />
                <button type="submit" className="button button--danger">
                  Revoke
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
