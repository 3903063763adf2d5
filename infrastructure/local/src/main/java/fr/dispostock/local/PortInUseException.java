package fr.dispostock.local;

import java.net.BindException;
import java.util.Optional;

/** The platform's port is taken: said in one sentence that names the port and how to choose another. */
public final class PortInUseException extends RuntimeException {

    PortInUseException(int port) {
        super("Port " + port + " is already in use on 127.0.0.1: stop what uses it, or choose another port with"
                + " --port N (./dispostock-local --port 8081).", null, false, false);
    }

    /** The failure of the server's start, when a bind refused the port. */
    static Optional<PortInUseException> causing(Throwable failure, int port) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return Optional.of(new PortInUseException(port));
            }
        }
        return Optional.empty();
    }
}
