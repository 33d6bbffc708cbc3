package dev.newsdesk.extract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A publication window [after, before] implied by an age or date shown next to a headline. */
public record AgeWindow(Instant after, Instant before) {

  public AgeWindow {
    if (after.isAfter(before)) {
      throw new IllegalArgumentException("window starts after it ends: " + after + " > " + before);
    }
  }

  /** The overlap of two windows, or null when they are disjoint. */
  public @Nullable AgeWindow intersect(AgeWindow other) {
    Instant a = after.isAfter(other.after) ? after : other.after;
    Instant b = before.isBefore(other.before) ? before : other.before;
    return a.isAfter(b) ? null : new AgeWindow(a, b);
  }
}
