package dev.orderly.backend.faults;

import dev.orderly.model.InjectableFault;

/** Thrown where an armed fault strikes; the surrounding transaction rolls back like after a real failure. */
public class InjectedFaultException extends RuntimeException {

    public InjectedFaultException(InjectableFault fault) {
        super("injected fault " + fault);
    }
}
