-- Which instance fetched a frontier URL (its lease owner when the fetch settled), and when the
-- crawler last claimed it (database clock): the claim is the host's request slot, so gaps between
-- claims show politeness without the noise of request arrival times.
alter table frontier add column fetched_by text;
alter table frontier add column leased_at timestamptz;
