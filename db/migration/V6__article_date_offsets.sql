-- The UTC offset (seconds) the page wrote its published/modified dates in, so the API and desk can
-- show the page's own local time next to the instant; null when the page wrote no offset.
alter table article
    add column published_offset integer check (published_offset between -64800 and 64800),
    add column modified_offset  integer check (modified_offset between -64800 and 64800);
alter table article_revision
    add column published_offset integer check (published_offset between -64800 and 64800),
    add column modified_offset  integer check (modified_offset between -64800 and 64800);
