package io.kflab.papers.polymorphic;

/**
 * One claim of the talk with its measured evidence (a markdown section) and whether the evidence supports it.
 *
 * @param id 1, 2, 3 in the order of RESULTS.md
 * @param statement the claim as the talk and its discussion make it
 * @param holds whether every measured condition of the claim is met
 * @param conditions the conditions checked, each with its outcome, one per line
 * @param evidence the measured tables (markdown)
 */
public record ClaimResult(int id, String title, String statement, boolean holds, String conditions, String evidence) {}
