CREATE TABLE `job_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`job_id` integer NOT NULL,
	`line` text NOT NULL,
	`outcome` text,
	`input` text,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_log_job_idx` ON `job_log` (`job_id`);--> statement-breakpoint
CREATE INDEX `job_log_outcome_idx` ON `job_log` (`job_id`,`outcome`);