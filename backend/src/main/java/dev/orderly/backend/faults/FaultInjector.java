package dev.orderly.backend.faults;

import dev.orderly.model.InjectableFault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Armed faults and how many more times each strikes. Nothing is armed unless staff arm it. */
@Component
public class FaultInjector {

    /** How much longer a {@link InjectableFault.Kind#DELAY} fault makes the work it strikes. */
    public static final Duration DELAY = Duration.ofSeconds(2);

    private final Map<InjectableFault, Integer> armed = new EnumMap<>(InjectableFault.class);

    public synchronized void arm(InjectableFault fault, int times) {
        armed.put(fault, times);
    }

    public synchronized void disarmAll() {
        armed.clear();
    }

    public synchronized Map<InjectableFault, Integer> armed() {
        return Map.copyOf(armed);
    }

    /**
     * Strikes {@code fault} if it is armed, counting down its remaining strikes: a failure throws, a delay waits
     * {@link #DELAY}, and a crash halts the JVM with no shutdown hooks, as {@code kill -9} would.
     */
    public void hit(InjectableFault fault) {
        if (!strike(fault)) {
            return;
        }
        switch (fault.getKind()) {
            case CRASH -> {
                LoggerFactory.getLogger(FaultInjector.class).error("injected crash: {}", fault);
                Runtime.getRuntime().halt(137);
            }
            case DELAY -> {
                try {
                    Thread.sleep(DELAY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case INJECTION -> {
                // The caller acts on strike() itself.
            }
            default -> throw new InjectedFaultException(fault);
        }
    }

    /** Whether {@code fault} is armed, counting down one strike if it is. */
    public synchronized boolean strike(InjectableFault fault) {
        Integer left = armed.get(fault);
        if (left == null) {
            return false;
        }
        if (left <= 1) {
            armed.remove(fault);
        } else {
            armed.put(fault, left - 1);
        }
        return true;
    }
}
