import { referenceStory } from "../../prisma/seed/reference-story";

/** The reference story as readers must see it. */
export const reference = {
  ...referenceStory,
  path: `/news/${referenceStory.section}/${referenceStory.slug}`,
  sectionName: "Foreign policy",
  dateline: "October 16, 2024 17:40",
  isoDateTime: "2024-10-16T17:40:00+04:00",
};
