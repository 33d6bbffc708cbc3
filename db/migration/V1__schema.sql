-- Newsdesk schema. Owned by Flyway; Hibernate only validates it (ddl-auto=validate).
-- Times are timestamptz (UTC instants); a page's own offset is kept in extract output, not here.

-- One row per article page, keyed by its canonical URL (an upload without a URL gets a
-- content-derived urn:newsdesk:sha256:... instead).
create table article (
    id             bigint generated always as identity primary key,
    url            text        not null unique,
    host           text,
    title          text,
    authors        text[]      not null default '{}',
    section        text,
    language       text,
    site_name      text,
    description    text,
    image_url      text,
    published_at   timestamptz,
    modified_at    timestamptz,
    captured_at    timestamptz not null,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    body_text      text        not null default '',
    body_html      text        not null default '',
    paragraphs     text[]      not null default '{}',
    word_count     integer     not null default 0,
    -- sha-256 of the article content (title, metadata, paragraphs): a change makes a revision.
    content_hash   text        not null,
    -- sha-256 of the page as received: an identical page only bumps last_seen_at.
    page_hash      text        not null,
    http_etag      text,
    http_last_modified text,
    deleted_at     timestamptz,
    version        bigint      not null default 0,
    search         tsvector generated always as (
                       setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
                       setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B') ||
                       setweight(to_tsvector('english'::regconfig, body_text), 'C')) stored
);
create index article_search_idx on article using gin (search);
create index article_published_idx on article (coalesce(published_at, captured_at) desc, id desc);
create index article_host_idx on article (host);
create index article_section_idx on article (lower(section));

-- The article as it was before each change of content.
create table article_revision (
    id            bigint generated always as identity primary key,
    article_id    bigint      not null references article (id) on delete cascade,
    revision      integer     not null,
    captured_at   timestamptz not null,
    replaced_at   timestamptz not null,
    content_hash  text        not null,
    title         text,
    authors       text[]      not null default '{}',
    published_at  timestamptz,
    modified_at   timestamptz,
    body_text     text        not null,
    word_count    integer     not null,
    unique (article_id, revision)
);

-- A story seen in story lists, one per linked URL. Its window is the intersection of the windows
-- every capture implied; article_id is set once that URL is ingested.
create table story (
    id             bigint generated always as identity primary key,
    url            text        not null unique,
    host           text,
    title          text        not null,
    window_start   timestamptz,
    window_end     timestamptz,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    times_seen     integer     not null default 0,
    article_id     bigint      references article (id) on delete set null
);
create index story_window_idx on story (coalesce(window_end, first_seen_at) desc, id desc);
create index story_article_idx on story (article_id);
create index story_host_idx on story (host);

-- The story lists of one capture of an article page.
create table story_list (
    id           bigint generated always as identity primary key,
    article_id   bigint      not null references article (id) on delete cascade,
    captured_at  timestamptz not null,
    position     integer     not null,
    heading      text,
    kind         text        not null check (kind in ('latest', 'related', 'most-read', 'trending', 'other'))
);
create index story_list_article_idx on story_list (article_id, captured_at desc);

create table story_link (
    id               bigint generated always as identity primary key,
    story_list_id    bigint      not null references story_list (id) on delete cascade,
    position         integer     not null,
    title            text        not null,
    url              text,
    age_text         text,
    window_start     timestamptz,
    window_end       timestamptz,
    is_current       boolean     not null default false,
    story_id         bigint      references story (id) on delete set null
);
create index story_link_list_idx on story_link (story_list_id, position);
create index story_link_story_idx on story_link (story_id);

-- A person, organisation or place, identified across articles by (type, key).
create table named_entity (
    id             bigint generated always as identity primary key,
    type           text        not null check (type in ('PERSON', 'ORGANIZATION', 'LOCATION')),
    key            text        not null,
    name           text        not null,
    -- set when an editor merged this entity into another: its mentions moved there.
    merged_into_id bigint      references named_entity (id),
    suppressed     boolean     not null default false,
    created_at     timestamptz not null,
    unique (type, key)
);
create index named_entity_name_prefix_idx on named_entity (lower(name) text_pattern_ops);
create index named_entity_key_prefix_idx on named_entity (key text_pattern_ops);

-- Other normalised names an entity was seen under (never a bare person surname).
create table entity_alias (
    entity_id  bigint not null references named_entity (id) on delete cascade,
    type       text   not null,
    alias_key  text   not null,
    primary key (type, alias_key)
);
create index entity_alias_entity_idx on entity_alias (entity_id);

create table article_entity (
    article_id  bigint           not null references article (id) on delete cascade,
    entity_id   bigint           not null references named_entity (id),
    name        text             not null,
    mentions    integer          not null,
    salience    double precision not null,
    forms       text[]           not null default '{}',
    -- flattened [start, end) pairs into the article's body_text
    offsets     integer[]        not null default '{}',
    primary key (article_id, entity_id)
);
create index article_entity_entity_idx on article_entity (entity_id, salience desc);

-- Editor corrections (an audit trail), applied when made to stored mentions and at every later ingest.
create table entity_override (
    id            bigint generated always as identity primary key,
    type          text        not null,
    key           text        not null,
    action        text        not null check (action in ('RENAME', 'RETYPE', 'MERGE', 'SUPPRESS')),
    new_name      text,
    new_type      text,
    target_id     bigint      references named_entity (id),
    created_at    timestamptz not null,
    created_by    text        not null
);
-- A history: every correction is kept; for the tagger the latest per name wins.
create index entity_override_key_idx on entity_override (type, key, id);

-- Every attempt to ingest a page, successful or not.
create table ingestion (
    id            bigint generated always as identity primary key,
    source        text        not null,
    url           text,
    outcome       text        not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'FAILED')),
    http_status   integer,
    error_type    text,
    error_detail  text,
    started_at    timestamptz not null,
    fetch_ms      integer,
    extract_ms    integer,
    total_ms      integer     not null,
    article_id    bigint      references article (id) on delete set null,
    requested_by  text
);
create index ingestion_started_idx on ingestion (started_at desc, id desc);
create index ingestion_article_idx on ingestion (article_id);
