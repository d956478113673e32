/** Differences between two catalogs, classified BREAKING or COMPATIBLE for existing programs. */
package io.kflab.catalog.diff;
