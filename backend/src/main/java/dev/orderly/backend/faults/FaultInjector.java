package dev.orderly.backend.faults;

import dev.orderly.model.InjectableFault;
import java.util.EnumMap;
import org.slf4j.LoggerFactory;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Armed faults and how many more times each strikes. Nothing is armed unless staff arm it. */
@Component
public class FaultInjector {

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
     * Throws if {@code fault} is armed, counting down its remaining strikes; a crash fault halts the JVM instead,
     * with no shutdown hooks, as {@code kill -9} would.
     */
    public void hit(InjectableFault fault) {
        synchronized (this) {
            Integer left = armed.get(fault);
            if (left == null) {
                return;
            }
            if (left <= 1) {
                armed.remove(fault);
            } else {
                armed.put(fault, left - 1);
            }
        }
        if (fault.isCrash()) {
            LoggerFactory.getLogger(FaultInjector.class).error("injected crash: {}", fault);
            Runtime.getRuntime().halt(137);
        }
        throw new InjectedFaultException(fault);
    }
}
