CREATE TABLE `comparison_revisions` (
	`comparison_id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Written by hand from here (drizzle-kit does not model triggers): every change a comparison page shows bumps its revision.
CREATE TRIGGER `comparisons_revision_update` AFTER UPDATE ON `comparisons` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = NEW.`id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `comparisons_revision_delete` AFTER DELETE ON `comparisons` BEGIN DELETE FROM `comparison_revisions` WHERE `comparison_id` = OLD.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `comparison_articles_revision_insert` AFTER INSERT ON `comparison_articles` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = NEW.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `comparison_articles_revision_update` AFTER UPDATE ON `comparison_articles` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = NEW.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = OLD.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `comparison_articles_revision_delete` AFTER DELETE ON `comparison_articles` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = OLD.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `coverage_candidates_revision_insert` AFTER INSERT ON `coverage_candidates` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = NEW.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `coverage_candidates_revision_update` AFTER UPDATE ON `coverage_candidates` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = NEW.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `coverage_candidates_revision_delete` AFTER DELETE ON `coverage_candidates` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `id`, 1 FROM `comparisons` WHERE `id` = OLD.`comparison_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `articles_revision_update` AFTER UPDATE ON `articles` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = NEW.`id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `outlets_revision_update` AFTER UPDATE ON `outlets` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT DISTINCT ca.`comparison_id`, 1 FROM `comparison_articles` ca JOIN `articles` a ON a.`id` = ca.`article_id` WHERE a.`outlet_id` = NEW.`id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_revision_insert` AFTER INSERT ON `analyses` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = NEW.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_revision_update` AFTER UPDATE ON `analyses` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = NEW.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_revision_delete` AFTER DELETE ON `analyses` BEGIN INSERT INTO `comparison_revisions` (`comparison_id`, `revision`) SELECT `comparison_id`, 1 FROM `comparison_articles` WHERE `article_id` = OLD.`article_id` ON CONFLICT(`comparison_id`) DO UPDATE SET `revision` = `revision` + 1; END;
