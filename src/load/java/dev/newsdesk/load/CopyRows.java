package dev.newsdesk.load;

import java.time.Instant;
import java.util.List;

/** Rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for null. */
final class CopyRows {

  private final StringBuilder out;
  private boolean rowStarted;
  private int rows;

  CopyRows(int capacity) {
    out = new StringBuilder(capacity);
  }

  CopyRows text(String value) {
    separator();
    if (value == null) {
      out.append("\\N");
    } else {
      escape(value, out);
    }
    return this;
  }

  CopyRows number(long value) {
    separator();
    out.append(value);
    return this;
  }

  CopyRows decimal(double value) {
    separator();
    out.append(value);
    return this;
  }

  CopyRows bool(boolean value) {
    separator();
    out.append(value ? 't' : 'f');
    return this;
  }

  CopyRows time(Instant value) {
    separator();
    out.append(value == null ? "\\N" : value.toString());
    return this;
  }

  /** A text[] literal: {"a","b"} with array quoting, then COPY escaping. */
  CopyRows textArray(List<String> values) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal.append('"');
      String v = values.get(i);
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    literal.append('}');
    separator();
    escape(literal, out);
    return this;
  }

  CopyRows intArray(int[] values) {
    separator();
    out.append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(values[i]);
    }
    out.append('}');
    return this;
  }

  CopyRows endRow() {
    out.append('\n');
    rowStarted = false;
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  String content() {
    return out.toString();
  }

  private void separator() {
    if (rowStarted) {
      out.append('\t');
    }
    rowStarted = true;
  }

  private static void escape(CharSequence value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }
}
