import type { Metadata } from "next";
import Link from "next/link";
import { canListAllArticles } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDashboardSummary } from "@/lib/data/dashboard";
import { DashboardPanel } from "./_components/dashboard-panel";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const summary = await getDashboardSummary();
  const isEditor = canListAllArticles(user);
  return (
    <div className="admin-page">
      <div className="admin-page__header">
        <h1>Welcome, {user.name}</h1>
        <Link href="/admin/articles/new" className="button button--primary">
          New story
        </Link>
      </div>
      {summary.newTypoReports > 0 && (
        <p className="form__success">
          <Link href="/admin/reports">
            {summary.newTypoReports === 1 ? "1 new typo report" : `${summary.newTypoReports} new typo reports`} from readers
          </Link>
        </p>
      )}
      <div className="dashboard">
        <DashboardPanel
          title={isEditor ? "Waiting for review" : "My stories in review"}
          stories={summary.inReview}
          empty="Nothing is waiting for review."
          when="updated"
          seeAllHref="/admin/articles?status=in_review"
        />
        <DashboardPanel
          title="My drafts"
          stories={summary.myDrafts}
          empty="No drafts. Start a new story."
          when="updated"
          seeAllHref="/admin/articles?status=draft"
        />
        <DashboardPanel
          title="Scheduled"
          stories={summary.upcoming}
          empty="Nothing is scheduled."
          when="published"
          seeAllHref="/admin/articles?status=scheduled"
        />
        <DashboardPanel
          title={isEditor ? "Just published" : "My latest published"}
          stories={summary.recentlyPublished}
          empty="Nothing published yet."
          when="published"
          seeAllHref="/admin/articles?status=published&sort=published"
        />
      </div>
    </div>
  );
}
