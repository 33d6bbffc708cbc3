package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written {@link Texts#normalise} against the regex it replaced. */
class TextsTest {

  private static final Pattern SPACES =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

  @Property(tries = 2000)
  void normaliseEqualsTheRegexVersion(@ForAll("spacey") String s) {
    assertThat(Texts.normalise(s)).isEqualTo(SPACES.matcher(s).replaceAll(" ").strip());
  }

  @Provide
  Arbitrary<String> spacey() {
    return Arbitraries.strings()
        .withChars(
            ' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u0085', '\u00A0', '\u1680', '\u2000',
            '\u2007', '\u200B', '\u200C', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
            '\uFEFF', 'a', 'Z', ',', '.')
        .ofMaxLength(30);
  }
}
