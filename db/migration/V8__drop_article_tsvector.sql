-- Search runs on the search engine (Hibernate Search) since issue 12: nothing reads the generated
-- tsvector any more, yet every insert and update of an article computed it and kept its GIN index.
drop index if exists article_search_idx;
alter table article drop column if exists search;
