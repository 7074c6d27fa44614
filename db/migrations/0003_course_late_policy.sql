CREATE TYPE "public"."late_policy" AS ENUM('accept', 'penalize', 'refuse');--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "late_policy" "late_policy" DEFAULT 'accept' NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "late_penalty" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_late_penalty_range" CHECK ("courses"."late_penalty" >= 0 and "courses"."late_penalty" <= 1);