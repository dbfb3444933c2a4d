package dev.goroscope.app.cli;

/** A command could not do its job for a reason the user can act on; the message is the one line printed. */
final class CliException extends Exception {
    CliException(String message) {
        super(message);
    }
}
