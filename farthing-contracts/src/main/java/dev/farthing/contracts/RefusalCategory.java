package dev.farthing.contracts;

/**
 * How a transport should classify a refusal, whatever the domain: the server maps each category to one HTTP
 * status (in one exhaustive switch), a queue consumer to retry-or-drop. Domains choose the category of each of
 * their codes; they never choose a status.
 */
public enum RefusalCategory {
    /** The request itself is malformed or breaks a rule of its shape; repeating it unchanged fails again. */
    INVALID,
    /** The caller may not do this (a reserved account, a privacy budget spent, a role it lacks). */
    FORBIDDEN,
    /** The thing named does not exist. */
    NOT_FOUND,
    /** The request clashes with the current state (a different body under a used id, already resolved). */
    CONFLICT,
    /** Well-formed and about a thing that exists, but the domain's rules refuse it (funds, signatures). */
    REFUSED,
    /** Too many requests from this caller; it may retry later. */
    RATE_LIMITED,
    /** The service cannot take the request now (overloaded, stopping, breaker open); retry later. */
    UNAVAILABLE
}
