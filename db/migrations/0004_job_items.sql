CREATE TABLE `job_items` (
	`job_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`item` text NOT NULL,
	PRIMARY KEY(`job_id`, `idx`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
