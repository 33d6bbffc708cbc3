package dev.newsdesk.extract;

import java.time.Instant;

/** A publication window [after, before] implied by an age or date shown next to a headline. */
public record AgeWindow(Instant after, Instant before) {

  public AgeWindow {
    if (after.isAfter(before)) {
      throw new IllegalArgumentException("window starts after it ends: " + after + " > " + before);
    }
  }
}
