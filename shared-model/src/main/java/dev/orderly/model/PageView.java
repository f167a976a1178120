package dev.orderly.model;

import java.util.List;

/** A page of a list answer. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
}
