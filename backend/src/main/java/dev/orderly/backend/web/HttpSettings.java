package dev.orderly.backend.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The largest request body read ({@code orderly.http.max-body-size}; the largest valid order is a few KB). */
@ConfigurationProperties("orderly.http")
@Validated
record HttpSettings(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {
}
