package dev.orderly.backend.processing;

import dev.orderly.model.ProcessingMode;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The processing mode in force; starts from {@code orderly.processing.mode}, staff switch it at run time. */
@Component
public class ProcessingModeSwitch {

    private static final Logger log = LoggerFactory.getLogger(ProcessingModeSwitch.class);

    private final AtomicReference<ProcessingMode> mode;

    ProcessingModeSwitch(ProcessingSettings settings) {
        this.mode = new AtomicReference<>(settings.mode());
    }

    public ProcessingMode mode() {
        return mode.get();
    }

    /** Switches to {@code next}; returns the mode it replaced. */
    ProcessingMode switchTo(ProcessingMode next) {
        ProcessingMode previous = mode.getAndSet(next);
        if (previous != next) {
            log.info("processing mode switched from {} to {}", previous, next);
        }
        return previous;
    }
}
