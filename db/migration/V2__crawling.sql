-- Scheduled ingestion: sources, the URL frontier, per-host politeness state, ShedLock.

create table source (
    id                bigint generated always as identity primary key,
    name              text        not null unique,
    start_url         text        not null,
    -- auto: decided from the response (feed, sitemap or page)
    kind              text        not null check (kind in ('auto', 'page', 'feed', 'sitemap')),
    interval_seconds  integer     not null check (interval_seconds >= 60),
    enabled           boolean     not null default true,
    include_patterns  text[]      not null default '{}',
    exclude_patterns  text[]      not null default '{}',
    max_depth         integer     not null default 1 check (max_depth between 0 and 10),
    next_run_at       timestamptz not null,
    last_run_at       timestamptz,
    last_error        text,
    created_at        timestamptz not null,
    version           bigint      not null default 0
);

-- One row per normalised URL the crawler knows. Claimed with FOR UPDATE SKIP LOCKED under a lease:
-- a crashed instance's rows come back when lease_expires_at passes.
create table frontier (
    id                bigint generated always as identity primary key,
    url               text        not null unique,
    host              text        not null,
    source_id         bigint      references source (id) on delete set null,
    depth             integer     not null default 0,
    status            text        not null check (status in ('PENDING', 'LEASED', 'DONE', 'FAILED', 'SKIPPED')),
    attempts          integer     not null default 0,
    next_fetch_at     timestamptz not null,
    lease_owner       text,
    lease_expires_at  timestamptz,
    etag              text,
    last_modified     text,
    last_status       integer,
    last_error        text,
    article_id        bigint      references article (id) on delete set null,
    discovered_at     timestamptz not null,
    fetched_at        timestamptz
);
create index frontier_due_idx on frontier (next_fetch_at, id) where status = 'PENDING';
create index frontier_leased_idx on frontier (host, lease_expires_at) where status = 'LEASED';
create index frontier_status_idx on frontier (status);

-- Politeness per host, shared by every instance: the earliest next request, robots.txt.
create table crawl_host (
    host               text        primary key,
    next_allowed_at    timestamptz not null,
    robots_status      integer,
    robots_txt         bytea,
    robots_fetched_at  timestamptz,
    crawl_delay_ms     integer,
    blocked_until      timestamptz
);

alter table ingestion add column source_id bigint references source (id) on delete set null;
create index ingestion_source_idx on ingestion (source_id, started_at desc);
create index ingestion_outcome_idx on ingestion (outcome, started_at desc);

-- ShedLock: cluster-wide locks for periodic triggers.
create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);
