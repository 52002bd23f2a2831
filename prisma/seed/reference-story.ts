/**
 * The reference story, as the agency published it
 * (../shared/reference/consultation-story.txt). Seed content every demo
 * database starts with; the public site must render it exactly.
 */
export const referenceStory = {
  slug: "azerbaijan-and-serbia-hold-political-consultations",
  title: "Azerbaijan and Serbia hold political consultations",
  section: "foreign-policy",
  /** October 16, 2024 17:40 in Baku (UTC+4). */
  publishedAt: "2024-10-16T17:40:00+04:00",
  summary:
    "The latest round of political consultations between the foreign ministries of Azerbaijan and Serbia took place in Belgrade, Report informs, citing Azerbaijani Ministry of Foreign Affairs.",
  lead: "Political consultations between the foreign ministries of Azerbaijan and Serbia took place in Belgrade, Report informs, citing Azerbaijani Ministry of Foreign Affairs.",
  paragraphs: [
    "The Azerbaijani delegation was led by Deputy Minister of Foreign Affairs Fariz Rzayev, while the Serbian delegation was headed by State Secretary at the Ministry of Foreign Affairs Damjan Jovic.",
    "During the meeting, the parties discussed strengthening the strategic partnership between the two countries, the current state, and future prospects of cooperation in political, economic, energy, and humanitarian fields, including within international organizations. They also reviewed strategic energy and transport projects implemented by Azerbaijan.",
    "The upcoming COP29, hosted by Azerbaijan in November 2024, was highlighted as an opportunity to further develop the existing strategic cooperation between the two countries. The importance of Azerbaijan-Serbia inter-parliamentary cooperation was emphasized, noting that mutual visits and increased bilateral and multilateral contacts would be beneficial.",
    "The Azerbaijani side provided detailed information about the post-conflict situation in the region, steps taken by Azerbaijan to establish lasting peace, the issue of landmines in Azerbaijan’s liberated territories, and ongoing restoration and construction efforts. Regional and international issues, along with other topics of common interest, were also discussed during the consultations.",
    "During the visit, Fariz Rzayev met with other Serbian officials and participated in round table discussions with researchers and experts.",
  ],
  sourceAttribution: "citing Azerbaijani Ministry of Foreign Affairs",
  byline: "Report",
  tags: ["serbia", "political consultations", "cop29", "bilateral relations"],
} as const;
