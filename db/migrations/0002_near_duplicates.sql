CREATE TABLE `near_duplicates` (
	`article_id` integer NOT NULL,
	`other_id` integer NOT NULL,
	`containment` real NOT NULL,
	`jaccard` real NOT NULL,
	PRIMARY KEY(`article_id`, `other_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `fingerprint` text;