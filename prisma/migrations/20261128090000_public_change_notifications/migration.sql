-- Public-site change notifications. Every change a reader could see raises a
-- NOTIFY on channel "newsdesk_public_change" when its transaction commits, so
-- each app instance's page cache (lib/public-cache) drops exactly the pages
-- it affects, whoever made the change: this process, another instance on the
-- same PostgreSQL server, or a script. Rolled-back changes notify nobody.
--
-- Payload (JSON): {"all": true} for changes that touch every page (sections,
-- tags, authors, settings), or for an article
--   {"paths": [...], "sections": [...], "tags": [...], "authors": [...],
--    "listing": bool, "schedule": bool}
-- naming the article's public address(es) and the lists it appears in, before
-- and after the change. "listing" is false when only the story's own page
-- changed (a body edit); "schedule" when a scheduled time was set or moved.

CREATE FUNCTION newsdesk_notify_public_change(payload jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  message text := payload::text;
BEGIN
  -- NOTIFY payloads are limited to 8000 bytes; a change that names more
  -- pages than fit simply flushes everything.
  IF octet_length(message) > 7800 THEN
    message := '{"all":true}';
  END IF;
  PERFORM pg_notify('newsdesk_public_change', message);
END
$$;

-- Where an article appears: its address, its section and that section's
-- parent (parent pages list their subsections' stories), its tags, its author.
CREATE FUNCTION newsdesk_article_public_refs(a "Article") RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'paths', coalesce((SELECT jsonb_agg('/news/' || c.slug || '/' || a."slug") FROM "Category" c WHERE c.id = a."categoryId"), '[]'::jsonb),
    'sections', coalesce((
      SELECT jsonb_agg(s.slug) FROM "Category" s
      WHERE s.id = a."categoryId" OR s.id = (SELECT c."parentId" FROM "Category" c WHERE c.id = a."categoryId")
    ), '[]'::jsonb),
    'tags', coalesce((
      SELECT jsonb_agg(t.slug) FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = a.id
    ), '[]'::jsonb),
    'authors', coalesce((SELECT jsonb_agg(u.slug) FROM "User" u WHERE u.id = a."authorId"), '[]'::jsonb)
  )
$$;

CREATE FUNCTION newsdesk_merge_public_refs(x jsonb, y jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg(k, coalesce((
    SELECT jsonb_agg(DISTINCT v) FROM (
      SELECT jsonb_array_elements(coalesce(x -> k, '[]'::jsonb)) AS v
      UNION ALL
      SELECT jsonb_array_elements(coalesce(y -> k, '[]'::jsonb))
    ) merged
  ), '[]'::jsonb))
  FROM unnest(ARRAY['paths', 'sections', 'tags', 'authors']) AS k
$$;

CREATE FUNCTION newsdesk_article_public_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Scheduled stories count too: one whose time has come is public, and a
  -- change to a future one moves the moment the cache must next refresh.
  old_relevant boolean := TG_OP <> 'INSERT' AND OLD."status" IN ('PUBLISHED', 'SCHEDULED');
  new_relevant boolean := TG_OP <> 'DELETE' AND NEW."status" IN ('PUBLISHED', 'SCHEDULED');
  listing boolean := true;
  refs jsonb := '{}'::jsonb;
BEGIN
  IF NOT old_relevant AND NOT new_relevant THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Bookkeeping columns alone (version, timestamps, the search vector)
    -- change nothing a reader sees.
    IF (to_jsonb(OLD) - 'version' - 'updatedAt' - 'createdAt' - 'searchVector')
       = (to_jsonb(NEW) - 'version' - 'updatedAt' - 'createdAt' - 'searchVector') THEN
      RETURN NULL;
    END IF;
    listing := old_relevant IS DISTINCT FROM new_relevant
      OR ROW(OLD."status", OLD."publishedAt", OLD."title", OLD."slug", OLD."summary", OLD."categoryId",
             OLD."authorId", OLD."language", OLD."byline", OLD."imageUrl", OLD."imageAlt")
         IS DISTINCT FROM
         ROW(NEW."status", NEW."publishedAt", NEW."title", NEW."slug", NEW."summary", NEW."categoryId",
             NEW."authorId", NEW."language", NEW."byline", NEW."imageUrl", NEW."imageAlt");
  END IF;
  IF old_relevant THEN
    refs := newsdesk_merge_public_refs(refs, newsdesk_article_public_refs(OLD));
  END IF;
  IF new_relevant THEN
    refs := newsdesk_merge_public_refs(refs, newsdesk_article_public_refs(NEW));
  END IF;
  PERFORM newsdesk_notify_public_change(refs || jsonb_build_object(
    'listing', listing,
    'schedule', (old_relevant AND OLD."status" = 'SCHEDULED') OR (new_relevant AND NEW."status" = 'SCHEDULED')
  ));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_public_change_trigger"
AFTER INSERT OR UPDATE OR DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION newsdesk_article_public_change();

-- Adding or removing a tag changes the story's page, the tag's page and feeds.
CREATE FUNCTION newsdesk_article_tag_public_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  link "ArticleTag" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  a "Article";
  refs jsonb;
BEGIN
  SELECT * INTO a FROM "Article" WHERE id = link."articleId";
  IF NOT FOUND OR a."status" NOT IN ('PUBLISHED', 'SCHEDULED') THEN
    RETURN NULL;
  END IF;
  refs := newsdesk_merge_public_refs(
    newsdesk_article_public_refs(a),
    jsonb_build_object('tags', coalesce((SELECT jsonb_agg(t.slug) FROM "Tag" t WHERE t.id = link."tagId"), '[]'::jsonb))
  );
  PERFORM newsdesk_notify_public_change(refs || '{"listing": true, "schedule": false}'::jsonb);
  RETURN NULL;
END
$$;

CREATE TRIGGER "ArticleTag_public_change_trigger"
AFTER INSERT OR UPDATE OR DELETE ON "ArticleTag"
FOR EACH ROW EXECUTE FUNCTION newsdesk_article_tag_public_change();

-- Sections, tag names, author names and settings show on (nearly) every page.
CREATE FUNCTION newsdesk_site_public_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM newsdesk_notify_public_change('{"all": true}'::jsonb);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Category_public_change_trigger"
AFTER INSERT OR UPDATE OR DELETE ON "Category"
FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_site_public_change();

CREATE TRIGGER "Tag_public_change_trigger"
AFTER UPDATE OR DELETE ON "Tag"
FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_site_public_change();

CREATE TRIGGER "User_public_change_trigger"
AFTER UPDATE OF "name", "slug", "bio" ON "User"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."slug" IS DISTINCT FROM NEW."slug" OR OLD."bio" IS DISTINCT FROM NEW."bio")
EXECUTE FUNCTION newsdesk_site_public_change();

CREATE TRIGGER "Setting_public_change_trigger"
AFTER INSERT OR UPDATE OR DELETE ON "Setting"
FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_site_public_change();
