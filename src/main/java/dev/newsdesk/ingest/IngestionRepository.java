package dev.newsdesk.ingest;

import org.springframework.data.jpa.repository.JpaRepository;

interface IngestionRepository extends JpaRepository<Ingestion, Long> {}
