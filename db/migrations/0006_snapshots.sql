CREATE TABLE `comparison_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`comparison_id` integer,
	`name` text NOT NULL,
	`blind` integer DEFAULT false NOT NULL,
	`analyser_version` text NOT NULL,
	`members` text NOT NULL,
	`page` text NOT NULL,
	`export` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`comparison_id`) REFERENCES `comparisons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comparison_snapshots_comparison_idx` ON `comparison_snapshots` (`comparison_id`);