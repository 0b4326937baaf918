package dev.kiln.samples.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language sample on made-up words (CI has no word lists): the recipe's filtering and encoding, javac's
 * error for a head ending in @Softmax, and a run that learns five made-up languages.
 */
class LanguageSampleTest {
  @TempDir Path dir;

  /** Five "languages", each of words from six letters of its own. */
  static Map<String, List<String>> madeUpLists(int perLanguage, long seed) {
    String[] alphabets = {"abcdef", "ghijkl", "mnopqr", "stuvwx", "yzàéöñ"};
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (int language = 0; language < 5; language++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < perLanguage; i++) {
        StringBuilder word = new StringBuilder();
        for (int n = 3 + random.nextInt(8); n > 0; n--) {
          word.append(alphabets[language].charAt(random.nextInt(6)));
        }
        words.add(word.toString());
      }
      lists.put(List.of("en", "de", "fr", "es", "it").get(language), words);
    }
    return lists;
  }

  @Test
  void theRecipeKeepsThreeToTwentyLettersOnceAndDropsWordsOfTwoLists() {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("en", List.of("Cat", "cat", "at", "shared", "d0g", "abcdefghijklmnopqrstu", "dog"));
    lists.put("de", List.of("Hund", "shared"));
    lists.put("fr", List.of("chat"));
    lists.put("es", List.of("perro"));
    lists.put("it", List.of("cane"));
    WordLists words = WordLists.of(lists, 10, 1);
    // en keeps cat and dog (once each); shared is in two lists; at is short, d0g not letters, the last too long.
    // One word of each language trains; en's second is its test word.
    assertEquals(5, words.train().size());
    assertEquals(1, words.test().size());
  }

  @Test
  void aWordIsClsThenItsLettersFromTwoThenPadding() {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("en", List.of("bca", "abc"));
    lists.put("de", List.of("aab"));
    lists.put("fr", List.of("ccc"));
    lists.put("es", List.of("cab"));
    lists.put("it", List.of("bcb"));
    // Two English words, shuffled with seed 0: whichever trains, the other is the test word.
    WordLists words = WordLists.of(lists, 2, 1);
    int[] tokens = words.train().tokens()[1] == 3 ? words.train().tokens() : words.test().tokens();
    int[] first = new int[WordLists.LENGTH];
    first[0] = 1;
    first[1] = 3; // b: letters a, b, c are 2, 3, 4
    first[2] = 4;
    first[3] = 2;
    assertArrayEquals(first, java.util.Arrays.copyOf(tokens, WordLists.LENGTH));
  }

  @Test
  void aHeadEndingInSoftmaxIsJavacsError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.printSoftmaxHead(new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("SoftmaxHead.java:11: error: [kiln:softmax-before-cross-entropy] @Softmax on head()"
        + " feeds @Loss(CROSS_ENTROPY)"), printed);
  }

  @Test
  void missingListsNameTheDebianPackages() {
    assertTrue(WordLists.missing(dir).contains("apt-get install wamerican wngerman wfrench wspanish witalian"));
  }

  @Test
  void theSampleLearnsFiveMadeUpLanguages() throws IOException {
    WordLists words = WordLists.of(madeUpLists(240, 3), 240, 200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    double accuracy = Main.run(words, 3, dir, new PrintStream(out, true, StandardCharsets.UTF_8), false);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy > 0.9, printed);
    assertTrue(printed.contains("epoch 3: loss"), printed);
    assertTrue(printed.contains("true \\ predicted"), printed);
    assertTrue(Files.size(dir.resolve("history.png")) > 0);
  }
}
