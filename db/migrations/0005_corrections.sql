CREATE TABLE `corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`coder` text NOT NULL,
	`user_id` integer,
	`layer` text NOT NULL,
	`target_start` integer NOT NULL,
	`target_end` integer NOT NULL,
	`target_field` text DEFAULT 'body' NOT NULL,
	`field` text NOT NULL,
	`machine_value` text,
	`value` text NOT NULL,
	`note` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`review_reason` text,
	`analyser_version` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `corrections_article_idx` ON `corrections` (`article_id`,`coder`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not model triggers): a correction changes what its comparisons show.
CREATE TRIGGER `corrections_revision_insert` AFTER INSERT ON `corrections` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = NEW.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `corrections_revision_update` AFTER UPDATE ON `corrections` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = NEW.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `corrections_revision_delete` AFTER DELETE ON `corrections` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = OLD.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
