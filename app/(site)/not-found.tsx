import { NotFoundMessage } from "@/components/site/not-found-message";

/** A story, section, tag or author that does not exist, inside the site's header and footer. */
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
