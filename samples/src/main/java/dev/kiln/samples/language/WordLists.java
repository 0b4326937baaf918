package dev.kiln.samples.language;

import dev.kiln.runtime.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words in five languages as token ids, by {@code torch_language.py}'s recipe: each word lower-cased and
 * kept when it is 3 to 20 letters; a word in more than one list dropped from all; per language the words
 * sorted, shuffled with seed 0 and the first 8,000 taken, 7,200 to train and 800 to test. Ids: 0 is
 * padding, 1 is [CLS], the letters follow from 2 in sorted order; a word is [CLS] and its letters,
 * padded to 24 tokens. Only the random generator differs from the script's.
 */
public final class WordLists {
  /** The languages and Debian's files of them, in label order. */
  public static final Map<String, String> FILES = files();
  public static final Path DEBIAN = Path.of("/usr/share/dict");
  public static final int LENGTH = 24;
  public static final int VOCABULARY = 64;
  static final int PADDING = 0;
  static final int CLS = 1;

  private final Dataset train;
  private final Dataset test;
  private final int letters;

  private WordLists(Dataset train, Dataset test, int letters) {
    this.train = train;
    this.test = test;
    this.letters = letters;
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("en", "american-english");
    files.put("de", "ngerman");
    files.put("fr", "french");
    files.put("es", "spanish");
    files.put("it", "italian");
    return Collections.unmodifiableMap(files);
  }

  /** Why {@code dir} cannot be read, or null when it holds the five lists. */
  public static String missing(Path dir) {
    for (String file : FILES.values()) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        return "Word lists not found: " + dir.resolve(file) + " does not exist. Install Debian's packages"
            + " (apt-get install wamerican wngerman wfrench wspanish witalian), or pass the directory that holds "
            + String.join(", ", FILES.values());
      }
    }
    return null;
  }

  /** The five lists in {@code dir}, read as UTF-8, by the recipe. */
  public static WordLists read(Path dir) throws IOException {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Map.Entry<String, String> language : FILES.entrySet()) {
      lines.put(language.getKey(), Files.readAllLines(dir.resolve(language.getValue()), StandardCharsets.UTF_8));
    }
    return of(lines, 8000, 7200);
  }

  /**
   * The recipe applied to each language's lines (in label order): {@code perLanguage} words each, the
   * first {@code train} of them to train.
   */
  public static WordLists of(Map<String, List<String>> lines, int perLanguage, int train) {
    List<Set<String>> kept = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (List<String> list : lines.values()) {
      Set<String> words = new TreeSet<>();
      for (String line : list) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (word.length() >= 3 && word.length() <= 20 && word.codePoints().allMatch(Character::isLetter)) {
          words.add(word);
        }
      }
      words.forEach(w -> seen.merge(w, 1, Integer::sum));
      kept.add(words);
    }
    List<List<String>> chosen = new ArrayList<>();
    Set<Integer> characters = new TreeSet<>();
    for (Set<String> words : kept) {
      List<String> unique = new ArrayList<>();
      for (String word : words) if (seen.get(word) == 1) unique.add(word);
      Collections.shuffle(unique, new Random(0));
      List<String> taken = unique.subList(0, Math.min(perLanguage, unique.size()));
      taken.forEach(w -> w.codePoints().forEach(characters::add));
      chosen.add(taken);
    }
    Map<Integer, Integer> ids = new HashMap<>();
    for (int c : characters) ids.put(c, ids.size() + 2);
    if (ids.size() + 2 > VOCABULARY) {
      throw new IllegalArgumentException(ids.size() + " distinct letters: more than the vocabulary of " + VOCABULARY
          + " holds with padding and [CLS]");
    }
    List<int[]> trainRows = new ArrayList<>();
    List<int[]> testRows = new ArrayList<>();
    for (int label = 0; label < chosen.size(); label++) {
      List<String> words = chosen.get(label);
      for (int i = 0; i < words.size(); i++) {
        (i < train ? trainRows : testRows).add(encode(words.get(i), ids, label));
      }
    }
    return new WordLists(dataset(trainRows), dataset(testRows), ids.size());
  }

  /** [CLS], the word's letters, padding to {@link #LENGTH}; then the label. */
  private static int[] encode(String word, Map<Integer, Integer> ids, int label) {
    int[] row = new int[LENGTH + 1];
    row[0] = CLS;
    int[] codePoints = word.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) row[i + 1] = ids.get(codePoints[i]);
    row[LENGTH] = label;
    return row;
  }

  private static Dataset dataset(List<int[]> rows) {
    int[] tokens = new int[rows.size() * LENGTH];
    int[] labels = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, tokens, r * LENGTH, LENGTH);
      labels[r] = rows.get(r)[LENGTH];
    }
    return Dataset.ofTokens(tokens, LENGTH, labels);
  }

  public Dataset train() {
    return train;
  }

  public Dataset test() {
    return test;
  }

  /** Distinct letters in the kept words: ids 2 to letters + 1. */
  public int letters() {
    return letters;
  }
}
