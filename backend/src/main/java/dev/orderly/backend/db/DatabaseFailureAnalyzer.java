package dev.orderly.backend.db;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up failure to reach the database into Spring Boot's "APPLICATION FAILED TO START" report with one
 * sentence ({@link DatabaseProblems}) instead of a stack trace of connection-pool and Flyway frames.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url");
        String sentence = DatabaseProblems.explain(failure, url);
        if (sentence == null) {
            return null;
        }
        return new FailureAnalysis(sentence, "Give spring.datasource.url as jdbc:postgresql://host:port/database with"
            + " the user and password that server expects, or leave it out to use the H2 file in the data directory.",
            failure);
    }
}
