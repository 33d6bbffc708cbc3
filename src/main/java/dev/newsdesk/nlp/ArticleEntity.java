package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One named entity as it appears in one article, after in-article merging.
 *
 * @param name the fullest form of the name written in the article ("Vladimir Putin")
 * @param type the resolved type
 * @param mentions every mention in the title and body; title mentions have no offsets, so this is
 *     {@code offsets().size()} plus the number of title mentions
 * @param forms the distinct surface forms as written, in reading order (title first)
 * @param salience in [0,1]: frequency, presence in the title and in the lead paragraph
 * @param offsets {@code [start, end)} character offsets of every body mention into the body text,
 *     in reading order; {@code body.substring(start, end)} is a surface form. Serialises as {@code
 *     [[start,end],...]}
 * @param key {@link EntityKeys#normalise(String)} of {@code name}; with {@code type} it is the
 *     cross-article identity
 */
public record ArticleEntity(
    String name,
    EntityType type,
    int mentions,
    List<String> forms,
    double salience,
    List<int[]> offsets,
    String key) {

  public ArticleEntity {
    forms = List.copyOf(forms);
    List<int[]> copies = new ArrayList<>(offsets.size());
    for (int[] offset : offsets) {
      if (offset.length != 2 || offset[0] < 0 || offset[1] < offset[0]) {
        throw new IllegalArgumentException("offset must be [start, end) with 0 <= start <= end");
      }
      copies.add(offset.clone());
    }
    offsets = List.copyOf(copies);
    if (salience < 0 || salience > 1) {
      throw new IllegalArgumentException("salience must be in [0,1]: " + salience);
    }
  }

  /**
   * Keys under which this entity may be matched to entities of the same type in other articles: its
   * own key and the keys of its other forms, except a person's single-word forms (a bare surname or
   * first name is too ambiguous to identify anyone across articles).
   */
  public Set<String> aliasKeys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(key);
    for (String form : forms) {
      String formKey = EntityKeys.normalise(form);
      boolean bareName = type == EntityType.PERSON && EntityKeys.tokens(formKey).size() < 2;
      if (!formKey.isEmpty() && !bareName) {
        keys.add(formKey);
      }
    }
    return keys;
  }
}
