package dev.newsdesk.cli;

/** A command line that cannot be run; its message is printed as one line. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
