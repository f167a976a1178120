package dev.orderly.backend.faults;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Armed faults and how many more times each strikes. Nothing is armed unless staff arm it. */
@Component
public class FaultInjector {

    private final Map<Fault, Integer> armed = new EnumMap<>(Fault.class);

    public synchronized void arm(Fault fault, int times) {
        armed.put(fault, times);
    }

    public synchronized void disarmAll() {
        armed.clear();
    }

    public synchronized Map<Fault, Integer> armed() {
        return Map.copyOf(armed);
    }

    /** Throws if {@code fault} is armed, counting down its remaining strikes. */
    public void hit(Fault fault) {
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
        throw new InjectedFaultException(fault);
    }
}
