package dev.orderly.backend.faults;

/** Thrown where an armed fault strikes; the surrounding transaction rolls back like after a real failure. */
public class InjectedFaultException extends RuntimeException {

    public InjectedFaultException(Fault fault) {
        super("injected fault " + fault);
    }
}
