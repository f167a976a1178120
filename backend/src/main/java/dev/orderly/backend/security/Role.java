package dev.orderly.backend.security;

/** What a signed-in user may do: customers act on their own orders, staff on all of them. */
public enum Role { CUSTOMER, STAFF }
