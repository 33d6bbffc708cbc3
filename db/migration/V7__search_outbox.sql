-- Hibernate Search's outbox-polling coordination (NEWSDESK_SEARCH_COORDINATION=outbox-polling, the
-- default with the elasticsearch backend): every index update is a row of hsearch_outbox_event,
-- inserted in the transaction of the write it follows, so it commits or rolls back with the article;
-- each service instance's event processor (registered in hsearch_agent, which also shards the
-- events between live instances) applies and deletes them. Unused, and empty, with coordination off.
-- Columns, types and checks are those Hibernate Search 8.2's own mapping generates for PostgreSQL
-- (schema export with coordination on), so ddl-auto=validate passes either way.
create table hsearch_agent (
    id                   uuid                        not null primary key,
    type                 varchar(255)                not null
        check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING',
                        'MASS_INDEXING')),
    name                 varchar(255)                not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)                not null
        check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea,
    tenant_id            varchar(255)
);

create table hsearch_outbox_event (
    id             uuid                        not null primary key,
    entity_name    varchar(256)                not null,
    entity_id      varchar(256)                not null,
    entity_id_hash integer                     not null,
    payload        bytea                       not null,
    retries        integer                     not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255)                not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);

-- The processors' query: pending events in process_after order.
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
