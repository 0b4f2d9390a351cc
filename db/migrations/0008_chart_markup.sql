CREATE TABLE `chart_markup` (
	`key` text PRIMARY KEY NOT NULL,
	`comparison_id` integer NOT NULL,
	`data_hash` text NOT NULL,
	`markup` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`comparison_id`) REFERENCES `comparisons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chart_markup_comparison_idx` ON `chart_markup` (`comparison_id`,`data_hash`);--> statement-breakpoint
-- Written by hand from here (drizzle-kit does not model triggers): whatever changes a comparison's revision (its members, their analyses, corrections, …; see migration 0003) deletes its drawn charts, whichever process wrote.
CREATE TRIGGER `comparison_revisions_chart_markup_insert` AFTER INSERT ON `comparison_revisions` BEGIN DELETE FROM `chart_markup` WHERE `comparison_id` = NEW.`comparison_id`; END;
--> statement-breakpoint
CREATE TRIGGER `comparison_revisions_chart_markup_update` AFTER UPDATE ON `comparison_revisions` BEGIN DELETE FROM `chart_markup` WHERE `comparison_id` = NEW.`comparison_id`; END;
