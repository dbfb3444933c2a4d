package dev.goroscope.model.analysis;

/** Orders of the groups table. Ties fall back to count, then longest wait, then first appearance in the dump. */
public enum GroupOrder {
    /** Largest groups first. */
    COUNT,
    /** "My code first": groups with a frame of the user's code before stdlib-only groups, then by count. */
    MY_CODE_FIRST,
    /** Longest-blocked groups first. */
    LONGEST_WAIT
}
