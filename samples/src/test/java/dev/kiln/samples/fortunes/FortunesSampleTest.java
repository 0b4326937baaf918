package dev.kiln.samples.fortunes;

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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fortunes sample on made-up text (CI has no fortunes): the recipe's reading and split, Python's
 * shuffle, and a short run that reports, plots, saves, and generates what the saved model generates.
 */
class FortunesSampleTest {
  @TempDir Path dir;

  @Test
  void pythonsShuffleIsReproduced() {
    // random.Random(0).shuffle(list(range(20))) in CPython 3.
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < 20; i++) list.add(i);
    new PythonRandom(0).shuffle(list);
    assertEquals(List.of(10, 18, 16, 14, 0, 17, 11, 2, 3, 9, 5, 7, 4, 19, 6, 15, 8, 1, 13, 12), list);
  }

  @Test
  void theRecipeKeepsNewlinesAndPrintableAsciiAndSplitsOnPercentLines() {
    byte[] bytes = "one\n%\n\ntwo\u0008x\n%\n%\nthree\n".getBytes(StandardCharsets.ISO_8859_1);
    FortuneText text = FortuneText.of(bytes);
    assertEquals(3, text.entries());
    String all = new String(toChars(text.train())) + "|" + new String(toChars(text.valid()));
    assertTrue(all.contains("twox"), all);
    assertTrue(!all.contains("\u0008"), "the backspace is dropped");
  }

  @Test
  void theFilesWithoutAnExtensionAreReadAndAMissingDirectoryNamesThePackage() throws IOException {
    assertTrue(FortuneText.missing(dir.resolve("none")).contains("apt-get install fortunes"));
    Files.writeString(dir.resolve("cookie.dat"), "ignored");
    assertTrue(FortuneText.missing(dir) != null, "only .dat files: none");
    Files.writeString(dir.resolve("cookie"), madeUp(200, 1));
    assertEquals(null, FortuneText.missing(dir));
    assertTrue(FortuneText.read(dir).entries() > 150);
  }

  @Test
  void aShortRunReportsSavesAndGeneratesWhatTheSavedModelGenerates() throws IOException {
    FortuneText text = FortuneText.of(madeUp(3000, 2).getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    FortuneGptModel model = Main.train(text, 4, dir, print, false);
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("step 4: train loss "), report);
    assertTrue(Files.size(dir.resolve("loss.png")) > 0);
    String generated = Main.generate(model, print);
    assertEquals(Main.NEW_CHARACTERS, generated.length());
    assertTrue(generated.chars().allMatch(c -> c < 128));
    FortuneGptModel loaded = FortuneGptModel.load(dir.resolve("fortune-gpt.safetensors"));
    assertArrayEquals(model.parameters(), loaded.parameters());
    assertEquals(generated, Main.generate(loaded, print), "the saved model generates the same text");
  }

  /** Entries of made-up words over a few letters, separated by "%" lines, as a fortune file holds them. */
  static String madeUp(int entries, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int e = 0; e < entries; e++) {
      for (int w = 2 + random.nextInt(6); w > 0; w--) {
        for (int n = 2 + random.nextInt(5); n > 0; n--) text.append("aeioulmnrst".charAt(random.nextInt(11)));
        text.append(random.nextInt(8) == 0 ? '\n' : ' ');
      }
      text.append("\n%\n");
    }
    return text.toString();
  }

  private static char[] toChars(int[] tokens) {
    char[] chars = new char[tokens.length];
    for (int i = 0; i < tokens.length; i++) chars[i] = (char) tokens[i];
    return chars;
  }
}
